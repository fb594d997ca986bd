namespace NuMM.Physics.Tests.ElectronScattering;

/// <summary>Independent inputs for the ν–e tests: PDG 2024 literals (Phys. Rev. D 110, 030001, table "Physical
/// constants" and the electroweak review) typed here rather than read from the code under test, and the tree-level
/// formulas written out by hand.</summary>
internal static class Reference
{
    public const double GfPerGeV2 = 1.1663788e-5;          // PDG 2024
    public const double AlphaInverse = 137.035999177;      // PDG 2024 / CODATA 2022
    public const double MeMeV = 0.51099895069;             // PDG 2024 / CODATA 2022
    public const double HbarCMeVFm = 197.3269804;          // PDG 2024
    public const double SinSq0 = 0.23873;                  // PDG 2024 sin²θ̂_W(0)

    public static double Gf => GfPerGeV2 * 1e-6;            // MeV⁻²
    public static double Alpha => 1.0 / AlphaInverse;
    /// <summary>(ħc)² in MeV² cm²: PDG 2024 0.389379372 GeV² mbarn.</summary>
    public const double HbarC2 = 0.389379372e-21;

    /// <summary>Tree-level couplings written out per species (Vogel &amp; Engel 1989 eq. 1; 't Hooft 1971).</summary>
    public static (double gv, double ga) Couplings(string species, double s2 = SinSq0) => species switch
    {
        "nue" => (0.5 + 2 * s2, 0.5),
        "nuebar" => (0.5 + 2 * s2, -0.5),
        "numu" or "nutau" => (-0.5 + 2 * s2, -0.5),
        "numubar" or "nutaubar" => (-0.5 + 2 * s2, 0.5),
        _ => throw new System.ArgumentException(species),
    };

    /// <summary>Asserts |actual/expected − 1| ≤ rel (or |actual| ≤ rel when expected is 0).</summary>
    public static void Close(double expected, double actual, double rel, string? what = null)
    {
        double err = expected == 0 ? Math.Abs(actual) : Math.Abs(actual / expected - 1);
        Assert.True(err <= rel, $"{what} expected {expected:R}, got {actual:R} (relative error {err:E2} > {rel:E2})");
    }

    public static double TMax(double e) => 2 * e * e / (MeMeV + 2 * e);

    /// <summary>dσ/dT (cm²/MeV) from technote eq. 29 / the brief, typed independently.</summary>
    public static double SmDSigmaDT(double gv, double ga, double e, double t)
    {
        if (t > TMax(e)) return 0;
        double pre = Gf * Gf * MeMeV / (2 * Math.PI) * HbarC2;
        double u = 1 - t / e;
        return pre * ((gv + ga) * (gv + ga) + (gv - ga) * (gv - ga) * u * u - (gv * gv - ga * ga) * MeMeV * t / (e * e));
    }

    /// <summary>Magnetic dσ/dT (cm²/MeV), technote eq. 35.</summary>
    public static double MagDSigmaDT(double e, double t, double mu)
        => t > TMax(e) ? 0 : Math.PI * Alpha * Alpha / (MeMeV * MeMeV) * HbarC2 * mu * mu * (1 / t - 1 / e);
}

/// <summary>Adaptive Simpson quadrature, written for the tests so that integrals of the code's differential cross
/// sections are checked against closed forms by an independent numerical method.</summary>
internal static class Quadrature
{
    public static double Integrate(Func<double, double> f, double a, double b, double relTol = 1e-10)
    {
        // A first pass on a fixed 64-panel grid sets the scale, so that the tolerance never shrinks below round-off.
        double scale = 0;
        for (int i = 0; i < 64; i++)
        {
            double x0 = a + (b - a) * i / 64, x1 = a + (b - a) * (i + 1) / 64;
            scale += Math.Abs((x1 - x0) / 6 * (f(x0) + 4 * f(0.5 * (x0 + x1)) + f(x1)));
        }
        double floor = 1e-15 * scale;
        double fa = f(a), fb = f(b), m = 0.5 * (a + b), fm = f(m);
        double whole = (b - a) / 6 * (fa + 4 * fm + fb);
        return Recurse(f, a, b, fa, fm, fb, whole, Math.Max(relTol * scale, floor), floor, 48);
    }

    private static double Recurse(Func<double, double> f, double a, double b, double fa, double fm, double fb, double whole, double tol, double floor, int depth)
    {
        double m = 0.5 * (a + b), lm = 0.5 * (a + m), rm = 0.5 * (m + b);
        double flm = f(lm), frm = f(rm);
        double left = (m - a) / 6 * (fa + 4 * flm + fm), right = (b - m) / 6 * (fm + 4 * frm + fb);
        double diff = left + right - whole;
        if (depth <= 0 || Math.Abs(diff) <= 15 * tol) return left + right + diff / 15;
        double half = Math.Max(tol / 2, floor);
        return Recurse(f, a, m, fa, flm, fm, left, half, floor, depth - 1) + Recurse(f, m, b, fm, frm, fb, right, half, floor, depth - 1);
    }

    /// <summary>∫ f over [a, b] (0 &lt; a &lt; b) in the variable ln x, for integrands like 1/x.</summary>
    public static double IntegrateLog(Func<double, double> f, double a, double b, double relTol = 1e-10)
        => Integrate(s => { double x = Math.Exp(s); return f(x) * x; }, Math.Log(a), Math.Log(b), relTol);
}
