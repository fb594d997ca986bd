#!/usr/bin/python3
"""Writes pyhf's published validation cases as HistFactory workspaces (schema 1.0.0) plus their published CLs values.

Source (data, cited, not code): scikit-hep/pyhf, tests/test_validation.py at commit 00109dadafdb9d143cfcf2d92b25d25afd92a9a9
(the model specs, the expected observed/expected CLs at mu = 1 and the tolerances pyhf itself allows) and the bin contents of
validation/data/{1bin_example1, 2bin_histosys_example2, 2bin_2channel_example1, 2bin_2channel_couplednorm,
2bin_2channel_coupledhisto, 2bin_2channel_coupledshapefactor}.json (Apache-2.0). pyhf's test computes
hypotest(1.0, ..., qtilde=False), i.e. the q_mu statistic with mu-hat inside [0, 10]; test_shapesys_nuisparfilter_validation
uses ROOT's numbers with the q~_mu statistic and normsys code 4 / histosys code 4p.

Run: /usr/bin/python3 tests/NuMM.Statistics.Tests/Reference/pyhf/make_fixtures.py
"""
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))


def nf(name="mu"):
    return {"name": name, "type": "normfactor", "data": None}


def ws(channels, data, parameters=None, poi="mu"):
    return {
        "channels": channels,
        "observations": [{"name": c["name"], "data": data[c["name"]]} for c in channels],
        "measurements": [{"name": "meas", "config": {"poi": poi, "parameters": parameters or []}}],
        "version": "1.0.0",
    }


def one(name, samples):
    return [{"name": name, "samples": samples}]


cases = {}
# 1bin_example1.json: data 55, bkg 50, bkgerr 7, sig 10
cases["1bin_shapesys"] = (ws(one("singlechannel", [
    {"name": "signal", "data": [10.0], "modifiers": [nf()]},
    {"name": "background", "data": [50.0], "modifiers": [{"name": "uncorr_bkguncrt", "type": "shapesys", "data": [7.0]}]}]),
    {"singlechannel": [55.0]}),
    {"obs": 0.4541865416107029, "exp": [0.06371799398864626, 0.15096503398048894, 0.3279606950533305, 0.6046087303039118, 0.8662627605298466]},
    1e-6, "q")
cases["1bin_lumi"] = (ws(one("channel1", [
    {"name": "signal", "data": [20.0], "modifiers": [nf()]},
    {"name": "background1", "data": [100.0], "modifiers": [{"name": "lumi", "type": "lumi", "data": None}]},
    {"name": "background2", "data": [0.0], "modifiers": [{"name": "lumi", "type": "lumi", "data": None}]}]),
    {"channel1": [55.0]},
    [{"auxdata": [1.0], "bounds": [[0.0, 10.0]], "inits": [1.0], "name": "lumi", "sigmas": [0.1]}]),
    {"obs": 0.01047275, "exp": [0.01060338, 0.04022273, 0.13614217, 0.37078321, 0.71104119]}, 4e-6, "q")
cases["1bin_normsys"] = (ws(one("singlechannel", [
    {"name": "signal", "data": [30.0, 95.0], "modifiers": [nf()]},
    {"name": "background", "data": [100.0, 150.0], "modifiers": [{"name": "bkg_norm", "type": "normsys", "data": {"lo": 0.9, "hi": 1.1}}]}]),
    {"singlechannel": [120.0, 180.0]}),
    {"obs": 0.0006735317023683173, "exp": [7.471684419037561e-10, 5.7411551509088054e-08, 3.6898088062731205e-06, 0.00016965731538267896, 0.004392708998555453]},
    2e-6, "q")
cases["2bin_histosys"] = (ws(one("singlechannel", [
    {"name": "signal", "data": [30.0, 95.0], "modifiers": [nf()]},
    {"name": "background", "data": [100.0, 150.0], "modifiers": [{"name": "bkg_norm", "type": "histosys", "data": {"lo_data": [98, 100], "hi_data": [102, 190]}}]}]),
    {"singlechannel": [120.0, 180.0]}),
    {"obs": 0.1001463460725534, "exp": [7.134513306138892e-06, 0.00012547100627138575, 0.001880010666437615, 0.02078964907605385, 0.13692494523572218]},
    8e-5, "q")
cases["2bin_2channel"] = (ws([
    {"name": "signal", "samples": [
        {"name": "signal", "data": [10.0, 35.0], "modifiers": [nf()]},
        {"name": "background", "data": [100.0, 150.0], "modifiers": [{"name": "uncorr_bkguncrt_signal", "type": "shapesys", "data": [10.0, 10.0]}]}]},
    {"name": "control", "samples": [
        {"name": "background", "data": [200.0, 350.0], "modifiers": [{"name": "uncorr_bkguncrt_control", "type": "shapesys", "data": [5.0, 10.0]}]}]}],
    {"signal": [110.0, 155.0], "control": [205.0, 345.0]}),
    {"obs": 0.056332621064982304, "exp": [0.00043491354821983556, 0.0034223000502860606, 0.02337423265831151, 0.1218654225510158, 0.40382074249477845]},
    1e-6, "q")
