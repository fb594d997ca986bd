#!/usr/bin/python3
"""Python peers of NuMM's VariationBenchmarks (issue 14, part 6) on the same 10^7 events.

The events come from the benchmark program:
    dotnet run -c Release --project benchmarks/NuMM.Benchmarks -- --write-variation-data DIR
which writes one float32 .npy per column, Flux.npy (N x 100, event-major) and numm_reference.json (NuMM's one-pass
results). This script repeats the selection (11 cuts, weight = flux x xsec x pot in double, 3 histograms) with
  * numpy, coffea style: one boolean mask, then weighted histograms per universe / per shift point;
  * numba: one @njit loop over the events filling the nominal and every variation in the same pass;
  * numpy (coffea's PackedSelection algorithm, and a faster levels + np.bincount form) and numba making the same
    nominal outputs as NuMM's kernel: the whole cut flow with N-1 (events, sum w, sum w^2), and the histograms;
  * numpy making issue 13's workload: the cumulative cut levels (events, sum w) and the histograms;
checks that both give NuMM's numbers (events passing exactly, sums of weights to 1e-9 relative), times each case
(median of --repeats runs after one warm-up; single thread), and prints NuMM / peer ratios when given BenchmarkDotNet's
CSV report (--numm-report .../NuMM.Benchmarks.Selection.VariationBenchmarks-report.csv).

Usage: /usr/bin/python3 benchmarks/peers/variations_peer.py DIR [--repeats 5] [--numm-report FILE]
       [--numm-ms Nominal=38.4,NominalInCache=30.7] [--default-malloc]
Needs python3-numpy and python3-numba (apt-get install -y python3-numpy python3-numba).
"""
import argparse
import csv
import json
import os
import statistics
import sys
import time

os.environ.setdefault("NUMBA_NUM_THREADS", "1")  # single thread, as the NuMM cases

# numpy allocates a new array for every temporary, and glibc hands blocks above its mmap threshold (at most 32 MB) back
# to the kernel when freed, so each 10^7-event temporary's pages are faulted in again. On this VM the first touch of a
# page costs about 1.7 us (docs/performance.md): with glibc's defaults the numpy cut flow over 10^7 events took 1.6x as
# long and the numba one 1.4x. So the script re-executes itself with glibc keeping freed memory, unless
# --default-malloc asks for the defaults (NuMM's kernels allocate nothing per batch).
_MALLOC = {"MALLOC_MMAP_THRESHOLD_": "268435456", "MALLOC_TRIM_THRESHOLD_": "1073741824", "MALLOC_TOP_PAD_": "268435456"}
if (__name__ == "__main__" and "--default-malloc" not in sys.argv
        and any(os.environ.get(k) != v for k, v in _MALLOC.items())):
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, **_MALLOC, "PYTHONUNBUFFERED": "1"})

import numpy as np
import numba
from numba import njit

F = np.float32
SIGMAS = (-3.0, -2.0, -1.0, 1.0, 2.0, 3.0)
COLUMNS = ("VtxX", "VtxY", "VtxZ", "Energy", "Angle", "NuoneId", "Epi0Id", "Dedx", "Gap", "ShowerLength",
           "ShowerWidth", "TrackLength", "Hits", "Time", "TrueE", "FluxW", "XsecW", "PotW")
# Histograms (regular bins): Energy 20 in [0, 5), TrueE 16 in [0, 8), VtxZ x Angle 10 x 8 in [0, 1200) x [0, 0.12).
E_BINS, E_MAX = 20, 5.0
T_BINS, T_MAX = 16, 8.0
Z_BINS, Z_MAX, A_BINS, A_MAX = 10, 1200.0, 8, 0.12


def shift_scale(sigma):
    """The shift's factor in float32, as the C# body computes it: 1f + 0.05f * (float)sigma."""
    return F(F(1.0) + F(0.05) * F(sigma))


# ---------------------------------------------------------------------------------------------------------------- numpy
def np_fixed_cut_masks(c):
    """Cuts 1 and 3-10, in order, as boolean masks: everything the energy shift does not move (float32 comparisons,
    as the C# cuts). A generator, so that ANDing them holds one mask at a time."""
    yield ((c["VtxX"] > F(-185)) & (c["VtxX"] < F(175)) & (c["VtxY"] > F(-175)) & (c["VtxY"] < F(175))
           & (c["VtxZ"] > F(95)) & (c["VtxZ"] < F(1095)))
    yield (c["Time"] > F(1)) & (c["Time"] < F(19))
    yield c["Hits"] > F(20)
    yield c["NuoneId"] > F(0.5)
    yield c["Epi0Id"] < F(0.9)
    yield c["Dedx"] < F(4)
    yield c["Gap"] < F(8)
    yield (c["ShowerLength"] > F(20)) & (c["ShowerLength"] < F(250)) & (c["ShowerWidth"] < F(8))
    yield c["TrackLength"] < F(80)


