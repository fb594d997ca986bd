using System;
using System.Globalization;

namespace NuMM.Runtime.Reporting.Tables;

/// <summary>Number formatting of cut-flow tables, following the technote's Table 7 (invariant culture):
/// yields "263.39", "3,352.43", "9.19E+6"; percentages "27.92", "99.80", "100", "0.00072".</summary>
public static class CutFlowNumberFormat
{
    /// <summary>What an undefined value (0/0) prints as.</summary>
    public const string Undefined = "–";

    /// <summary>A weighted yield: two decimals with thousands separators below 10⁵, else three significant digits
    /// in E notation ("9.19E+6").</summary>
    /// <param name="n">The yield (sum of weights).</param>
    public static string Yield(double n)
    {
        if (double.IsNaN(n)) return Undefined;
        if (double.IsInfinity(n)) return n > 0 ? "∞" : "−∞";
        return Math.Abs(n) >= 1e5
            ? n.ToString("0.00E+0", CultureInfo.InvariantCulture)
            : n.ToString("#,##0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>An unweighted event count with thousands separators ("9,190,000").</summary>
    /// <param name="n">The count.</param>
    public static string Count(long n) => n.ToString("#,##0", CultureInfo.InvariantCulture);

    /// <summary>A percentage: "100" when it rounds to 100, "0" for zero, two significant digits below 0.01
    /// ("0.00072"), else two decimals ("99.80").</summary>
    /// <param name="percent">The value in percent.</param>
    public static string Percent(double percent)
    {
        if (double.IsNaN(percent)) return Undefined;
        if (double.IsInfinity(percent)) return percent > 0 ? "∞" : "−∞";
        if (percent == 0) return "0";
        double r = Math.Round(percent, 2, MidpointRounding.AwayFromZero);
        if (r == 100) return "100";
        if (Math.Abs(percent) < 0.01) return percent.ToString("G2", CultureInfo.InvariantCulture);
        return r.ToString("0.00", CultureInfo.InvariantCulture);
    }

    /// <summary>A full-precision, round-trippable number for machine-readable output (CSV); empty for NaN.</summary>
    /// <param name="v">The value.</param>
    public static string Raw(double v) => double.IsNaN(v) ? "" : v.ToString("R", CultureInfo.InvariantCulture);
}
