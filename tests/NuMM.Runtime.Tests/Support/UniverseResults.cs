using NuMM.Runtime.Histograms;
using NuMM.Runtime.Selection;

namespace NuMM.Runtime.Tests.Support;

/// <summary>A nominal result with <c>points</c> universes of systematic "flux", each with a 1-D histogram "E" of
/// <c>bins1</c> bins (bins1 + 2 cells) and a 2-D histogram "ZA" of 3 × 2 bins (20 cells), for the tests of how generated
/// kernels move final-only cells.</summary>
internal static class UniverseResults
{
    /// <param name="points">Universes.</param>
    /// <param name="bins1">Bins of the 1-D histogram.</param>
    /// <param name="distinctCells">Fill every cell of universe u with a value that names u and the cell (the nominal
    /// result is u = −1); otherwise all cells are zero.</param>
    public static AnalysisResult Create(int points, int bins1 = 4, bool distinctCells = false)
    {
        AnalysisResult One(int u)
        {
            var h1 = new Histogram1D(new RegularAxis(bins1, 0, 1), "E");
            var h2 = new Histogram2D(new RegularAxis(3, 0, 1), new RegularAxis(2, 0, 1), "ZA");
            if (distinctCells)
            {
                for (int c = 0; c < h1.CellCount; c++) { h1.SumW[c] = 1000 * u + c + 0.25; h1.SumW2[c] = -(1000 * u + c + 0.5); }
                for (int c = 0; c < h2.CellCount; c++) { h2.SumW[c] = 1e6 + 1000 * u + c; h2.SumW2[c] = -(1e6 + 1000 * u + c); }
            }
            return new AnalysisResult("A", new CutFlow(["cut"]), [h1], [h2]);
        }
        var variations = Enumerable.Range(0, points).Select(u => VariationResult.InUniverse("flux", u, One(u))).ToList();
        var nominal = One(-1);
        return new AnalysisResult("A", nominal.CutFlow, nominal.Histograms1D, nominal.Histograms2D, variations);
    }
}