cases["2bin_2channel_couplednorm"] = (ws([
    {"name": "signal", "samples": [
        {"name": "signal", "data": [10.0, 35.0], "modifiers": [nf()]},
        {"name": "bkg1", "data": [100.0, 100.0], "modifiers": [{"name": "coupled_normsys", "type": "normsys", "data": {"lo": 0.9, "hi": 1.1}}]},
        {"name": "bkg2", "data": [50.0, 100.0], "modifiers": [{"name": "coupled_normsys", "type": "normsys", "data": {"lo": 0.5, "hi": 1.5}}]}]},
    {"name": "control", "samples": [
        {"name": "background", "data": [100.0, 100.0], "modifiers": [{"name": "coupled_normsys", "type": "normsys", "data": {"lo": 0.9, "hi": 1.1}}]}]}],
    {"signal": [105.0, 220.0], "control": [110.0, 105.0]}),
    {"obs": 0.5906228034705155, "exp": [0.055223914655538435, 0.13613239925395315, 0.3068720101493323, 0.5839470093910164, 0.8554725461337025]},
    1e-6, "q")
cases["2bin_2channel_coupledhistosys"] = (ws([
    {"name": "signal", "samples": [
        {"name": "signal", "data": [30.0, 35.0], "modifiers": [nf()]},
        {"name": "bkg1", "data": [100.0, 100.0], "modifiers": [{"name": "coupled_histosys", "type": "histosys", "data": {"lo_data": [90.0, 90.0], "hi_data": [110.0, 110.0]}}]},
        {"name": "bkg2", "data": [50.0, 120.0], "modifiers": [{"name": "coupled_histosys", "type": "histosys", "data": {"lo_data": [45.0, 45.0], "hi_data": [55.0, 55.0]}}]}]},
    {"name": "control", "samples": [
        {"name": "background", "data": [105.0, 100.0], "modifiers": [{"name": "coupled_histosys", "type": "histosys", "data": {"lo_data": [95.0, 90.0], "hi_data": [110.0, 115.0]}}]}]}],
    {"signal": [170.0, 220.0], "control": [110.0, 105.0]}),
    {"obs": 0.07967400132261188, "exp": [1.7653746536962154e-05, 0.00026265644807799805, 0.00334003612780065, 0.031522353024659715, 0.17907742915143962]},
    1e-6, "q")
cases["2bin_2channel_coupledshapefactor"] = (ws([
    {"name": "signal", "samples": [
        {"name": "signal", "data": [20.0, 20.0], "modifiers": [nf()]},
        {"name": "bkg1", "data": [100.0, 70.0], "modifiers": [{"name": "coupled_shapefactor", "type": "shapefactor", "data": None}]}]},
    {"name": "control", "samples": [
        {"name": "background", "data": [100.0, 100.0], "modifiers": [{"name": "coupled_shapefactor", "type": "shapefactor", "data": None}]}]}],
    {"signal": [220.0, 230.0], "control": [200.0, 300.0]}),
    {"obs": 0.5421679124909312, "exp": [0.013753299929451691, 0.048887400056355966, 0.15555296253957684, 0.4007561343326305, 0.7357169630955912]},
    2.5e-6, "q")
# test_shapesys_nuisparfilter_validation: ROOT's numbers, q~ (pyhf's default), codes 4 / 4p; the empty shapesys bin is fixed.
w = ws(one("channel1", [
    {"name": "signal", "data": [20, 10], "modifiers": [nf("SigXsecOverSM")]},
    {"name": "background1", "data": [100, 10], "modifiers": [{"name": "syst", "type": "shapesys", "data": [10, 0]}]}]),
    {"channel1": [100, 10]},
    [{"auxdata": [1], "bounds": [[0.5, 1.5]], "inits": [1], "name": "lumi", "sigmas": [0.1]}], poi="SigXsecOverSM")
cases["shapesys_nuisparfilter"] = (w, {"obs": 0.004360634405484502, "exp": [2.702197937866914e-05, 0.00037099917612576155, 0.004360634386335687, 0.03815031509701916, 0.20203027564155074]},
                                   1e-4, "qtilde")

index = {}
for name, (workspace, expected, tol, stat) in cases.items():
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(workspace, f, indent=1)
    index[name] = dict(expected, pyhf_tolerance=tol, statistic=stat,
                       source="scikit-hep/pyhf tests/test_validation.py @ 00109dadafdb9d143cfcf2d92b25d25afd92a9a9")
with open(os.path.join(HERE, "expected.json"), "w") as f:
    json.dump(index, f, indent=1)
print("wrote", len(cases), "fixtures")
