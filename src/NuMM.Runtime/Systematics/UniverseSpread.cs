using System;
using System.Collections.Generic;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using NuMM.Runtime.Selection;

namespace NuMM.Runtime.Systematics;

/// <summary>What the spread of the universes is measured from.</summary>
public enum SpreadCentre
{
    /// <summary>The universes' own mean per bin. The covariance is the unbiased sample covariance,
    /// Σ_u (x_u − x̄)(x_u − x̄)ᵀ / (N − 1); needs N ≥ 2.</summary>
    UniverseMean = 0,
    /// <summary>The nominal (central-value) prediction, which is not estimated from the universes, so the covariance is
    /// Σ_u (x_u − x_nom)(x_u − x_nom)ᵀ / N; needs N ≥ 1. It includes any offset of the universe mean from the nominal.</summary>
    Nominal = 1,
}

/// <summary>One principal component of a universe covariance matrix: an eigenvector and its eigenvalue.</summary>
/// <param name="Index">0-based rank; components are sorted by <see cref="Variance"/>, largest first.</param>
/// <param name="Variance">The eigenvalue: the variance along <see cref="Direction"/> (in the bins' unit², events² for
/// event counts). Rounding can make an eigenvalue of a positive semi-definite matrix slightly negative; it is set to 0.</param>
/// <param name="Direction">The unit eigenvector, one entry per bin. Its sign is fixed so that its entries sum to a positive
/// number (a +1σ shift raises the total); a direction whose entries sum to 0 within 1e-12 has its first entry of magnitude
/// above 1e-12 positive.</param>
/// <param name="FractionOfVariance">Variance / the sum of all eigenvalues (the trace): the fraction of the total variance
/// this component explains; 0 when the universes do not vary at all.</param>
public sealed record PrincipalComponent(int Index, double Variance, IReadOnlyList<double> Direction, double FractionOfVariance)
{
    /// <summary>The ±1σ shift of this component per bin, √Variance · Direction (in the bins' unit): the universes' spread
    /// along this direction, as the technote's flux PCA applies it to the nominal prediction.</summary>
    public double[] Shift()
    {
        double s = Math.Sqrt(Variance);
        var d = new double[Direction.Count];
        for (int b = 0; b < d.Length; b++) d[b] = s * Direction[b];
        return d;
    }
}

/// <summary>The spread of a multi-universe systematic per bin (for example 100 flux universes of a spectrum): per-bin mean
/// and standard deviation, the bin-to-bin covariance and correlation, and the principal components of the covariance
/// (the technote's flux PCA, sections 3.5–3.6). The estimator is chosen by <see cref="SpreadCentre"/>: about the universe
/// mean with N − 1 (default), or about the nominal with N. Immutable.</summary>
public sealed class UniverseSpread
{
    private readonly double[] _mean, _std, _nominal;
    private readonly double[,] _covariance;
    private readonly PrincipalComponent[] _components;

    private UniverseSpread(double[] nominal, double[] mean, double[,] covariance, int universes, SpreadCentre centre)
    {
        _nominal = nominal;
        _mean = mean;
        _covariance = covariance;
        UniverseCount = universes;
        Centre = centre;
        int n = mean.Length;
        _std = new double[n];
        for (int b = 0; b < n; b++) _std[b] = Math.Sqrt(Math.Max(0.0, covariance[b, b]));
        _components = Decompose(covariance);
    }