def np_energy_cut_masks(energy, angle):
    """Cuts 2 and 11: the energy window and E theta^2 < 0.005 (E theta^2 in float32, (E*A)*A as in C#)."""
    return (energy >= F(0.5)) & (energy < F(5)), (energy * angle) * angle < F(0.005)


def np_cuts_without_energy(c):
    """Cuts 1, 3-10 together."""
    masks = np_fixed_cut_masks(c)
    m = next(masks)
    for k in masks:
        m &= k
    return m


def np_energy_cuts(energy, angle):
    """Cuts 2 and 11 together."""
    window, etheta2 = np_energy_cut_masks(energy, angle)
    return window & etheta2


def np_weight(c):
    return (c["FluxW"].astype(np.float64) * c["XsecW"].astype(np.float64)) * c["PotW"].astype(np.float64)


def np_fill(energy, truee, vtxz, angle, w):
    """Sum w, sum w^2 and the three weighted histograms of the selected events."""
    he, _ = np.histogram(energy, bins=E_BINS, range=(0.0, E_MAX), weights=w)
    ht, _ = np.histogram(truee, bins=T_BINS, range=(0.0, T_MAX), weights=w)
    h2, _, _ = np.histogram2d(vtxz, angle, bins=(Z_BINS, A_BINS), range=((0.0, Z_MAX), (0.0, A_MAX)), weights=w)
    return w.sum(), (w * w).sum(), he, ht, h2


def np_nominal(c, w):
    m = np_cuts_without_energy(c) & np_energy_cuts(c["Energy"], c["Angle"])
    return np_fill(c["Energy"][m], c["TrueE"][m], c["VtxZ"][m], c["Angle"][m], w[m]), int(m.sum())


def np_universes(c, w, flux):
    (nominal, n) = np_nominal(c, w)
    m = np_cuts_without_energy(c) & np_energy_cuts(c["Energy"], c["Angle"])
    e, t, z, a, ws = c["Energy"][m], c["TrueE"][m], c["VtxZ"][m], c["Angle"][m], w[m]
    fs = flux[m]  # the selected events' 100 factors, gathered once
    per_universe = [np_fill(e, t, z, a, ws * fs[:, k].astype(np.float64)) for k in range(flux.shape[1])]
    return nominal, per_universe


def np_shifts(c, w):
    base = np_cuts_without_energy(c)  # evaluated once: nothing in it depends on the energy
    out = []
    for sigma in (0.0,) + SIGMAS:
        energy = c["Energy"] * shift_scale(sigma) if sigma != 0.0 else c["Energy"]
        m = base & np_energy_cuts(energy, c["Angle"])
        out.append((np_fill(energy[m], c["TrueE"][m], c["VtxZ"][m], c["Angle"][m], w[m]), int(m.sum())))
    return out


def np_cut_masks(c):
    """The 11 cuts of NuMM's VariationNominal, in order, as boolean masks."""
    fixed = list(np_fixed_cut_masks(c))
    window, etheta2 = np_energy_cut_masks(c["Energy"], c["Angle"])
    return [fixed[0], window] + fixed[1:] + [etheta2]


def np_pack(masks):
    """coffea's PackedSelection storage: bit k of a uint16 per event is cut k's mask. Built through uint8 views of the
    boolean masks: numpy 1.24's bool-to-integer casts made the same loop 25x slower."""
    packed = np.zeros(len(masks[0]), np.uint16)
    tmp = np.empty_like(packed)
    for k, m in enumerate(masks):
        np.multiply(m.view(np.uint8), np.uint16(1 << k), out=tmp)
        packed |= tmp
    return packed


def np_cutflow_packed(c, w):
    """NuMM's nominal outputs (cut flow: events, sum w, sum w^2 passing cuts 1..k for k = 0..11; N-1: the same for
    "every cut but k"; the three histograms) with the algorithm of coffea's PackedSelection: a level or N-1 mask is
    (bits & require) == require, and its weighted yields are sums over it (coffea's cutflow/nminusone; coffea itself is
    not installed here). Sums by np.dot, the fastest of the idioms tried (w[m].sum() and np.where were 4-5x slower)."""
    masks = np_cut_masks(c)
    packed = np_pack(masks)
    w2 = w * w
    full = (1 << len(masks)) - 1
    flow = []
    for k in range(len(masks) + 1):
        req = np.uint16((1 << k) - 1)
        m = (packed & req) == req
        flow.append((np.count_nonzero(m), np.dot(m, w), np.dot(m, w2)))
    n1 = []
    for k in range(len(masks)):
        req = np.uint16(full & ~(1 << k))
        m = (packed & req) == req
        n1.append((np.count_nonzero(m), np.dot(m, w), np.dot(m, w2)))
    m = packed == np.uint16(full)
    return flow, n1, np_fill(c["Energy"][m], c["TrueE"][m], c["VtxZ"][m], c["Angle"][m], w[m])


