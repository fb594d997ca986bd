#!/usr/bin/python3
"""Independent re-computation of the pyhf validation fixtures with numpy/scipy (no pyhf, no NuMM): the HistFactory
likelihood of each workspace JSON in this folder (normfactor, normsys code 1/4, histosys code 0/4p, shapesys, staterror,
lumi, shapefactor) minimised globally (L-BFGS-B from a grid of starts, then bounded Powell / Nelder-Mead / L-BFGS-B polish), q_mu or q~_mu at mu = 1,
background-only Asimov data, asymptotic CLs (Cowan et al. 2011). Writes scipy_cls.json.

Run: /usr/bin/python3 tests/NuMM.Statistics.Tests/Reference/pyhf/scipy_cls.py
"""
import itertools
import json
import os

import numpy as np
from scipy.optimize import minimize
from scipy.stats import norm

HERE = os.path.dirname(os.path.abspath(__file__))


def code4_coeffs(hi, lo):
    lu, ld = np.log(hi), np.log(lo)
    rhs = [hi - 1, lo - 1, hi * lu, -lo * ld, hi * lu * lu, lo * ld * ld]
    m = np.zeros((6, 6))
    for i in range(1, 7):
        m[0, i - 1] = 1
        m[1, i - 1] = (-1) ** i
        m[2, i - 1] = i
        m[3, i - 1] = i * (-1) ** (i - 1)
        m[4, i - 1] = i * (i - 1)
        m[5, i - 1] = i * (i - 1) * (-1) ** (i - 2)
    return np.linalg.solve(m, rhs)


class Model:
    def __init__(self, ws, code4=False):
        self.code4 = code4
        self.chans = ws["channels"]
        obs = {o["name"]: o["data"] for o in ws["observations"]}
        self.data = np.concatenate([obs[c["name"]] for c in self.chans]).astype(float)
        cfg = {p["name"]: p for p in ws["measurements"][0]["config"].get("parameters", [])}
        self.poi = ws["measurements"][0]["config"]["poi"]
        self.pars = []   # (name, type, size)
        seen = {}
        for c in self.chans:
            for s in c["samples"]:
                for m in s["modifiers"]:
                    if m["name"] not in seen:
                        size = len(s["data"]) if m["type"] in ("shapesys", "staterror", "shapefactor") else 1
                        seen[m["name"]] = (m["type"], size)
        names = [self.poi] + [n for n in seen if n != self.poi]
        self.slices, self.init, self.bounds, self.cons = {}, [], [], []
        k = 0
        for n in names:
            t, size = seen[n]
            self.slices[n] = slice(k, k + size)
            for i in range(size):
                lo, hi, ini = {"normsys": (-5, 5, 0), "histosys": (-5, 5, 0), "shapesys": (1e-10, 10, 1), "staterror": (1e-10, 10, 1)}.get(t, (0, 10, 1))
                c = cfg.get(n)
                if c and "bounds" in c:
                    lo, hi = c["bounds"][i]
                if c and "inits" in c:
                    ini = c["inits"][i]
                self.bounds.append((lo, hi))
                self.init.append(ini)
            k += size
            if t in ("normsys", "histosys"):
                self.cons.append(("gauss", n, 0.0, 1.0))
            if t == "lumi":
                self.cons.append(("gauss", n, cfg[n]["auxdata"][0], cfg[n]["sigmas"][0]))
        self.n = k
        self.fixed = {}
        # shapesys tau per bin (fixed gamma where the uncertainty is 0)
        for c in self.chans:
            for s in c["samples"]:
                for m in s["modifiers"]:
                    if m["type"] == "shapesys":
                        nom, err = np.array(s["data"], float), np.array(m["data"], float)
                        tau = np.where((err > 0) & (nom > 0), (nom / np.where(err > 0, err, 1)) ** 2, 0)
                        for i, t in enumerate(tau):
                            idx = self.slices[m["name"]].start + i
                            if t > 0:
                                self.cons.append(("poisson", idx, t, t))
                            else:
                                self.fixed[idx] = 1.0
        self.aux0 = [c[2] for c in self.cons]

    def expected(self, p):
        out = []
        for c in self.chans:
            lam = 0
            for s in c["samples"]:
                nom = np.array(s["data"], float)
                v = nom.copy()
                f = 1.0
                for m in s["modifiers"]:
                    a = p[self.slices[m["name"]]]
                    t = m["type"]
                    if t == "histosys":
                        up = np.array(m["data"]["hi_data"], float) - nom
                        dn = nom - np.array(m["data"]["lo_data"], float)
                        a = a[0]
                        if self.code4 and abs(a) <= 1:
                            S, A = 0.5 * (up + dn), 0.0625 * (up - dn)
                            v = v + a * (S + a * A * (15 + a * a * (3 * a * a - 10)))
                        else:
                            v = v + (a * up if a >= 0 else a * dn)
                    elif t == "normsys":
                        a = a[0]
                        hi, lo = m["data"]["hi"], m["data"]["lo"]
                        if self.code4 and abs(a) < 1:
                            co = code4_coeffs(hi, lo)
                            f *= 1 + sum(co[i] * a ** (i + 1) for i in range(6))
                        else:
                            f *= hi ** a if a >= 0 else lo ** (-a)
                    elif t in ("normfactor", "lumi"):
                        f *= a[0]
                for m in s["modifiers"]:
                    if m["type"] in ("shapesys", "staterror", "shapefactor"):
                        v = v * p[self.slices[m["name"]]]
                lam = lam + v * f
            out.append(lam)
        return np.concatenate(out)

    def nll2(self, p, data, aux):
        lam = np.maximum(self.expected(p), 1e-12)
        t = lam - data
        nz = data > 0
        t[nz] += data[nz] * np.log(data[nz] / lam[nz])
        r = 2 * t.sum()
        for (kind, who, _, scale), a in zip(self.cons, aux):
            if kind == "gauss":
                x = p[self.slices[who]][0]
                r += ((x - a) / scale) ** 2
            else:
                m = max(p[who] * scale, 1e-300)
                r += 2 * (m - a + (a * np.log(a / m) if a > 0 else 0))
        return r

    def fit(self, data, aux, fix_poi=None):
        free = [i for i in range(self.n) if i not in self.fixed and not (fix_poi is not None and i == 0)]
        base = np.array(self.init, float)
        for i, v in self.fixed.items():
            base[i] = v
        if fix_poi is not None:
            base[0] = fix_poi

        def f(x):
            p = base.copy()
            p[free] = x
            return self.nll2(p, data, aux)

        grids = []
        for i in free:
            lo, hi = self.bounds[i]
            ini = base[i]
            cand = {ini, min(hi, ini + 2), max(lo, ini - 2)} if (lo, hi) == (-5, 5) else {ini, min(hi, ini * 2 + 0.5), max(lo, ini * 0.5)}
            grids.append(sorted(cand))
        best = None
        starts = list(itertools.product(*grids)) if len(free) <= 6 else [tuple(base[free])]
        for s in starts:
            r = minimize(f, np.array(s), method="L-BFGS-B", bounds=[self.bounds[i] for i in free], options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 10000})
            if best is None or r.fun < best.fun:
                best = r
        bnds = [self.bounds[i] for i in free]
        x, fx = best.x, best.fun
        for _ in range(3):  # bounded derivative-free polish, then L-BFGS-B again from there
            for method, opts in (("Powell", {"xtol": 1e-12, "ftol": 1e-15, "maxfev": 200000}), ("Nelder-Mead", {"xatol": 1e-12, "fatol": 1e-15, "maxfev": 200000})):
                r = minimize(f, x, method=method, bounds=bnds, options=opts)
                if r.fun < fx:
                    x, fx = r.x, r.fun
            r = minimize(f, x, method="L-BFGS-B", bounds=bnds, options={"ftol": 1e-15, "gtol": 1e-12, "maxiter": 10000})
            if r.fun < fx:
                x, fx = r.x, r.fun
        p = base.copy()
        p[free] = x
        return p, self.nll2(p, data, aux)

    def asimov(self, p):
        aux = []
        for kind, who, _, scale in self.cons:
            aux.append(p[self.slices[who]][0] if kind == "gauss" else p[who] * scale)
        return self.expected(p), aux