    /// <summary>The spread of the given universe values.</summary>
    /// <param name="universes">One array per universe, each with the same number of bins (≥ 1); finite values.</param>
    /// <param name="nominal">The nominal values per bin (same length); needed for <see cref="SpreadCentre.Nominal"/>, else
    /// optional (kept for reference).</param>
    /// <param name="centre">What the spread is measured from.</param>
    /// <param name="what">What the values are, for messages (for example "flux of histogram 'E'").</param>
    /// <exception cref="ArgumentException">Too few universes, ragged or non-finite values; the message names universe and bin.</exception>
    public static UniverseSpread FromValues(IReadOnlyList<IReadOnlyList<double>> universes, IReadOnlyList<double>? nominal = null,
        SpreadCentre centre = SpreadCentre.UniverseMean, string what = "universes")
    {
        ArgumentNullException.ThrowIfNull(universes);
        int n = universes.Count;
        int min = centre == SpreadCentre.UniverseMean ? 2 : 1;
        if (n < min)
            throw new ArgumentException($"{what}: the spread about the {(centre == SpreadCentre.UniverseMean ? "universe mean needs at least 2 universes" : "nominal needs at least 1 universe")}; got {n}.", nameof(universes));
        int bins = universes[0]?.Count ?? throw new ArgumentException($"{what}: universe 0 is null.", nameof(universes));
        if (bins == 0) throw new ArgumentException($"{what}: the universes have no bins.", nameof(universes));
        var x = new double[n][];
        for (int u = 0; u < n; u++)
        {
            var row = universes[u] ?? throw new ArgumentException($"{what}: universe {u} is null.", nameof(universes));
            if (row.Count != bins) throw new ArgumentException($"{what}: universe {u} has {row.Count} bins, universe 0 has {bins}.", nameof(universes));
            x[u] = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                double v = row[b];
                if (!double.IsFinite(v)) throw new ArgumentException($"{what}: universe {u}, bin {b} is {v.ToString("R", CultureInfo.InvariantCulture)}.", nameof(universes));
                x[u][b] = v;
            }
        }
        double[] nom;
        if (nominal is null)
        {
            if (centre == SpreadCentre.Nominal) throw new ArgumentException($"{what}: the spread about the nominal needs the nominal values.", nameof(nominal));
            nom = new double[bins];
            Array.Fill(nom, double.NaN);
        }
        else
        {
            if (nominal.Count != bins) throw new ArgumentException($"{what}: the nominal has {nominal.Count} bins, the universes {bins}.", nameof(nominal));
            nom = new double[bins];
            for (int b = 0; b < bins; b++)
            {
                nom[b] = nominal[b];
                if (!double.IsFinite(nom[b])) throw new ArgumentException($"{what}: nominal bin {b} is {nom[b].ToString("R", CultureInfo.InvariantCulture)}.", nameof(nominal));
            }
        }

