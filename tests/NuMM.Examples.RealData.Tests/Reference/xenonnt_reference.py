"""Independent reference for the XENONnT SR0 magnetic-moment signal (run once; the numbers it prints are pinned in
XenonntTests.cs). Written from the formulas, not from NuMM's code:

  dR/dT = N_Xe · Z_eff(T) · π r0² (μ/μ_B)² Σ_sources ∫_{E_min(T)} dΦ/dE (1/T − 1/E) dE,   E_min = (T + √(T² + 2 m_e T))/2
  Z_eff(T): X-ray Data Booklet binding energies of xenon (stepping approximation)
  BS05(OP) fluxes (the repository's embedded tables, piecewise linear, integrated exactly segment by segment)
  observed: true T from 0.1 to 40 keV, Gaussian σ(T) = T (0.3171/√T + 0.0015) keV, released efficiency (linear
  interpolation) at the centre of each 0.1-keV reconstructed bin, 1–30 keV, 1.16 t·yr.
Usage: /usr/bin/python3 xenonnt_reference.py
"""
import math, os
import numpy as np
from scipy.special import erf

HERE = os.path.dirname(os.path.abspath(__file__))
SOLAR = os.path.join(HERE, "../../../src/NuMM.Runtime/Physics/Data/Solar")
XEDATA = os.path.join(HERE, "../../../examples/NuMM.Examples.XenonntEr/Data/XenonntSr0")

ALPHA = 1 / 137.035999177
HBARC_MEV_CM = 197.3269804e-13
ME = 0.51099895069
R0_CM = ALPHA * HBARC_MEV_CM / ME
NA = 6.02214076e23
ATOMS_PER_TONNE = NA * 1e6 / 131.293          # IUPAC standard atomic weight of xenon
YEAR = 365.25 * 86400

SHELLS = [(2, 34.561), (2, 5.453), (2, 5.107), (4, 4.786), (2, 1.1487), (2, 1.0021), (4, 0.9406), (4, 0.6890), (6, 0.6764),
          (2, 0.2132), (2, 0.1467), (4, 0.1455), (4, 0.0695), (6, 0.0675), (2, 0.0233), (2, 0.0134), (4, 0.0121)]
def zeff(t_kev): return sum(n for n, b in SHELLS if t_kev > b)

TOTALS = {"pp": 5.991e10, "pep": 1.421e8, "hep": 7.930e3, "be7": 4.844e9, "b8": 5.691e6, "n13": 3.066e8, "o15": 2.331e8, "f17": 5.836e6}
def table(name, scale=1.0):
    rows = [l.split(",") for l in open(os.path.join(SOLAR, name)) if l.strip() and not l.startswith("#")]
    e = np.array([float(r[0]) for r in rows]); d = np.array([float(r[1]) for r in rows]) * scale
    return e, d
CONTINUA = [("pp", table("pp_shape.csv")), ("hep", table("hep_shape.csv")), ("b8", table("8B_shape_Winter_et_al.csv", 1e-3)),
            ("n13", table("n13_shape.csv")), ("o15", table("o15_shape.csv")), ("f17", table("f17_shape.csv"))]
LINES = [(1.442, TOTALS["pep"]), (0.8618, 0.897 * TOTALS["be7"]), (0.3843, 0.103 * TOTALS["be7"])]

def folded(t_mev):
    """Σ ∫ Φ(E) (1/T − 1/E) dE, per cm² s."""
    emin = 0.5 * (t_mev + math.sqrt(t_mev * t_mev + 2 * ME * t_mev))
    total = 0.0
    for name, (e, d) in CONTINUA:
        norm = TOTALS[name] / np.trapz(d, e)
        for a, b, da, db in zip(e[:-1], e[1:], d[:-1], d[1:]):
            if b <= emin: continue
            q = (db - da) / (b - a); p = da - q * a
            lo = max(a, emin)
            total += norm * ((p * (b - lo) + q * (b * b - lo * lo) / 2) / t_mev - (p * math.log(b / lo) + q * (b - lo)))
    for el, f in LINES:
        if el >= emin: total += f * (1 / t_mev - 1 / el)
    return total

def rate(t_kev, mu=1e-12):
    """events / (t · yr · keV) at true T."""
    return ATOMS_PER_TONNE * zeff(t_kev) * math.pi * R0_CM ** 2 * mu * mu * folded(t_kev * 1e-3) * YEAR * 1e-3

def observed(mu=1e-12):
    eff = np.loadtxt(os.path.join(XEDATA, "efficiency.txt"))
    t = np.linspace(0.1, 40.0, 400001)                                 # 0.0001-keV steps
    r = np.array([rate(x, mu) for x in t[::100]])                      # rate on a 0.01-keV grid…
    r = np.interp(t, t[::100], r)                                      # …(smooth between steps; steps at edges kept by the fine grid below)
    z = np.array([zeff(x) for x in t]); zc = np.array([zeff(x) for x in t[::100]])
    r = r / np.interp(t, t[::100], zc) * z                              # re-impose the exact step function
    sig = t * (0.3171 / np.sqrt(t) + 0.0015)
    edges = 1.0 + 0.1 * np.arange(291)
    total = 0.0
    for lo, hi in zip(edges[:-1], edges[1:]):
        p = 0.5 * (erf((hi - t) / (sig * math.sqrt(2))) - erf((lo - t) / (sig * math.sqrt(2))))
        total += np.trapz(r * p, t) * 1.16 * np.interp(0.5 * (lo + hi), eff[:, 0], eff[:, 1])
    return total

if __name__ == "__main__":
    for t in (0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0):
        print(f"T = {t:5.1f} keV  Z_eff = {zeff(t):2d}  dR/dT(mu=1e-12) = {rate(t):.6e} /(t yr keV)")
    print(f"observed 1-30 keV, mu = 1e-12: {observed():.5f} events")
