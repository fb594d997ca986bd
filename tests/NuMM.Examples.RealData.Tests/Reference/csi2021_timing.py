"""Beam timing for the COHERENT CsI[Na] 2021 example (run once; its output is the constant
Csi2021Prediction.PulseMeanMicroseconds / PulseWidthMicroseconds). The text release has no proton-pulse or neutrino
arrival-time profile (that is in snsFlux2D.root). The released NIN time pdf (ninTrec.txt, 0.01-µs bins, no time
efficiency applied) is the arrival-time shape of the delayed neutrinos that make the neutrons in the shielding; it is
fitted here by a Gaussian proton pulse (mean, width) convolved with the π⁺ (26.033 ns) and μ⁺ (2.1969811 µs) decays,
least squares on the unit-normalised pdf, numerical convolution on a 1-ns grid.
Usage: /usr/bin/python3 csi2021_timing.py [path/to/ninTrec.txt]
"""
import sys
import numpy as np
from scipy.optimize import minimize

path = sys.argv[1] if len(sys.argv) > 1 else "../../../examples/NuMM.Examples.CoherentCsI2021/Data/Csi2021/ninTrec.txt"
d = np.loadtxt(path)
t, y = d[:, 0], d[:, 1] / d[:, 1].sum()
dt = 1e-3
g = np.arange(-1.0, 7.0, dt)

def delayed_shape(mu, s):
    p = np.exp(-0.5 * ((g - mu) / s) ** 2)
    for tau in (0.026033, 2.1969811):
        k = np.exp(-np.arange(0, 12 * tau + 0.5, dt) / tau)
        p = np.convolve(p, k / k.sum())[: len(g)]
    q = np.interp(t, g, p)
    return q / q.sum()

res = minimize(lambda x: ((delayed_shape(x[0], abs(x[1])) - y) ** 2).sum(), [0.47, 0.15], method="Nelder-Mead",
               options={"xatol": 1e-6, "fatol": 1e-14})
mu, s = res.x[0], abs(res.x[1])
print(f"pulse mean {mu:.4f} us, width {s:.4f} us; residual sum of squares {res.fun:.3e} of {(y ** 2).sum():.3e}")
