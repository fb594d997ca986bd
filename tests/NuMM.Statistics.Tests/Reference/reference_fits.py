#!/usr/bin/python3
"""Independent reference numbers for NuMM.Statistics tests.

Builds the same models as the C# tests from the inputs written into reference_fits.json, and fits them with
iminuit (MIGRAD + HESSE) and scipy. The C# tests read reference_fits.json; CI does not run this script.

Run:  /usr/bin/python3 tests/NuMM.Statistics.Tests/Reference/reference_fits.py
(needs numpy, scipy, iminuit; versions are recorded in the output).
"""
import json
import os

import iminuit
import numpy as np
import scipy
from iminuit import Minuit
from scipy.interpolate import CubicHermiteSpline
from scipy.optimize import brentq, minimize, minimize_scalar
from scipy.stats import chi2, norm

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference_fits.json")


def poisson_dev(d, m):
    """Baker-Cousins 2*sum(m - d + d ln(d/m))."""
    m = np.maximum(m, 1e-12)
    t = m - d
    nz = d > 0
    t[nz] += d[nz] * np.log(d[nz] / m[nz])
    return 2.0 * t.sum()


def linear_ratio(theta, r_minus, r_plus):
    r = np.where(theta >= 0, 1.0 + theta * (r_plus - 1.0), 1.0 + theta * (1.0 - r_minus))
    return np.maximum(r, 0.0)


# ---------------------------------------------------------------- case 1: binned Poisson fit with mu^2 signal
rng = np.random.default_rng(12345)
nb = 10
x = (np.arange(nb) + 0.5) / nb
signal = 12.0 * np.exp(-3.0 * x)                 # events at mu = 1
nue = 40.0 + 10.0 * x                            # nu-on-e background
mec = 15.0 * np.exp(-((x - 0.6) / 0.2) ** 2)     # nu_e CC MEC
nue_up = nue * (1.0 + 0.08 * (x - 0.5))          # +1 sigma energy-scale shift
nue_dn = nue * (1.0 - 0.06 * (x - 0.5))          # -1 sigma
truth = dict(mu=0.6, norm_nue=1.05, escale=0.4, mec_norm=-0.5)


def pred1(mu, norm_nue, escale, mec_norm):
    r = linear_ratio(escale, nue_dn / nue, nue_up / nue)
    return mu * mu * signal + norm_nue * nue * r + max(0.0, 1.0 + 0.2 * mec_norm) * mec


data1 = rng.poisson(pred1(**truth)).astype(float)


def nll1(mu, norm_nue, escale, mec_norm):
    return poisson_dev(data1, pred1(mu, norm_nue, escale, mec_norm)) + escale ** 2 + mec_norm ** 2


m1 = Minuit(nll1, mu=0.5, norm_nue=1.0, escale=0.0, mec_norm=0.0)
m1.errordef = Minuit.LEAST_SQUARES
m1.limits["mu"] = (0, 10)
m1.limits["norm_nue"] = (0, 10)
m1.limits["escale"] = (-5, 5)
m1.limits["mec_norm"] = (-5, 5)
m1.strategy = 2
m1.tol = 1e-6
m1.migrad()
m1.hesse()
assert m1.valid
# HESSE on a copy without limits: iminuit maps errors of bounded parameters through its internal sin transform,
# which distorts them for mu (near its bound, entering as mu^2); the C# fitter reports plain Hessian errors.
m1h = Minuit(nll1, **{p: m1.values[p] for p in ["mu", "norm_nue", "escale", "mec_norm"]})
m1h.errordef = Minuit.LEAST_SQUARES
m1h.hesse()


def profile1(mu):
    m = Minuit(lambda a, b, c: nll1(mu, a, b, c), a=m1.values["norm_nue"], b=m1.values["escale"], c=m1.values["mec_norm"])
    m.errordef = 1
    m.limits = [(0, 10), (-5, 5), (-5, 5)]
    m.strategy = 2
    m.tol = 1e-7
    m.migrad()
    return m.fval


chi2min1 = m1.fval
mu_hat = m1.values["mu"]
ul1 = brentq(lambda mu: profile1(mu) - chi2min1 - chi2.ppf(0.9, 1), mu_hat, 5.0, xtol=1e-10)
scan_mu = [0.0, 0.25, 0.5, 0.75, 1.0, 1.25]
scan1 = [profile1(mu) - chi2min1 for mu in scan_mu]

case1 = dict(
    bins=nb, signal=signal.tolist(), nue=nue.tolist(), mec=mec.tolist(), nue_up=nue_up.tolist(), nue_down=nue_dn.tolist(),
    mec_uncertainty=0.2, data=data1.tolist(),
    parameters=["mu", "norm_nue", "escale", "mec_norm"],
    minimum=chi2min1, values=[m1.values[p] for p in ["mu", "norm_nue", "escale", "mec_norm"]],
    errors=[m1h.errors[p] for p in ["mu", "norm_nue", "escale", "mec_norm"]],
    errors_bounded_migrad=[m1.errors[p] for p in ["mu", "norm_nue", "escale", "mec_norm"]],
    correlation_mu_norm=float(m1h.covariance.correlation()["mu", "norm_nue"]),
    upper_limit_mu_90=ul1, scan_mu=scan_mu, scan_delta_chi2=scan1,
)

# ---------------------------------------------------------------- case 2: chi2 with a covariance matrix
nb2 = 6
base = np.array([100.0, 90.0, 70.0, 55.0, 40.0, 30.0])
sig2 = np.array([20.0, 15.0, 10.0, 6.0, 3.0, 1.0])
frac = 0.05
cov_syst = frac * frac * np.outer(base, base) * (0.5 + 0.5 * np.eye(nb2))  # 5 % errors, 50 % correlated
data2 = np.array([118.0, 101.0, 83.0, 57.0, 45.0, 29.0])
V = cov_syst + np.diag(data2)
Vinv = np.linalg.inv(V)