def _tables(n):
    """For every n-bit pattern of passed cuts: the level (how many cuts pass in order) and the number of failed cuts."""
    level = np.zeros(1 << n, np.intp)
    failed = np.zeros(1 << n, np.uint8)
    for p in range(1 << n):
        k = 0
        while k < n and (p >> k) & 1:
            k += 1
        level[p] = k
        failed[p] = n - bin(p).count("1")
    return level, failed


LEVEL_OF, FAILED_OF = _tables(11)


def fold_cut_flow(per_n, per_w, per_w2, s_n, s_w, s_w2):
    """(flow, n1) from events, sum w, sum w^2 per level (how many cuts an event passes in order) and per "failed only
    cut k" (indexed by that event's level, k - 1): passing cuts 1..k = every event whose level is at least k (a suffix
    sum, highest level first); N-1 of cut k = the events passing every cut plus those failing only k."""
    n = len(s_n)
    cn, cw, cw2 = np.cumsum(per_n[::-1])[::-1], np.cumsum(per_w[::-1])[::-1], np.cumsum(per_w2[::-1])[::-1]
    flow = [(cn[k], cw[k], cw2[k]) for k in range(n + 1)]
    n1 = [(s_n[k] + per_n[n], s_w[k] + per_w[n], s_w2[k] + per_w2[n]) for k in range(n)]
    return flow, n1


def np_cutflow_levels(c, w):
    """The same outputs as np_cutflow_packed, written for speed in numpy: the packed bits index two tables (each
    event's level and number of failed cuts), then np.bincount with weights per level and per single failure, folded
    by fold_cut_flow."""
    masks = np_cut_masks(c)
    n = len(masks)
    packed = np_pack(masks)
    level = LEVEL_OF[packed]
    w2 = w * w
    per_n = np.bincount(level, minlength=n + 1)
    per_w = np.bincount(level, weights=w, minlength=n + 1)
    per_w2 = np.bincount(level, weights=w2, minlength=n + 1)
    one = FAILED_OF[packed] == 1
    lv1, w1 = level[one], w[one]
    s_n = np.bincount(lv1, minlength=n)
    s_w = np.bincount(lv1, weights=w1, minlength=n)
    s_w2 = np.bincount(lv1, weights=w1 * w1, minlength=n)
    flow, n1 = fold_cut_flow(per_n, per_w, per_w2, s_n, s_w, s_w2)
    m = level == n
    return flow, n1, np_fill(c["Energy"][m], c["TrueE"][m], c["VtxZ"][m], c["Angle"][m], w[m])


def np_levels_masks(c, w):
    """Issue 13's workload as a coffea user writes it: the cumulative cut levels (events and sum w passing cuts 1..k;
    no N-1, no sum w^2) and the three histograms of the final selection. The masks are ANDed cut by cut and np.dot sums
    the weights (the fastest idiom, see np_cutflow_packed)."""
    m = np.ones(len(w), bool)
    flow = [(len(w), w.sum())]
    for cut in np_cut_masks(c):
        m &= cut
        flow.append((np.count_nonzero(m), np.dot(m, w)))
    return flow, np_fill(c["Energy"][m], c["TrueE"][m], c["VtxZ"][m], c["Angle"][m], w[m])


def np_levels_bincount(c, w):
    """The same outputs as np_levels_masks from each event's level (LEVEL_OF of the packed bits) and two np.bincount."""
    masks = np_cut_masks(c)
    n = len(masks)
    level = LEVEL_OF[np_pack(masks)]
    cn = np.cumsum(np.bincount(level, minlength=n + 1)[::-1])[::-1]
    cw = np.cumsum(np.bincount(level, weights=w, minlength=n + 1)[::-1])[::-1]
    m = level == n
    return [(cn[k], cw[k]) for k in range(n + 1)], np_fill(c["Energy"][m], c["TrueE"][m], c["VtxZ"][m], c["Angle"][m], w[m])


# ---------------------------------------------------------------------------------------------------------------- numba
@njit
def _fixed(vx, vy, vz, t, hits, nid, pid, dedx, gap, slen, swid, tlen, i):
    """The cuts the energy shift does not move: (fiducial passed, how many of cuts 3..10 pass in order)."""
    if not (vx[i] > F(-185) and vx[i] < F(175) and vy[i] > F(-175) and vy[i] < F(175) and vz[i] > F(95) and vz[i] < F(1095)):
        return False, 0
    if not (t[i] > F(1) and t[i] < F(19)):
        return True, 0
    if not (hits[i] > F(20)):
        return True, 1
    if not (nid[i] > F(0.5)):
        return True, 2
    if not (pid[i] < F(0.9)):
        return True, 3
    if not (dedx[i] < F(4)):
        return True, 4
    if not (gap[i] < F(8)):
        return True, 5
    if not (slen[i] > F(20) and slen[i] < F(250) and swid[i] < F(8)):
        return True, 6
    if not (tlen[i] < F(80)):
        return True, 7
    return True, 8


