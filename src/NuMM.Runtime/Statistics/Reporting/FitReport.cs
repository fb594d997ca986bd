using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using NuMM.Runtime.Statistics.Inference;
using NuMM.Runtime.Statistics.Minimization;

namespace NuMM.Runtime.Statistics.Reporting;

/// <summary>Human- and machine-readable forms of fit results, scans and limits: Markdown tables, CSV curves and JSON.
/// Numbers are written with the invariant culture; non-finite values appear as "NaN"/"Infinity" strings in JSON.</summary>
public static class FitReport
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    private static string F(double v, string format = "G6") => v.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A Markdown summary of a fit: status, minimum, evaluations, and a table of values, errors and bound flags,
    /// followed by the correlation matrix when available.</summary>
    /// <param name="fit">Fit result.</param>
    /// <param name="title">Heading text.</param>
    public static string ToMarkdown(FitResult fit, string title = "Fit summary")
    {
        ArgumentNullException.ThrowIfNull(fit);
        var sb = new StringBuilder();
        sb.Append("### ").AppendLine(title).AppendLine();
        sb.Append("- status: **").Append(fit.Converged ? "converged" : "NOT CONVERGED").Append("** (").Append(fit.Status).AppendLine(")");
        sb.Append("- minimum χ²: ").AppendLine(F(fit.Minimum, "F6"));
        sb.Append("- EDM: ").Append(F(fit.EstimatedDistanceToMinimum, "G3")).Append(", iterations: ").Append(fit.Iterations)
          .Append(", evaluations: ").AppendLine(fit.Evaluations.ToString(CultureInfo.InvariantCulture));
        if (fit.Covariance is not null) sb.Append("- covariance: ").AppendLine(fit.CovarianceValid ? "valid (positive-definite Hessian)" : "NOT positive definite — errors from the Hessian diagonal only");
        sb.AppendLine().AppendLine("| parameter | value | error | note |").AppendLine("|---|---:|---:|---|");
        for (int i = 0; i < fit.ParameterNames.Count; i++)
        {
            string note = fit.IsFixed[i] ? "fixed" : fit.AtBound[i] ? "at bound" : "";
            sb.Append("| ").Append(fit.ParameterNames[i]).Append(" | ").Append(F(fit.Values[i])).Append(" | ")
              .Append(fit.Covariance is null ? "—" : F(fit.Errors[i])).Append(" | ").Append(note).AppendLine(" |");
        }
        if (fit.Correlation is { } c)
        {
            int n = fit.ParameterNames.Count;
            sb.AppendLine().AppendLine("Correlations:").AppendLine();
            sb.Append("| |").AppendJoin("", fit.ParameterNames.Select(p => " " + p + " |")).AppendLine();
            sb.Append("|---|").AppendJoin("", Enumerable.Repeat("---:|", n)).AppendLine();
            for (int i = 0; i < n; i++)
            {
                sb.Append("| ").Append(fit.ParameterNames[i]).Append(" |");
                for (int j = 0; j < n; j++) sb.Append(' ').Append(F(c[i, j], "F3")).Append(" |");
                sb.AppendLine();
            }
        }
        return sb.ToString();
    }

    /// <summary>A 1-D profile scan as CSV: scanned value, Δχ², χ², converged flag, then every parameter's profiled value.</summary>
    /// <param name="scan">The scan.</param>
    public static string ToCsv(ProfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var sb = new StringBuilder();
        sb.Append(string.Join(",", scan.ScannedParameters)).Append(",delta_chi2,chi2,converged,").AppendLine(string.Join(",", scan.ParameterNames));
        foreach (var p in scan.Points)
        {
            sb.Append(F(p.X, "R"));
            if (scan.ScannedParameters.Count == 2) sb.Append(',').Append(F(p.Y, "R"));
            sb.Append(',').Append(F(p.DeltaChi2, "R")).Append(',').Append(F(p.Chi2, "R")).Append(',').Append(p.Converged ? "true" : "false");
            foreach (var v in p.Parameters) sb.Append(',').Append(F(v, "R"));
            sb.AppendLine();
        }
        return sb.ToString();
    }

    /// <summary>A limit summary table in Markdown (any mix of Δχ², CLs and Feldman–Cousins limits).</summary>
    /// <param name="rows">(method, limit, note) rows.</param>
    /// <param name="title">Heading.</param>
    public static string LimitsToMarkdown(IEnumerable<(string Method, double Limit, string Note)> rows, string title = "Upper limits")
    {
        var sb = new StringBuilder().Append("### ").AppendLine(title).AppendLine().AppendLine("| method | limit | note |").AppendLine("|---|---:|---|");
        foreach (var (m, l, n) in rows) sb.Append("| ").Append(m).Append(" | ").Append(F(l)).Append(" | ").Append(n).AppendLine(" |");
        return sb.ToString();
    }

    /// <summary>JSON of a fit result.</summary>
    /// <param name="fit">Fit result.</param>
    public static string ToJson(FitResult fit) => JsonSerializer.Serialize(FitDto.From(fit), Json);

    /// <summary>JSON of a profile scan (global fit, points with profiled parameters).</summary>
    /// <param name="scan">The scan.</param>
    public static string ToJson(ProfileScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var dto = new ScanDto(scan.ScannedParameters.ToArray(), scan.ParameterNames.ToArray(), FitDto.From(scan.GlobalFit),
            scan.Points.Select(p => new PointDto(p.X, p.Y, p.Chi2, p.DeltaChi2, p.Converged, p.Parameters)).ToArray());
        return JsonSerializer.Serialize(dto, Json);
    }

    /// <summary>JSON of a CLs limit.</summary>
    /// <param name="limit">The limit.</param>
    public static string ToJson(ClsLimit limit) => JsonSerializer.Serialize(limit, Json);

    /// <summary>JSON of a Δχ² upper limit (without the embedded fit's matrices).</summary>
    /// <param name="limit">The limit.</param>
    public static string ToJson(UpperLimitResult limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        return JsonSerializer.Serialize(new { limit.Parameter, limit.Limit, limit.BestFit, limit.CriticalDeltaChi2, limit.ConfidenceLevel, limit.AllFitsConverged, GlobalFit = FitDto.From(limit.GlobalFit) }, Json);
    }

    /// <summary>JSON of a Feldman–Cousins result.</summary>
    /// <param name="result">The result.</param>
    public static string ToJson(FeldmanCousinsResult result) => JsonSerializer.Serialize(result, Json);

    private sealed record FitDto(bool Converged, string Status, double Minimum, double Edm, int Iterations, int Evaluations,
        string[] Parameters, double[] Values, double[] Errors, bool[] Fixed, bool[] AtBound, bool CovarianceValid, double[][]? Correlation)
    {
        public static FitDto From(FitResult f) => new(f.Converged, f.Status, f.Minimum, f.EstimatedDistanceToMinimum, f.Iterations, f.Evaluations,
            f.ParameterNames.ToArray(), f.Values, f.Errors, f.IsFixed, f.AtBound, f.CovarianceValid,
            f.Correlation is { } c ? Enumerable.Range(0, c.GetLength(0)).Select(i => Enumerable.Range(0, c.GetLength(1)).Select(j => c[i, j]).ToArray()).ToArray() : null);
    }

    private sealed record PointDto(double X, double Y, double Chi2, double DeltaChi2, bool Converged, double[] Parameters);
    private sealed record ScanDto(string[] Scanned, string[] ParameterNames, FitDto GlobalFit, PointDto[] Points);
}
