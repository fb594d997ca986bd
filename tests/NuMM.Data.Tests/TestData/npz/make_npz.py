#!/usr/bin/python3
"""Generates the .npy/.npz test files of NuMM.Data.Tests (run with /usr/bin/python3, numpy >= 1.17).

Every value is a closed-form function of the entry index i (exact in binary floating point), so the
C# tests recompute the expected data without reading numpy's random streams:
  E[i]      = float32(0.5 + 0.25 * i)          (GeV)
  theta[i]  = float64(i / 64.0)                (rad), stored big-endian in 'theta_be'
  pdg[i]    = int32(-11 if i % 3 == 0 else 11)
  run[i]    = int64(1_000_000_000_000 + i)
  isCC[i]   = bool(i % 2 == 0)
  hits[i]   = uint8(i % 256)
  w[i]      = float32(0.125 * (i % 5))
Array columns (arrays.npz, first dimension = entry):
  flux[i, k]    = float32(1 + ((7 i + 13 k) % 101) / 128)   shape (N, 100)
  vtx_be[i, k]  = float64(i - 0.5 k), big-endian             shape (N, 3)
  grid[i, a, b] = int16(100 a + 10 b - i % 7)                 shape (N, 2, 3), a 6-value column in C order
  bad_nan       = flux with element [517, 42] = NaN           (for the finiteness test)
"""
import os

import numpy as np

N = 1000
HERE = os.path.dirname(os.path.abspath(__file__))


def columns(n):
    i = np.arange(n)
    return {
        "E": (0.5 + 0.25 * i).astype("<f4"),
        "theta_be": (i / 64.0).astype(">f8"),
        "pdg": np.where(i % 3 == 0, -11, 11).astype("<i4"),
        "run": (1_000_000_000_000 + i).astype("<i8"),
        "isCC": (i % 2 == 0),
        "hits": (i % 256).astype("|u1"),
        "w": (0.125 * (i % 5)).astype("<f4"),
    }


def save_npy(name, array, version):
    with open(os.path.join(HERE, name), "wb") as f:
        np.lib.format.write_array(f, array, version=version)


def main():
    cols = columns(N)
    np.savez(os.path.join(HERE, "sample.npz"), **cols)
    np.savez_compressed(os.path.join(HERE, "sample_compressed.npz"), **cols)
    save_npy("E_v1.npy", cols["E"], (1, 0))
    save_npy("E_v2.npy", cols["E"], (2, 0))
    save_npy("E_v3.npy", cols["E"], (3, 0))
    # Bad inputs.
    np.savez(os.path.join(HERE, "unequal_lengths.npz"), E=cols["E"], pdg=cols["pdg"][:999])
    np.savez(os.path.join(HERE, "two_dimensional.npz"), E=cols["E"], xyz=np.zeros((N, 3), dtype="<f4"))
    np.savez(os.path.join(HERE, "fortran_order.npz"), E=cols["E"], m=np.asfortranarray(np.zeros((N, 2), dtype="<f8")))
    np.savez(os.path.join(HERE, "unicode.npz"), E=cols["E"], name=np.array(["nue"] * N))
    e_nan = cols["E"].copy()
    e_nan[517] = np.nan
    np.savez(os.path.join(HERE, "nan.npz"), E=e_nan, pdg=cols["pdg"])
    # Array columns.
    i = np.arange(N)[:, None]
    flux = (1 + ((7 * i + 13 * np.arange(100)[None, :]) % 101) / 128.0).astype("<f4")
    vtx = (i - 0.5 * np.arange(3)[None, :]).astype(">f8")
    grid = (100 * np.arange(2)[None, :, None] + 10 * np.arange(3)[None, None, :] - (np.arange(N) % 7)[:, None, None]).astype("<i2")
    flux_nan = flux.copy()
    flux_nan[517, 42] = np.nan
    np.savez(os.path.join(HERE, "arrays.npz"), E=cols["E"], flux=flux, vtx_be=vtx, grid=grid, bad_nan=flux_nan)
    np.savez(os.path.join(HERE, "zero_width.npz"), E=cols["E"], empty=np.zeros((N, 0), dtype="<f4"))


if __name__ == "__main__":
    main()