def teststat(m, data, aux, mu, tilde):
    p_hat, t_hat = m.fit(data, aux)
    if p_hat[0] > mu:
        return 0.0
    _, t_mu = m.fit(data, aux, fix_poi=mu)
    return max(0.0, t_mu - t_hat)


def cls(m, mu, tilde):
    q = teststat(m, m.data, m.aux0, mu, tilde)
    p0, _ = m.fit(m.data, m.aux0, fix_poi=0.0)
    ad, aa = m.asimov(p0)
    qa = teststat(m, ad, aa, mu, tilde)
    sq, sqa = np.sqrt(q), np.sqrt(qa)
    if tilde and sq > sqa:
        clsb, clb = 1 - norm.cdf((q + qa) / (2 * sqa)), 1 - norm.cdf((q - qa) / (2 * sqa))
    else:
        clsb, clb = 1 - norm.cdf(sq), norm.cdf(sqa - sq)
    exp = [(1 - norm.cdf(sqa + n)) / (1 - norm.cdf(n)) for n in [2, 1, 0, -1, -2]]
    return dict(obs=clsb / clb, exp=exp, q=q, qA=qa)


expected = json.load(open(os.path.join(HERE, "expected.json")))
out = {}
for name, e in expected.items():
    tilde = e["statistic"] == "qtilde"
    m = Model(json.load(open(os.path.join(HERE, name + ".json"))), code4=tilde)
    out[name] = cls(m, 1.0, tilde)
    print(name, out[name]["obs"], e["obs"])
json.dump(out, open(os.path.join(HERE, "scipy_cls.json"), "w"), indent=1)
