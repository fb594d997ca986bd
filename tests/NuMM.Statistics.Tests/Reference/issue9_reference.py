#!/usr/bin/python3
"""Independent reference numbers for the issue-9 fitter tests (global minima, saddles, Feldman-Cousins ties and
Gaussian FC, asymptotic CLs / p-values).

Every number is computed here with numpy/scipy from the model definitions written below, not with NuMM.
Run:  /usr/bin/python3 tests/NuMM.Statistics.Tests/Reference/issue9_reference.py  -> issue9_reference.json
"""
import json
import os

import numpy as np
import scipy
from scipy.optimize import brentq, minimize, minimize_scalar
from scipy.stats import norm, poisson

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "issue9_reference.json")
out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__}}


def poisson_dev(d, m):
    d = np.asarray(d, float)
    m = np.maximum(np.asarray(m, float), 1e-12)
    t = m - d
    nz = d > 0
    t[nz] += d[nz] * np.log(d[nz] / m[nz])
    return 2.0 * t.sum()


# ---------------------------------------------------------------- two minima: one shared template systematic, 2 bins
nom = np.array([100.0, 50.0])
up = np.array([110.0, 52.0])
dn = np.array([105.0, 51.0])      # both shifts raise the prediction: a kink at 0 and one minimum on each side
data = np.array([112.0, 53.0])


def pred_two(theta):
    r = np.where(theta >= 0, 1 + theta * (up / nom - 1), 1 + theta * (1 - dn / nom))
    return nom * np.maximum(r, 0)


def chi2_two(theta):
    return poisson_dev(data, pred_two(theta)) + theta * theta


def dchi2_two(theta):
    """Analytic derivative: sum 2 (1 - d/m) dm/dtheta + 2 theta, dm/dtheta = up - nom (theta > 0) or nom - down (theta < 0)."""
    slope = up - nom if theta >= 0 else nom - dn
    return (2 * (1 - data / pred_two(theta)) * slope).sum() + 2 * theta


# Each branch's minimum is the root of the analytic derivative (bracketed by a bounded scalar minimisation).
pos = brentq(dchi2_two, 1e-9, 5, xtol=1e-15)
neg = brentq(dchi2_two, -5, -1e-9, xtol=1e-15)
out["two_minima"] = dict(nominal=nom.tolist(), up=up.tolist(), down=dn.tolist(), data=data.tolist(),
                         global_theta=pos, global_chi2=chi2_two(pos), local_theta=neg, local_chi2=chi2_two(neg))
assert chi2_two(pos) < chi2_two(neg)

# ---------------------------------------------------------------- mu^2 signal, saddle at mu = 0
sig = np.array([2.0, 4.0, 6.0, 4.0, 2.0])
bkg = np.array([20.0, 18.0, 15.0, 12.0, 10.0])
obs = np.array([23.0, 25.0, 22.0, 15.0, 11.0])


def chi2_sq(mu):
    return poisson_dev(obs, mu * mu * sig + bkg)


def dchi2_sq(mu):
    return (2 * (1 - obs / (mu * mu * sig + bkg)) * 2 * mu * sig).sum()


grid = np.linspace(0, 10, 10001)
g0 = grid[np.argmin([chi2_sq(m) for m in grid])]           # the global minimum's neighbourhood on a grid
mu_hat = brentq(dchi2_sq, g0 - 0.01, g0 + 0.01, xtol=1e-15)  # refined on the analytic derivative
out["square_saddle"] = dict(signal=sig.tolist(), background=bkg.tolist(), data=obs.tolist(),
                            mu_hat=mu_hat, chi2_min=chi2_sq(mu_hat), chi2_at_zero=chi2_sq(0.0))

# ---------------------------------------------------------------- exact Poisson FC, n = 25, b = 23.78 (b known)
def fc_accepts(n0, mu, b, cl=0.9):
    ns = np.arange(0, int(mu + b + 15 * np.sqrt(mu + b + 1) + 40))
    best = np.maximum(0, ns - b) + b
    logr = poisson.logpmf(ns, mu + b) - poisson.logpmf(ns, best)
    order = np.argsort(-logr, kind="stable")
    p = poisson.pmf(ns, mu + b)
    cum = 0.0
    for n in order:
        cum += p[n]
        if n == n0:
            return True
        if cum >= cl:
            return False
    return False


def fc_upper(n0, b, step=0.001):
    mu = 0.0
    while fc_accepts(n0, mu + step, b):
        mu += step
    lo, hi = mu, mu + step
    for _ in range(50):
        m = 0.5 * (lo + hi)
        if fc_accepts(n0, m, b):
            lo = m
        else:
            hi = m
    return 0.5 * (lo + hi)


out["fc_poisson"] = dict(observed=25, background=23.78, upper=fc_upper(25, 23.78, step=0.01))


# ---------------------------------------------------------------- exact Gaussian FC (sigma = 1, mu >= 0)
def gauss_acceptance(mu, cl=0.9):
    def ends(t):
        lo = mu - t
        if lo < 0:
            lo = (mu * mu - t * t) / (2 * mu) if mu > 0 else -np.inf
        return lo, mu + t

    def content(t):
        lo, hi = ends(t)
        return norm.cdf(hi - mu) - norm.cdf(lo - mu) - cl

    t = brentq(content, 1e-9, 20, xtol=1e-14)
    return ends(t)


def gauss_interval(x0, cl=0.9):
    lower = 0.0 if gauss_acceptance(0.0, cl)[1] >= x0 else brentq(lambda m: gauss_acceptance(m, cl)[1] - x0, 0, x0 + 10, xtol=1e-12)
    upper = brentq(lambda m: gauss_acceptance(m, cl)[0] - x0, max(lower, 1e-9), x0 + 20, xtol=1e-12)
    return lower, upper


out["fc_gaussian"] = {str(x0): list(gauss_interval(x0)) for x0 in [2.6, -0.5, 0.0, 1.0]}

with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out, indent=1))