@njit
def _level(fid, mid, energy, angle):
    """How many of the 11 cuts the event passes in order (11 = selected), given its energy (nominal or shifted)."""
    if not fid:
        return 0
    if not (energy >= F(0.5) and energy < F(5)):
        return 1
    if mid < 8:
        return 2 + mid
    if not ((energy * angle) * angle < F(0.005)):
        return 10
    return 11


@njit
def _bin(x, n, xmax):
    """Regular bin of x in [0, xmax) with n bins, or -1 outside (NuMM's under/overflow are not compared)."""
    if not (x >= 0.0 and x < xmax):
        return -1
    b = int(x * (n / xmax))
    return min(b, n - 1)


@njit
def nb_loop(vx, vy, vz, e, a, t, hits, nid, pid, dedx, gap, slen, swid, tlen, truee, fw, xw, pw, flux,
            n_univ, full_flow, scales):
    """One pass: nominal + n_univ universes (+ one shifted energy per entry of `scales`).
    Fills per variation: sum w at the final cut (and, if full_flow, at every cut level: the universe's full cut flow,
    which needs every event's universe weight), sum w^2, and the three histograms."""
    nv = 1 + n_univ + len(scales)
    levels = 12
    sumw = np.zeros((nv, levels))
    sumw2 = np.zeros(nv)
    passed = np.zeros((nv, levels), np.int64)
    he = np.zeros((nv, E_BINS))
    ht = np.zeros((nv, T_BINS))
    h2 = np.zeros((nv, Z_BINS, A_BINS))
    for i in range(len(vx)):
        w = (np.float64(fw[i]) * np.float64(xw[i])) * np.float64(pw[i])
        fid, mid = _fixed(vx, vy, vz, t, hits, nid, pid, dedx, gap, slen, swid, tlen, i)  # once per event
        lv = _level(fid, mid, e[i], a[i])
        passed[0, lv] += 1
        sumw[0, lv] += w
        selected = lv == 11
        if selected:
            sumw2[0] += w * w
            be = _bin(np.float64(e[i]), E_BINS, E_MAX)
            bt = _bin(np.float64(truee[i]), T_BINS, T_MAX)
            bz = _bin(np.float64(vz[i]), Z_BINS, Z_MAX)
            ba = _bin(np.float64(a[i]), A_BINS, A_MAX)
            if be >= 0:
                he[0, be] += w
            if bt >= 0:
                ht[0, bt] += w
            if bz >= 0 and ba >= 0:
                h2[0, bz, ba] += w
        if selected or full_flow:
            for k in range(n_univ):
                wk = w * np.float64(flux[i, k])
                sumw[1 + k, lv] += wk
                if selected:
                    passed[1 + k, lv] += 1
                    sumw2[1 + k] += wk * wk
                    if be >= 0:
                        he[1 + k, be] += wk
                    if bt >= 0:
                        ht[1 + k, bt] += wk
                    if bz >= 0 and ba >= 0:
                        h2[1 + k, bz, ba] += wk
        for s in range(len(scales)):
            v = 1 + n_univ + s
            es = e[i] * scales[s]
            ls = _level(fid, mid, es, a[i])
            passed[v, ls] += 1
            sumw[v, ls] += w
            if ls == 11:
                sumw2[v] += w * w
                bs = _bin(np.float64(es), E_BINS, E_MAX)
                bt = _bin(np.float64(truee[i]), T_BINS, T_MAX)
                bz = _bin(np.float64(vz[i]), Z_BINS, Z_MAX)
                ba = _bin(np.float64(a[i]), A_BINS, A_MAX)
                if bs >= 0:
                    he[v, bs] += w
                if bt >= 0:
                    ht[v, bt] += w
                if bz >= 0 and ba >= 0:
                    h2[v, bz, ba] += w
    return sumw, sumw2, passed, he, ht, h2


