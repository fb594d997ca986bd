using NuMM.Runtime.Statistics.Likelihood;
using NuMM.Runtime.Statistics.Model;

namespace NuMM.Benchmarks.Statistics;

/// <summary>Models used by the statistics benchmarks, shaped like the technote's binned experiment.</summary>
internal static class StatisticsBenchmarkModels
{
    /// <summary>20 bins; components: magnetic-moment signal (μ²), ν-on-e (free normalisation), ν_e CC MEC, other;
    /// 10 nuisance parameters: 6 shape systematics (cubic, ±1σ and ±2σ templates) and 4 normalisations.</summary>
    public static BinnedLikelihood Binned(int bins = 20)
    {
        var x = Enumerable.Range(0, bins).Select(i => (i + 0.5) / bins).ToArray();
        double[] signal = x.Select(v => 30 * Math.Exp(-4 * v)).ToArray();
        double[] nue = x.Select(v => 80 + 20 * v).ToArray();
        double[] mec = x.Select(v => 25 * Math.Exp(-Math.Pow((v - 0.6) / 0.2, 2))).ToArray();
        double[] other = x.Select(v => 10 + 5 * v).ToArray();
        var components = new[]
        {
            new PredictionComponent("numm", signal, ComponentScale.Square("mu")),
            new PredictionComponent("nu-on-e", nue, ComponentScale.Linear("norm_nue")),
            new PredictionComponent("mec", mec),
            new PredictionComponent("other", other),
        };
        var templates = new List<TemplateSystematic>();
        string[] shapeTargets = ["nu-on-e", "mec", "other", "nu-on-e", "mec", "numm"];
        for (int s = 0; s < 6; s++)
        {
            var nominal = components.First(c => c.Name == shapeTargets[s]).Contents;
            double tilt = 0.03 + 0.01 * s;
            var syst = new TemplateSystematic($"shape{s}", TemplateInterpolation.Cubic);
            foreach (double sigma in new[] { -2.0, -1.0, 1.0, 2.0 })
                syst.AddShift(shapeTargets[s], sigma, nominal.Select((v, i) => v * (1 + sigma * tilt * (x[i] - 0.5) + 0.002 * sigma * sigma)).ToArray());
            templates.Add(syst);
        }
        var norms = new[]
        {
            new NormalizationSystematic("flux", ["nu-on-e", "mec", "other", "numm"], 0.10),
            new NormalizationSystematic("mec_xsec", ["mec"], 0.20),
            new NormalizationSystematic("other_xsec", ["other"], 0.15, interpolation: NormalizationInterpolation.PolynomialExponential),
            new NormalizationSystematic("detector", ["nu-on-e", "mec", "other", "numm"], 0.05, interpolation: NormalizationInterpolation.Exponential),
        };
        var model = new PredictionModel(components, [new FitParameter("mu", 0.5, 0, 5), new FitParameter("norm_nue", 1, 0, 3)], templates, norms);
        var truth = model.InitialValues();
        truth[0] = 0.3;
        var data = new double[bins];
        model.Predict(truth, data);
        for (int i = 0; i < bins; i++) data[i] = Math.Round(data[i] + 0.7 * Math.Sqrt(data[i]) * Math.Sin(3.1 * i));
        return new BinnedLikelihood(model, data, TestStatistic.Poisson());
    }
}
