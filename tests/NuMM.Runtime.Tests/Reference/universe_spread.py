#!/usr/bin/python3
"""Reference numbers for the universe-spread tests (UniverseSpreadTests, SystematicPredictionTests).

The universes are a closed formula, evaluated identically in the C# tests:
  value(case, u, b) = nominal[b] * (1 + 0.08 sin(1.3 u + 0.7 b + phase) + 0.03 cos(2.1 u (b + 1)))
numpy computes the per-bin mean, the standard deviation and covariance (about the universe mean with N - 1, and about
the nominal with N), and the principal components with numpy.linalg.eigh, sorted by variance (descending), each
eigenvector's sign fixed so that its entries sum to a positive number.
Run: /usr/bin/python3 universe_spread.py  (writes universe_spread.json next to this script)
"""
import json
import math
import os

import numpy as np


def universes(nominal, count, phase):
    nominal = np.asarray(nominal, dtype=float)
    out = np.empty((count, nominal.size))
    for u in range(count):
        for b in range(nominal.size):
            out[u, b] = nominal[b] * (1 + 0.08 * math.sin(1.3 * u + 0.7 * b + phase) + 0.03 * math.cos(2.1 * u * (b + 1)))
    return out


def pca(cov):
    values, vectors = np.linalg.eigh(cov)
    order = np.argsort(values)[::-1]
    values = np.clip(values[order], 0, None)
    vectors = vectors[:, order]
    for k in range(vectors.shape[1]):
        if vectors[:, k].sum() < 0:
            vectors[:, k] = -vectors[:, k]
    return values, vectors


def describe(nominal, values):
    n = values.shape[0]
    mean = values.mean(axis=0)
    cov_mean = np.cov(values, rowvar=False, ddof=1)
    dev = values - np.asarray(nominal)
    cov_nominal = dev.T @ dev / n
    lam, vec = pca(cov_mean)
    lam_n, vec_n = pca(cov_nominal)
    return {
        "nominal": list(nominal),
        "universes": n,
        "mean": mean.tolist(),
        "std_mean": np.sqrt(np.diag(cov_mean)).tolist(),
        "cov_mean": cov_mean.tolist(),
        "eigenvalues_mean": lam.tolist(),
        "eigenvectors_mean": vec.T.tolist(),   # row k = component k
        "fraction_mean": (lam / lam.sum()).tolist(),
        "std_nominal": np.sqrt(np.diag(cov_nominal)).tolist(),
        "cov_nominal": cov_nominal.tolist(),
        "eigenvalues_nominal": lam_n.tolist(),
        "eigenvectors_nominal": vec_n.T.tolist(),
    }


single_nominal = [120.0, 340.0, 510.0, 460.0, 300.0, 150.0, 60.0, 20.0]
single = describe(single_nominal, universes(single_nominal, 25, 0.0))

# Two components filled from the same universes (same universe index = same flux): the joint PCA runs over their
# concatenated bins. Component B is given at half the exposure of A, so the joint vector uses 2 x B.
a_nominal = [40.0, 90.0, 130.0, 80.0, 25.0]
b_nominal = [300.0, 220.0, 150.0, 90.0, 40.0]
a_universes = universes(a_nominal, 20, 0.3)
b_universes = universes(b_nominal, 20, 1.1)
joint = describe(a_nominal + [2 * v for v in b_nominal], np.hstack([a_universes, 2 * b_universes]))

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "universe_spread.json"), "w") as f:
    json.dump({"single": single, "joint": joint}, f, indent=1)