@njit
def nb_cutflow_loop(vx, vy, vz, e, a, t, hits, nid, pid, dedx, gap, slen, swid, tlen, truee, fw, xw, pw):
    """NuMM's nominal outputs in one numba loop: every cut evaluated per event (N-1 needs them all), the event's level
    and failed-cut count; events, sum w and sum w^2 per level and per "failed only cut k"; the three histograms.
    The cuts are scalar locals (a per-event boolean array made the loop 4x slower)."""
    n = 11
    per_n = np.zeros(n + 1, np.int64)
    per_w = np.zeros(n + 1)
    per_w2 = np.zeros(n + 1)
    s_n = np.zeros(n, np.int64)
    s_w = np.zeros(n)
    s_w2 = np.zeros(n)
    he = np.zeros(E_BINS)
    ht = np.zeros(T_BINS)
    h2 = np.zeros((Z_BINS, A_BINS))
    for i in range(len(vx)):
        w = (np.float64(fw[i]) * np.float64(xw[i])) * np.float64(pw[i])
        c1 = vx[i] > F(-185) and vx[i] < F(175) and vy[i] > F(-175) and vy[i] < F(175) and vz[i] > F(95) and vz[i] < F(1095)
        c2 = e[i] >= F(0.5) and e[i] < F(5)
        c3 = t[i] > F(1) and t[i] < F(19)
        c4 = hits[i] > F(20)
        c5 = nid[i] > F(0.5)
        c6 = pid[i] < F(0.9)
        c7 = dedx[i] < F(4)
        c8 = gap[i] < F(8)
        c9 = slen[i] > F(20) and slen[i] < F(250) and swid[i] < F(8)
        c10 = tlen[i] < F(80)
        c11 = (e[i] * a[i]) * a[i] < F(0.005)
        nf = (11 - int(c1) - int(c2) - int(c3) - int(c4) - int(c5) - int(c6) - int(c7) - int(c8) - int(c9) - int(c10)
              - int(c11))
        lv = 11
        if not c11:
            lv = 10
        if not c10:
            lv = 9
        if not c9:
            lv = 8
        if not c8:
            lv = 7
        if not c7:
            lv = 6
        if not c6:
            lv = 5
        if not c5:
            lv = 4
        if not c4:
            lv = 3
        if not c3:
            lv = 2
        if not c2:
            lv = 1
        if not c1:
            lv = 0
        per_n[lv] += 1
        per_w[lv] += w
        per_w2[lv] += w * w
        if nf == 1:
            s_n[lv] += 1
            s_w[lv] += w
            s_w2[lv] += w * w
        if lv == n:
            be = _bin(np.float64(e[i]), E_BINS, E_MAX)
            bt = _bin(np.float64(truee[i]), T_BINS, T_MAX)
            bz = _bin(np.float64(vz[i]), Z_BINS, Z_MAX)
            ba = _bin(np.float64(a[i]), A_BINS, A_MAX)
            if be >= 0:
                he[be] += w
            if bt >= 0:
                ht[bt] += w
            if bz >= 0 and ba >= 0:
                h2[bz, ba] += w
    return per_n, per_w, per_w2, s_n, s_w, s_w2, he, ht, h2


def nb_cutflow(c):
    """nb_cutflow_loop, folded into the same (flow, n1, histograms) shape as the numpy cut flows."""
    per_n, per_w, per_w2, s_n, s_w, s_w2, he, ht, h2 = nb_cutflow_loop(
        c["VtxX"], c["VtxY"], c["VtxZ"], c["Energy"], c["Angle"], c["Time"], c["Hits"], c["NuoneId"], c["Epi0Id"],
        c["Dedx"], c["Gap"], c["ShowerLength"], c["ShowerWidth"], c["TrackLength"], c["TrueE"], c["FluxW"],
        c["XsecW"], c["PotW"])
    flow, n1 = fold_cut_flow(per_n, per_w, per_w2, s_n, s_w, s_w2)
    return flow, n1, (None, None, he, ht, h2)


def nb_run(c, flux, n_univ, full_flow, sigmas):
    scales = np.array([shift_scale(s) for s in sigmas], dtype=np.float32)
    return nb_loop(c["VtxX"], c["VtxY"], c["VtxZ"], c["Energy"], c["Angle"], c["Time"], c["Hits"], c["NuoneId"],
                   c["Epi0Id"], c["Dedx"], c["Gap"], c["ShowerLength"], c["ShowerWidth"], c["TrackLength"], c["TrueE"],
                   c["FluxW"], c["XsecW"], c["PotW"], flux, n_univ, full_flow, scales)


# ---------------------------------------------------------------------------------------------------------- checks, timing
def rel(a, b):
    return abs(a - b) / max(abs(a), abs(b), 1e-300)


class Checker:
    def __init__(self):
        self.failures = 0
        self.worst = 0.0

    def exact(self, what, got, want):
        if int(got) != int(want):
            self.failures += 1
            print(f"  MISMATCH {what}: {got} vs NuMM {want}")

    def close(self, what, got, want, tol=1e-9):
        r = rel(float(got), float(want))
        self.worst = max(self.worst, r)
        if r > tol:
            self.failures += 1
            print(f"  MISMATCH {what}: {got!r} vs NuMM {want!r} (relative {r:.2e})")

    def hist(self, what, got, want, tol=1e-9):
        for b, (g, w) in enumerate(zip(np.ravel(got), want)):
            self.close(f"{what} bin {b}", g, w, tol)


def median_time(fn, repeats):
    fn()  # warm-up (and numba compilation)
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times


