"""Independent reference for the COHERENT CsI[Na] 2017 Standard-Model CEvNS prediction (run once; the numbers it prints
are pinned in CoherentCsI2017Tests.cs). Written from the formulas, not from NuMM's code:

  dσ/dT = G_F² M Q_W² F²(q) / (4π) · (1 − T/E − M T / (2E²)),  Q_W = N − (1 − 4 sin²θ_W) Z,  q = √(2 M T)
  F = Helm (Lewin & Smith 1996: s = 0.9 fm, R² = c² + 7/3 π² a² − 5 s², c = 1.23 A^⅓ − 0.60 fm, a = 0.52 fm)
  π-DAR: prompt ν_μ line at (m_π² − m_μ²)/(2 m_π); delayed ν̄_μ and ν_e Michel spectra; 0.08 ν per flavour per proton
  1.76e23 protons on target, L = 19.3 m, 14.57 kg CsI; PE = T[keVnr] · 0.0878 · 13.348; efficiency of the release at the
  1-PE bin centres.
Usage: /usr/bin/python3 csi2017_reference.py
"""
import math
from scipy import integrate

GF = 1.1663788e-11          # MeV^-2 (PDG 2024)
HBARC2 = 0.389379372e-21    # MeV^2 cm^2
HBARC = 197.3269804         # MeV fm
SW2 = 0.23873               # low-energy MS-bar sin^2 theta_W (PDG 2024)
U = 931.49410372            # MeV
ME = 0.51099895069
MPI, MMU = 139.57039, 105.6583755
NA = 6.02214076e23

def nuclear_mass(z, atomic_u):
    be = 1e-6 * (14.4381 * z ** 2.39 + 1.55468e-6 * z ** 5.35)
    return atomic_u * U - z * ME + be

NUCLEI = [  # name, Z, A, atomic mass (AME2020, u)
    ("Cs133", 55, 133, 132.905451961),
    ("I127", 53, 127, 126.904471842),
]

def helm(q_mev, a):
    q = q_mev / HBARC
    c = 1.23 * a ** (1 / 3) - 0.60
    s, aa = 0.9, 0.52
    r = math.sqrt(c * c + 7 / 3 * math.pi ** 2 * aa * aa - 5 * s * s)
    x = q * r
    j = 1 - x * x / 10 if x < 1e-3 else 3 * (math.sin(x) - x * math.cos(x)) / x ** 3
    return j * math.exp(-q * q * s * s / 2)

def dsigma(e, t, z, a, m):
    if t <= 0 or e <= 0:
        return 0.0
    br = 1 - t / e - m * t / (2 * e * e)
    if br <= 0:
        return 0.0
    qw = (a - z) - (1 - 4 * SW2) * z
    f = helm(math.sqrt(2 * m * t), a)
    return GF ** 2 * m * qw ** 2 / (4 * math.pi) * f * f * br * HBARC2

E_PROMPT = (MPI ** 2 - MMU ** 2) / (2 * MPI)
def numubar(e): x = e / MMU; return 64 / MMU * x * x * (0.75 - x) if 0 <= e <= MMU / 2 else 0.0
def nue(e): x = e / MMU; return 192 / MMU * x * x * (0.5 - x) if 0 <= e <= MMU / 2 else 0.0

POT, NU_PER_P, L_CM, MASS_KG = 1.76e23, 0.08, 1930.0, 14.57
FLUENCE = POT * NU_PER_P / (4 * math.pi * L_CM ** 2)          # per flavour per cm^2
MOLAR = sum(n[3] for n in NUCLEI)
TARGETS = MASS_KG * 1000 / MOLAR * NA                        # of each nucleus
PE_PER_KEV = 0.0878 * 13.348

def eff(pe):
    f = 0.6655 / (1 + math.exp(-0.4942 * (pe - 10.8507)))
    return 0 if pe < 5 else (0.5 * f if pe < 6 else f)

def rate_t(t, flavour):
    """dN/dT (per MeV of recoil) summed over nuclei for one flavour."""
    tot = 0.0
    for _, z, a, au in NUCLEI:
        m = nuclear_mass(z, au)
        if flavour == "prompt":
            tot += dsigma(E_PROMPT, t, z, a, m)
        else:
            emin = 0.5 * (t + math.sqrt(t * t + 2 * m * t))
            if emin >= MMU / 2:
                continue
            pdf = numubar if flavour == "numubar" else nue
            tot += integrate.quad(lambda e: pdf(e) * dsigma(e, t, z, a, m), emin, MMU / 2, epsabs=0, epsrel=1e-11, limit=200)[0]
    return tot * FLUENCE * TARGETS

def counts(flavour, with_eff, pe_max=50):
    total = 0.0
    for k in range(1, pe_max + 1):
        lo, hi = (k - 1) / PE_PER_KEV * 1e-3, k / PE_PER_KEV * 1e-3
        n = integrate.quad(lambda t: rate_t(t, flavour), lo, hi, epsabs=0, epsrel=1e-10, limit=200)[0]
        total += n * (eff(k - 0.5) if with_eff else 1.0)
    return total

if __name__ == "__main__":
    print(f"fluence per flavour {FLUENCE:.6e} /cm2, targets {TARGETS:.6e}")
    for fl in ("prompt", "numubar", "nue"):
        print(fl, "0-50 PE no eff %.6f  with eff %.6f" % (counts(fl, False), counts(fl, True)))
