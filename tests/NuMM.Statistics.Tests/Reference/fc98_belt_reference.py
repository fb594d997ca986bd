#!/usr/bin/python3
"""Independent reference for the exact Feldman-Cousins Poisson belt (FC98, Phys. Rev. D 57, 3873, section IV), strict and
with the upper end made non-increasing in the background.

Written with numpy/scipy from the construction's definition, not from NuMM's code: for each (mu, b) every count n is
ranked by R = P(n | mu + b) / P(n | max(0, n - b) + b) with a stable sort (lower n first on ties), and n0 belongs to the
acceptance region when the probability of the counts ranked before it is below the C.L. The interval for n0 is the hull
of the accepted mu on a 0.005 grid (the paper's step), its ends refined by bisection. The adjusted upper end is the
largest strict upper end over b' in [b, 25] on a 0.005 grid of backgrounds.
Run:  /usr/bin/python3 tests/NuMM.Statistics.Tests/Reference/fc98_belt_reference.py  -> fc98_belt_reference.json
"""
import json
import os

import numpy as np
import scipy
from scipy.stats import poisson

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fc98_belt_reference.json")
CL, STEP, B_STEP, B_MAX = 0.9, 0.005, 0.005, 25.0


def accepted(n0, mus, b):
    """Boolean array: does the acceptance region of each mu in `mus` (background b) contain n0?"""
    mus = np.atleast_1d(np.asarray(mus, float))
    nmax = int(mus.max() + b + 12 * np.sqrt(mus.max() + b + 1) + 30)
    n = np.arange(nmax + 1)
    p = poisson.pmf(n[None, :], mus[:, None] + b)
    r = p / poisson.pmf(n, np.maximum(0.0, n - b) + b)[None, :]
    order = np.argsort(-r, axis=1, kind="stable")
    p_sorted = np.take_along_axis(p, order, axis=1)
    before = np.cumsum(p_sorted, axis=1) - p_sorted  # probability of the counts ranked ahead
    pos = np.argmax(order == n0, axis=1)
    return before[np.arange(len(mus)), pos] < CL


def edge(n0, b, a, c, accepted_at_high):
    for _ in range(40):
        m = 0.5 * (a + c)
        if bool(accepted(n0, m, b)[0]) == accepted_at_high:
            c = m
        else:
            a = m
    return 0.5 * (a + c)


def strict(n0, b):
    mus = np.arange(0, int((n0 + 10 * np.sqrt(n0 + 1) + 20) / STEP) + 1) * STEP
    ok = np.nonzero(accepted(n0, mus, b))[0]
    first, last = ok[0], ok[-1]
    lower = 0.0 if first == 0 else edge(n0, b, mus[first - 1], mus[first], True)
    upper = edge(n0, b, mus[last], mus[last] + STEP, False)
    return lower, upper


def adjusted_upper(n0, b):
    upper = strict(n0, b)[1]
    cap = strict(n0, 0.0)[1]
    grid = np.arange(int(np.floor(upper / STEP)) + 1, int(np.floor(cap / STEP)) + 1) * STEP
    for k in range(1, int(np.floor((B_MAX - b) / B_STEP + 1e-9)) + 1):
        bb = b + k * B_STEP
        above = grid[grid > upper]
        if len(above) == 0:
            break
        ok = np.nonzero(accepted(n0, above, bb))[0]
        if len(ok):
            upper = edge(n0, bb, above[ok[-1]], above[ok[-1]] + STEP, False)
    return upper


cases = [(0, 1.0), (0, 2.0), (0, 3.0), (0, 5.0), (1, 5.0), (2, 4.0)]
out = {"versions": {"numpy": np.__version__, "scipy": scipy.__version__}, "cl": CL, "cases": []}
for n0, b in cases:
    lo, up = strict(n0, b)
    adj = adjusted_upper(n0, b)
    out["cases"].append({"n0": n0, "b": b, "strict_lower": lo, "strict_upper": up, "adjusted_upper": adj})
    print(n0, b, round(lo, 4), round(up, 4), round(adj, 4), flush=True)
with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