def read_numm_report(path):
    """Mean time in ms per method from BenchmarkDotNet's CSV report."""
    out = {}
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter=","):
            mean = row["Mean"].replace(",", "").strip()
            value, unit = mean.split()
            scale = {"s": 1e3, "ms": 1.0, "μs": 1e-3, "us": 1e-3, "ns": 1e-6}[unit]
            out[row["Method"]] = float(value) * scale
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("folder")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--numm-report", help="BenchmarkDotNet CSV report of VariationBenchmarks")
    ap.add_argument("--default-malloc", action="store_true", help="keep glibc's default malloc settings (see above)")
    ap.add_argument("--numm-ms", help="NuMM's times in ms as Name=ms pairs, e.g. Nominal=38.4,NominalInCache=30.7 "
                                      "(from --same-process-ratios); they replace the report's entries of those names")
    args = ap.parse_args()

    print(f"numpy {np.__version__}, numba {numba.__version__}, threads: numba {numba.config.NUMBA_NUM_THREADS}, "
          f"malloc: {'glibc defaults' if args.default_malloc else ', '.join(f'{k}={v}' for k, v in _MALLOC.items())}")
    c = {name: np.load(os.path.join(args.folder, name + ".npy")) for name in COLUMNS}
    flux = np.load(os.path.join(args.folder, "Flux.npy"))
    with open(os.path.join(args.folder, "numm_reference.json"), encoding="utf-8") as f:
        ref = json.load(f)
    n_univ = flux.shape[1]
    assert flux.shape == (ref["events"], n_univ) and all(c[k].shape == (ref["events"],) for k in COLUMNS)
    assert list(ref["shift_sigmas"]) == list(SIGMAS)
    w = np_weight(c)

    # --- agreement with NuMM (the same computation) ---
    chk = Checker()
    (nom, n_sel) = np_nominal(c, w)
    chk.exact("numpy nominal passed", n_sel, ref["nominal_passed"][-1])
    chk.close("numpy nominal sum w", nom[0], ref["nominal_sumw"][-1])
    chk.close("numpy nominal sum w^2", nom[1], ref["nominal_sumw2_final"])
    chk.hist("numpy nominal Energy", nom[2], ref["nominal_energy_hist"])
    chk.hist("numpy nominal TrueE", nom[3], ref["nominal_truee_hist"])
    chk.close("numpy nominal VtxZAngle integral", nom[4].sum(), ref["nominal_vtxzangle_integral"])
    _, per_u = np_universes(c, w, flux)
    for k in range(n_univ):
        chk.close(f"numpy universe {k} sum w", per_u[k][0], ref["universe_sumw_final"][k])
        chk.hist(f"numpy universe {k} TrueE", per_u[k][3], ref["universe_truee_hist"][k])
    shifted = np_shifts(c, w)
    for s, sigma in enumerate(SIGMAS):
        (fill, n) = shifted[1 + s]
        chk.exact(f"numpy shift {sigma:+g} passed", n, ref["shift_passed_final"][s])
        chk.close(f"numpy shift {sigma:+g} sum w", fill[0], ref["shift_sumw_final"][s])
        chk.hist(f"numpy shift {sigma:+g} Energy", fill[2], ref["shift_energy_hist"][s])

    for tool, fn in (("numpy cut flow (PackedSelection)", lambda: np_cutflow_packed(c, w)),
                     ("numpy cut flow (levels + bincount)", lambda: np_cutflow_levels(c, w)),
                     ("numba cut flow with N-1", lambda: nb_cutflow(c))):
        flow, n1, fill = fn()
        for lv in range(12):
            chk.exact(f"{tool} passed level {lv}", flow[lv][0], ref["nominal_passed"][lv])
            chk.close(f"{tool} sum w level {lv}", flow[lv][1], ref["nominal_sumw"][lv])
            chk.close(f"{tool} sum w^2 level {lv}", flow[lv][2], ref["nominal_sumw2"][lv])
        for k in range(11):
            chk.exact(f"{tool} N-1 passed, cut {k + 1}", n1[k][0], ref["nominal_n1_passed"][k])
            chk.close(f"{tool} N-1 sum w, cut {k + 1}", n1[k][1], ref["nominal_n1_sumw"][k])
            chk.close(f"{tool} N-1 sum w^2, cut {k + 1}", n1[k][2], ref["nominal_n1_sumw2"][k])
        chk.hist(f"{tool} Energy", fill[2], ref["nominal_energy_hist"])
        chk.hist(f"{tool} TrueE", fill[3], ref["nominal_truee_hist"])
        chk.close(f"{tool} VtxZAngle integral", np.sum(fill[4]), ref["nominal_vtxzangle_integral"])
    for tool, fn in (("numpy cut levels (masks)", lambda: np_levels_masks(c, w)),
                     ("numpy cut levels (bincount)", lambda: np_levels_bincount(c, w))):
        flow, fill = fn()
        for lv in range(12):
            chk.exact(f"{tool} passed level {lv}", flow[lv][0], ref["nominal_passed"][lv])
            chk.close(f"{tool} sum w level {lv}", flow[lv][1], ref["nominal_sumw"][lv])
        chk.hist(f"{tool} Energy", fill[2], ref["nominal_energy_hist"])
        chk.hist(f"{tool} TrueE", fill[3], ref["nominal_truee_hist"])
        chk.close(f"{tool} VtxZAngle integral", np.sum(fill[4]), ref["nominal_vtxzangle_integral"])
    sumw, sumw2, passed, he, ht, h2 = nb_run(c, flux, n_univ, True, SIGMAS)
    flow = np.cumsum(passed[0, ::-1])[::-1]  # events passing cuts 1..k = those stopping at level >= k
    for lv in range(12):
        chk.exact(f"numba nominal passed level {lv}", flow[lv], ref["nominal_passed"][lv])
        chk.close(f"numba nominal sum w level {lv}", np.cumsum(sumw[0, ::-1])[::-1][lv], ref["nominal_sumw"][lv])
    chk.close("numba nominal sum w^2", sumw2[0], ref["nominal_sumw2_final"])
    chk.hist("numba nominal Energy", he[0], ref["nominal_energy_hist"])
    chk.hist("numba nominal TrueE", ht[0], ref["nominal_truee_hist"])
    for k in range(n_univ):
        chk.close(f"numba universe {k} sum w", sumw[1 + k, 11], ref["universe_sumw_final"][k])
        chk.hist(f"numba universe {k} TrueE", ht[1 + k], ref["universe_truee_hist"][k])
    for s, sigma in enumerate(SIGMAS):
        v = 1 + n_univ + s
        chk.exact(f"numba shift {sigma:+g} passed", passed[v, 11], ref["shift_passed_final"][s])
        chk.close(f"numba shift {sigma:+g} sum w", sumw[v, 11], ref["shift_sumw_final"][s])
        chk.hist(f"numba shift {sigma:+g} Energy", he[v], ref["shift_energy_hist"][s])
    print(f"Agreement with NuMM: {'OK' if chk.failures == 0 else str(chk.failures) + ' MISMATCHES'} "
          f"(events passing exact; largest relative difference of a sum of weights or bin {chk.worst:.1e})")
    print(f"Selected (nominal): {n_sel} of {ref['events']} events; cut flow {ref['nominal_passed']}")

    # --- timing: median of `repeats` runs after a warm-up, one thread ---
    none = ()
    # In cache: the first 65,536 events (NuMM's first batch), run once per NuMM batch (the same number of events).
    in_cache = {k: np.ascontiguousarray(v[:65536]) for k, v in c.items()}
    w_in_cache = np.ascontiguousarray(w[:65536])
    batches = -(-ref["events"] // 65536)
    no_flux = np.zeros((65536, 0), np.float32)

    def repeat(fn):
        def run():
            for _ in range(batches):
                fn()
        return run
    cases = [
        ("numpy nominal", lambda: np_nominal(c, w)),
        ("numpy nominal + 100 universes", lambda: np_universes(c, w, flux)),
        ("numpy nominal + 6 shifts", lambda: np_shifts(c, w)),
        ("numba nominal", lambda: nb_run(c, flux, 0, False, none)),
        ("numba nominal + 100 universes (final cut + histograms)", lambda: nb_run(c, flux, n_univ, False, none)),
        ("numba nominal + 100 universes (full cut flow per universe)", lambda: nb_run(c, flux, n_univ, True, none)),
        ("numba nominal + 6 shifts", lambda: nb_run(c, flux, 0, False, SIGMAS)),
        ("numpy nominal in cache", repeat(lambda: np_nominal(in_cache, w_in_cache))),
        ("numba nominal in cache", repeat(lambda: nb_run(in_cache, no_flux, 0, False, none))),
        ("numpy cut flow + N-1, PackedSelection", lambda: np_cutflow_packed(c, w)),
        ("numpy cut flow + N-1, levels + bincount", lambda: np_cutflow_levels(c, w)),
        ("numba cut flow + N-1", lambda: nb_cutflow(c)),
        ("numpy cut flow + N-1, PackedSelection, in cache", repeat(lambda: np_cutflow_packed(in_cache, w_in_cache))),
        ("numpy cut flow + N-1, levels + bincount, in cache", repeat(lambda: np_cutflow_levels(in_cache, w_in_cache))),
        ("numba cut flow + N-1, in cache", repeat(lambda: nb_cutflow(in_cache))),
        ("numpy cut levels, masks", lambda: np_levels_masks(c, w)),
        ("numpy cut levels, bincount", lambda: np_levels_bincount(c, w)),
        ("numpy cut levels, masks, in cache", repeat(lambda: np_levels_masks(in_cache, w_in_cache))),
        ("numpy cut levels, bincount, in cache", repeat(lambda: np_levels_bincount(in_cache, w_in_cache))),
    ]
    t = {}
    print(f"\nTimes (median of {args.repeats} after one warm-up), ms:")
    for name, fn in cases:
        med, all_times = median_time(fn, args.repeats)
        t[name] = med * 1e3
        print(f"  {name:62s} {t[name]:9.1f}   (runs: {', '.join(f'{x * 1e3:.0f}' for x in all_times)})")
    print("\nRatios to the same tool's nominal:")
    for tool in ("numpy", "numba"):
        base = t[f"{tool} nominal"]
        for name in t:
            if name.startswith(tool) and name != f"{tool} nominal":
                print(f"  {name:62s} {t[name] / base:6.2f}x")

    numm = read_numm_report(args.numm_report) if args.numm_report else {}
    given = {k.strip(): float(v) for k, v in (p.split("=") for p in args.numm_ms.split(","))} if args.numm_ms else {}
    numm.update(given)
    if "Nominal" in numm:
        source = ", ".join(x for x in (f"BenchmarkDotNet mean from {args.numm_report}" if args.numm_report else "",
                                       f"given: {', '.join(given)}" if given else "") if x)
        print(f"\nNuMM ({source}), ms: " + ", ".join(f"{k} {v:.1f}" for k, v in numm.items()))
        pairs = [
            ("nominal", numm["Nominal"], "numba nominal", "numpy nominal"),
        ]
        if "NominalInCache" in numm:
            pairs.append(("nominal in cache", numm["NominalInCache"], "numba nominal in cache", "numpy nominal in cache"))
        if "Universes100" in numm:  # the full cut flow per universe (a report may leave this slow case out)
            pairs += [
                ("100 universes", numm["Universes100"], "numba nominal + 100 universes (final cut + histograms)", "numpy nominal + 100 universes"),
                ("100 universes vs numba full flow", numm["Universes100"], "numba nominal + 100 universes (full cut flow per universe)", None),
            ]
        if "Universes100FinalOnly" in numm:  # CutFlow = VariationCutFlow.FinalOnly: the same work as numba's final-cut loop
            pairs.append(("100 universes, final level only", numm["Universes100FinalOnly"], "numba nominal + 100 universes (final cut + histograms)", "numpy nominal + 100 universes"))
        if "Shifts6" in numm:
            pairs.append(("6 shifts", numm["Shifts6"], "numba nominal + 6 shifts", "numpy nominal + 6 shifts"))
        if "StreamingReadCeiling" in numm:
            print(f"NuMM nominal at {numm['StreamingReadCeiling'] / numm['Nominal']:.2f} of the single-stream read ceiling "
                  f"({numm['StreamingReadCeiling']:.1f} ms for the 18 columns)")
        # NuMM's nominal kernel always makes the whole cut flow with N-1 (events, sum w, sum w^2 per level) and the
        # histograms; "numpy nominal" and "numba nominal" above make less (the final selection; numba also the levels'
        # events and sum w). These peers make the same outputs; the faster numpy form is the one compared.
        def compare(title, numba, numpy_forms):
            """NuMM / numba and NuMM / the fastest numpy form, for the nominal from memory and (if given) in cache;
            numba is the pair (from memory, in cache) of case names, the numpy forms' in-cache cases end in ", in cache"."""
            print(title)
            for k, (label, nt, suffix) in enumerate((("nominal", numm["Nominal"], ""),
                                                    ("nominal in cache", numm.get("NominalInCache"), ", in cache"))):
                if nt is None:
                    continue
                npy = min((f + suffix for f in numpy_forms), key=lambda name: t[name])
                print(f"  {label:34s} NuMM / numba {nt / t[numba[k]]:6.2f}   NuMM / numpy {nt / t[npy]:6.2f}   (numpy form: {npy})")
        compare("NuMM / peer making the same outputs (cut flow with N-1 and sum w^2 per level, histograms):",
                ("numba cut flow + N-1", "numba cut flow + N-1, in cache"),
                ("numpy cut flow + N-1, PackedSelection", "numpy cut flow + N-1, levels + bincount"))
        # Issue 13's own workload: the cumulative levels (events, sum w) and the histograms, which numba's nominal loop
        # makes too (with its early exit); NuMM makes more (N-1, sum w^2).
        compare("NuMM / peer making issue 13's workload (cut levels with events and sum w, histograms):",
                ("numba nominal", "numba nominal in cache"), ("numpy cut levels, masks", "numpy cut levels, bincount"))
        print("NuMM / peer:")
        for label, nt, nb, npy in pairs:
            line = f"  {label:34s} NuMM / numba {nt / t[nb]:6.2f}"
            if npy:
                line += f"   NuMM / numpy {nt / t[npy]:6.2f}"
            print(line)
    return 1 if chk.failures else 0


if __name__ == "__main__":
    sys.exit(main())