def chi2_2(s, b):
    r = data2 - (s * sig2 + b * base)
    return float(r @ Vinv @ r) + ((b - 1.0) / 0.1) ** 2


m2 = Minuit(chi2_2, s=0.5, b=1.0)
m2.errordef = 1
m2.strategy = 2
m2.tol = 1e-7
m2.migrad()
m2.hesse()
res2 = minimize(lambda p: chi2_2(*p), [0.5, 1.0], method="BFGS", options=dict(gtol=1e-10))
case2 = dict(
    base=base.tolist(), signal=sig2.tolist(), covariance=cov_syst.tolist(), data=data2.tolist(), b_constraint_sigma=0.1,
    minimum=m2.fval, values=[m2.values["s"], m2.values["b"]], errors=[m2.errors["s"], m2.errors["b"]],
    scipy_minimum=float(res2.fun), scipy_values=res2.x.tolist(),
)

# ---------------------------------------------------------------- case 3: NOvA counting experiment (technote sec. 2.5.1)
n3, b3, d3 = 25, 23.78, 0.109


def nll3(s, th):
    m = s + b3 * max(0.0, 1.0 + d3 * th)
    return 2.0 * (m - n3 + n3 * np.log(n3 / m)) + th * th


def prof3(s):
    r = minimize_scalar(lambda th: nll3(s, th), bounds=(-5, 5), method="bounded", options=dict(xatol=1e-12))
    return r.fun


g3 = minimize_scalar(lambda s: prof3(s), bounds=(0, 50), method="bounded", options=dict(xatol=1e-12))
s_hat3, chi2min3 = g3.x, g3.fun
ul3 = brentq(lambda s: prof3(s) - chi2min3 - chi2.ppf(0.9, 1), s_hat3, 60, xtol=1e-12)

# Asymptotic CLs (Cowan et al. 2011) with the background-only Asimov set (theta fitted to data at s = 0).
th0 = minimize_scalar(lambda th: nll3(0.0, th), bounds=(-5, 5), method="bounded", options=dict(xatol=1e-12)).x
nA = b3 * (1.0 + d3 * th0)


def nllA(s, th):
    m = s + b3 * max(0.0, 1.0 + d3 * th)
    return 2.0 * (m - nA + nA * np.log(nA / m)) + (th - th0) ** 2


def qA(s):
    return minimize_scalar(lambda th: nllA(s, th), bounds=(-5, 5), method="bounded", options=dict(xatol=1e-12)).fun


def qobs(s):
    return 0.0 if s_hat3 > s else max(0.0, prof3(s) - chi2min3)


def cls(s):
    q, qa = qobs(s), qA(s)
    if q <= qa:
        clsb, clb = norm.sf(np.sqrt(q)), norm.cdf(np.sqrt(qa) - np.sqrt(q))
    else:
        clsb, clb = norm.sf((q + qa) / (2 * np.sqrt(qa))), norm.sf((q - qa) / (2 * np.sqrt(qa)))
    return clsb / clb


cls_obs = brentq(lambda s: cls(s) - 0.1, max(s_hat3, 1e-6), 60, xtol=1e-10)
cls_exp = []
for n_sig in [-2, -1, 0, 1, 2]:
    target = n_sig + norm.ppf(1 - 0.1 * norm.cdf(n_sig))
    cls_exp.append(brentq(lambda s: np.sqrt(qA(s)) - target, 1e-6, 80, xtol=1e-10))
case3 = dict(observed=n3, background=b3, fractional_uncertainty=d3, s_hat=s_hat3, minimum=chi2min3,
             profile_upper_limit_90=ul3, cls_observed_90=cls_obs, cls_expected_90=cls_exp)

# ---------------------------------------------------------------- case 4: cubic Hermite interpolation of ratios
knots = np.array([-2.0, -1.0, 0.0, 1.0, 2.0])
ratios = np.array([0.80, 0.93, 1.0, 1.10, 1.16])
slopes = np.empty_like(ratios)
slopes[0] = (ratios[1] - ratios[0]) / (knots[1] - knots[0])
slopes[-1] = (ratios[-1] - ratios[-2]) / (knots[-1] - knots[-2])
for i in range(1, len(knots) - 1):
    slopes[i] = (ratios[i + 1] - ratios[i - 1]) / (knots[i + 1] - knots[i - 1])
spline = CubicHermiteSpline(knots, ratios, slopes)
thetas = [-1.7, -1.2, -0.5, -0.1, 0.3, 0.8, 1.5, 1.9]
case4 = dict(knots=knots.tolist(), ratios=ratios.tolist(), thetas=thetas, cubic=[float(spline(t)) for t in thetas],
             extrapolated_theta=[-3.0, 2.5], extrapolated=[float(ratios[0] + slopes[0] * (-1.0)), float(ratios[-1] + slopes[-1] * 0.5)])

out = dict(
    generator="tests/NuMM.Statistics.Tests/Reference/reference_fits.py",
    versions=dict(numpy=np.__version__, scipy=scipy.__version__, iminuit=iminuit.__version__),
    binned_poisson=case1, covariance_chi2=case2, counting_nova=case3, cubic_interpolation=case4,
)
with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(dict(ul_mu=ul1, counting_ul=ul3, cls=cls_obs, cls_exp=cls_exp, fit1=case1["values"], err1=case1["errors"]), indent=1))