        var mean = new double[bins];
        for (int u = 0; u < n; u++) for (int b = 0; b < bins; b++) mean[b] += x[u][b];
        for (int b = 0; b < bins; b++) mean[b] /= n;
        var c = centre == SpreadCentre.UniverseMean ? mean : nom;
        double denominator = centre == SpreadCentre.UniverseMean ? n - 1 : n;
        var cov = new double[bins, bins];
        var d = new double[bins];
        for (int u = 0; u < n; u++)
        {
            for (int b = 0; b < bins; b++) d[b] = x[u][b] - c[b];
            for (int i = 0; i < bins; i++)
                for (int j = 0; j <= i; j++) cov[i, j] += d[i] * d[j];
        }
        for (int i = 0; i < bins; i++)
            for (int j = 0; j <= i; j++)
            {
                cov[i, j] /= denominator;
                cov[j, i] = cov[i, j];
            }
        return new UniverseSpread(nom, mean, cov, n, centre);
    }

    /// <summary>The spread of the regular bins of 1-D histogram <paramref name="histogram"/> over the universes of
    /// <paramref name="systematic"/> in <paramref name="result"/>, with the nominal histogram as the nominal.</summary>
    /// <param name="result">A result with universe variations.</param>
    /// <param name="systematic">The multi-universe systematic's name.</param>
    /// <param name="histogram">The 1-D histogram's name.</param>
    /// <param name="centre">What the spread is measured from.</param>
    /// <exception cref="ArgumentException">The systematic is not a universe systematic; the message says what it is.</exception>
    public static UniverseSpread Of(AnalysisResult result, string systematic, string histogram, SpreadCentre centre = SpreadCentre.UniverseMean)
    {
        ArgumentNullException.ThrowIfNull(result);
        var universes = UniversesOf(result, systematic);
        var rows = new double[universes.Count][];
        for (int u = 0; u < rows.Length; u++) rows[u] = RegularBins(universes[u].Result.Histogram1D(histogram));
        return FromValues(rows, RegularBins(result.Histogram1D(histogram)), centre, $"Systematic '{systematic}' of histogram '{histogram}'");
    }

    /// <summary>The spread of the weighted event count after cut step <paramref name="step"/> (default: all cuts) over the
    /// universes of <paramref name="systematic"/>: a one-bin spread (the technote's systematic uncertainty on the event count).</summary>
    /// <param name="result">A result with universe variations.</param>
    /// <param name="systematic">The multi-universe systematic's name.</param>
    /// <param name="step">The cut-flow step, 0..CutCount; −1 for the last.</param>
    /// <param name="centre">What the spread is measured from.</param>
    public static UniverseSpread OfEventCount(AnalysisResult result, string systematic, int step = -1, SpreadCentre centre = SpreadCentre.UniverseMean)
    {
        ArgumentNullException.ThrowIfNull(result);
        int s = step < 0 ? result.CutFlow.CutCount : step;
        var universes = UniversesOf(result, systematic);
        var rows = new double[universes.Count][];
        for (int u = 0; u < rows.Length; u++) rows[u] = [universes[u].Result.CutFlow.Yield(s)];
        return FromValues(rows, [result.CutFlow.Yield(s)], centre, $"Systematic '{systematic}' of the event count after step {s}");
    }

    internal static IReadOnlyList<VariationResult> UniversesOf(AnalysisResult result, string systematic)
    {
        var list = result.VariationsOf(systematic);
        if (list[0].Kind != VariationKind.Universe)
            throw new ArgumentException($"Analysis '{result.AnalysisName}': systematic '{systematic}' has {list[0].Kind} variations, not universes.", nameof(systematic));
        for (int u = 0; u < list.Count; u++)
            if (list[u].Universe != u)
                throw new ArgumentException($"Analysis '{result.AnalysisName}': the universes of '{systematic}' are not numbered 0..{list.Count - 1} in order (position {u} holds universe {list[u].Universe}).", nameof(systematic));
        return list;
    }

    internal static double[] RegularBins(Histograms.Histogram1D h) => h.SumW.Slice(1, h.Axis.Count).ToArray();

    private static PrincipalComponent[] Decompose(double[,] covariance)
    {
        int n = covariance.GetLength(0);
        var evd = Matrix<double>.Build.DenseOfArray(covariance).Evd(Symmetricity.Symmetric);
        var values = new double[n];
        for (int k = 0; k < n; k++) values[k] = Math.Max(0.0, evd.EigenValues[k].Real);
        var order = new int[n];
        for (int k = 0; k < n; k++) order[k] = k;
        // Largest variance first; equal variances keep the decomposition's order (stable sort).
        var sorted = new List<int>(order);
        sorted.Sort((a, b) => values[b] != values[a] ? values[b].CompareTo(values[a]) : a.CompareTo(b));
        double total = 0;
        foreach (double v in values) total += v;
        var components = new PrincipalComponent[n];
        for (int r = 0; r < n; r++)
        {
            int k = sorted[r];
            var dir = new double[n];
            double sum = 0;
            for (int b = 0; b < n; b++) { dir[b] = evd.EigenVectors[b, k]; sum += dir[b]; }
            bool flip = sum < -1e-12;
            if (Math.Abs(sum) <= 1e-12)
                foreach (double v in dir)
                    if (Math.Abs(v) > 1e-12) { flip = v < 0; break; }
            if (flip) for (int b = 0; b < n; b++) dir[b] = -dir[b];
            components[r] = new PrincipalComponent(r, values[k], dir, total > 0 ? values[k] / total : 0.0);
        }
        return components;
    }

    /// <summary>How many universes the spread is computed from.</summary>
    public int UniverseCount { get; }

    /// <summary>The number of bins.</summary>
    public int BinCount => _mean.Length;

    /// <summary>What the covariance is measured from (and so its denominator, N − 1 or N).</summary>
    public SpreadCentre Centre { get; }

    /// <summary>The nominal values per bin (NaN when none were given).</summary>
    public IReadOnlyList<double> Nominal => _nominal;

    /// <summary>The universes' mean per bin, Σ_u x_u / N (in the bins' unit).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>The standard deviation per bin, √(covariance diagonal) (in the bins' unit).</summary>
    public IReadOnlyList<double> StandardDeviation => _std;

    /// <summary>The bin-to-bin covariance matrix (in the bins' unit²), a copy.</summary>
    public double[,] Covariance() => (double[,])_covariance.Clone();

    /// <summary>The covariance of bins <paramref name="i"/> and <paramref name="j"/>.</summary>
    /// <param name="i">A bin, 0..BinCount − 1.</param>
    /// <param name="j">A bin, 0..BinCount − 1.</param>
    public double CovarianceOf(int i, int j) => _covariance[i, j];

    /// <summary>The correlation matrix, covariance[i, j] / (σ_i σ_j); 0 where a bin does not vary.</summary>
    public double[,] Correlation()
    {
        int n = BinCount;
        var r = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                r[i, j] = _std[i] > 0 && _std[j] > 0 ? _covariance[i, j] / (_std[i] * _std[j]) : 0.0;
        return r;
    }

    /// <summary>The principal components, largest variance first (one per bin; at most N − 1 of them are non-zero for the
    /// spread about the mean).</summary>
    public IReadOnlyList<PrincipalComponent> PrincipalComponents => _components;

    /// <summary>The total variance, the sum of the eigenvalues (= the trace of the covariance).</summary>
    public double TotalVariance
    {
        get
        {
            double t = 0;
            foreach (var c in _components) t += c.Variance;
            return t;
        }
    }

    /// <summary>How many leading components are needed to explain at least <paramref name="fraction"/> of the total variance.</summary>
    /// <param name="fraction">In (0, 1].</param>
    public int ComponentsExplaining(double fraction)
    {
        if (!(fraction > 0 && fraction <= 1)) throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction of variance must lie in (0, 1].");
        double sum = 0;
        for (int k = 0; k < _components.Length; k++)
        {
            sum += _components[k].FractionOfVariance;
            if (sum >= fraction * (1 - 1e-12)) return k + 1;
        }
        return _components.Length;
    }
}
