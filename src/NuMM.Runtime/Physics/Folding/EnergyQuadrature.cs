using System;
using System.Collections.Generic;
using System.Linq;
using NuMM.Runtime.Physics.Fluxes;

namespace NuMM.Runtime.Physics.Folding;

/// <summary>Gauss–Legendre quadrature over panels. Nodes are computed once per order by Newton iteration on P_n.</summary>
public static class EnergyQuadrature
{
    private static readonly (double[] X, double[] W)?[] Cache = new (double[] X, double[] W)?[33];
    private static readonly object Gate = new();

    /// <summary>Nodes x_i ∈ (−1, 1) and weights w_i of the n-point Gauss–Legendre rule (1 ≤ n ≤ 32), exact for polynomials of degree 2n − 1.</summary>
    /// <param name="order">n.</param>
    public static (double[] Nodes, double[] Weights) GaussLegendre(int order)
    {
        if (order < 1 || order > 32) throw new ArgumentOutOfRangeException(nameof(order), order, "Gauss–Legendre order must be 1..32.");
        lock (Gate)
        {
            if (Cache[order] is { } cached) return cached;
            var x = new double[order];
            var w = new double[order];
            for (int i = 0; i < order; i++)
            {
                double z = Math.Cos(Math.PI * (i + 0.75) / (order + 0.5));
                double dp = 0;
                for (int iter = 0; iter < 100; iter++)
                {
                    double p0 = 1, p1 = z;
                    for (int k = 2; k <= order; k++)
                    {
                        double p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
                        p0 = p1;
                        p1 = p2;
                    }
                    if (order == 1) { p1 = z; p0 = 1; }
                    dp = order * (z * p1 - p0) / (z * z - 1);
                    double dz = p1 / dp;
                    z -= dz;
                    if (Math.Abs(dz) < 1e-16) break;
                }
                x[order - 1 - i] = z;
                w[order - 1 - i] = 2 / ((1 - z * z) * dp * dp);
            }
            var rule = (x, w);
            Cache[order] = rule;
            return rule;
        }
    }

    /// <summary>∫ f(E) · density(E) dE over the spectrum's support, Gauss–Legendre (order 8) on every panel between its
    /// breakpoints (exact for a tabulated, linearly interpolated density times a polynomial of degree ≤ 14).</summary>
    /// <param name="spectrum">Spectrum.</param>
    /// <param name="weight">Optional f(E); 1 if null.</param>
    public static double Integrate(IContinuousSpectrum spectrum, Func<double, double>? weight = null)
    {
        ArgumentNullException.ThrowIfNull(spectrum);
        var (x, w) = GaussLegendre(8);
        var edges = spectrum.Breakpoints;
        double sum = 0;
        for (int p = 1; p < edges.Count; p++)
        {
            double lo = edges[p - 1], hi = edges[p], half = 0.5 * (hi - lo), mid = 0.5 * (hi + lo);
            for (int i = 0; i < x.Length; i++)
            {
                double e = mid + half * x[i];
                sum += half * w[i] * spectrum.Density(e) * (weight is null ? 1 : weight(e));
            }
        }
        return sum;
    }

    /// <summary>∫_a^b f, Gauss–Legendre of order <paramref name="order"/> on <paramref name="panels"/> equal panels,
    /// or on logarithmically spaced panels when <paramref name="logarithmic"/> and a &gt; 0.</summary>
    /// <param name="f">Integrand.</param>
    /// <param name="a">Lower limit.</param>
    /// <param name="b">Upper limit.</param>
    /// <param name="panels">Number of panels ≥ 1.</param>
    /// <param name="order">Gauss–Legendre order.</param>
    /// <param name="logarithmic">Space panels logarithmically.</param>
    public static double Integrate(Func<double, double> f, double a, double b, int panels = 16, int order = 8, bool logarithmic = false)
    {
        ArgumentNullException.ThrowIfNull(f);
        if (!(b > a)) return 0;
        var (x, w) = GaussLegendre(order);
        bool log = logarithmic && a > 0;
        double sum = 0;
        for (int p = 0; p < panels; p++)
        {
            double lo = log ? a * Math.Pow(b / a, (double)p / panels) : a + (b - a) * p / panels;
            double hi = log ? a * Math.Pow(b / a, (double)(p + 1) / panels) : a + (b - a) * (p + 1) / panels;
            if (p == panels - 1) hi = b;
            double half = 0.5 * (hi - lo), mid = 0.5 * (hi + lo);
            for (int i = 0; i < x.Length; i++) sum += half * w[i] * f(mid + half * x[i]);
        }
        return sum;
    }
}
