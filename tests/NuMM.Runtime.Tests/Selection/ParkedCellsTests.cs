using NuMM.Runtime.Histograms;
using NuMM.Runtime.Selection;
using NuMM.Runtime.Tests.Support;

namespace NuMM.Runtime.Tests.Selection;

public class ParkedCellsTests
{
    // 4 universes, every cell zero.
    private static AnalysisResult Result() => UniverseResults.Create(4);

    // Parks universes 1..2 with a store that writes 7 into cell 0 of their 1-D histograms and counts its calls.
    private static (ParkedCells Parked, Func<int> Stores) Park(AnalysisResult r, object owner)
    {
        int stores = 0;
        var parked = ParkedCells.For(r, owner, 16);
        parked.Loaded((buffer, result) =>
        {
            stores++;
            for (int u = 1; u <= 2; u++) result.Universe("flux", u).Histograms1D[0].SumW[0] = 7;
        }, [1, 2]);
        return (parked, () => stores);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(100)]
    [InlineData(35300)]
    public unsafe void Cells_StartOnA64ByteLine_HaveTheLength_AndStayPutAcrossCallsAndCollections(int length)
    {
        var r = Result();
        var owner = new object();
        var parked = ParkedCells.For(r, owner, length);
        var cells = parked.Cells;
        Assert.Equal(length, cells.Length);
        long at = (long)System.Runtime.CompilerServices.Unsafe.AsPointer(ref cells[0]);
        Assert.Equal(0, at % 64);
        cells[length - 1] = 3.5; // the last cell is inside the buffer
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var again = ParkedCells.For(r, owner, length);
        Assert.Same(parked, again);
        Assert.Equal(at, (long)System.Runtime.CompilerServices.Unsafe.AsPointer(ref again.Cells[0]));
        Assert.Equal(3.5, again.Cells[length - 1]);
        // The store-back delegate gets the buffer: CellsOf gives it the same cells.
        Assert.Equal(at, (long)System.Runtime.CompilerServices.Unsafe.AsPointer(ref ParkedCells.CellsOf(again.Buffer, length)[0]));
    }

    public static TheoryData<string> Accesses => new()
    {
        "SumW", "SumW2", "Fill", "FillCell", "BinContent", "BinError", "Integral", "IntegralRange", "IntegralError", "Add as target",
        "Add as source", "Scale", "Reset", "Clone", "ToString", "2D SumW", "2D Fill", "2D Reset", "result Reset", "result Add",
    };

    [Theory]
    [MemberData(nameof(Accesses))]
    public void EveryAccessToAParkedHistogram_StoresTheCellsFirst_Once(string access)
    {
        var r = Result();
        var (parked, stores) = Park(r, new object());
        var h = r.Universe("flux", 2).Histograms1D[0];
        var h2 = r.Universe("flux", 1).Histograms2D[0];
        var other = new Histogram1D(new RegularAxis(4, 0, 1), "E");
        double seen = access switch
        {
            "SumW" => h.SumW[0],
            "SumW2" => h.SumW2[0] + 7,
            "Fill" => Do(() => h.Fill(-1, 1)) + h.SumW[0] - 1,
            "FillCell" => Do(() => h.FillCell(0, 1)) + h.SumW[0] - 1,
            "BinContent" => h.BinContent(-1),
            "BinError" => h.BinError(-1) + 7,
            "Integral" => h.Integral(includeFlow: true),
            "IntegralRange" => h.Integral(-1, -1),
            "IntegralError" => h.IntegralError() + 7,
            "Add as target" => Do(() => h.Add(other)) + h.SumW[0],
            "Add as source" => Do(() => other.Add(h)) + other.SumW[0],
            "Scale" => Do(() => h.Scale(2)) + h.SumW[0] / 2,
            "Reset" => Do(() => h.Reset()) + h.SumW[0] + 7,
            "Clone" => h.Clone().SumW[0],
            "ToString" => h.ToString().Contains("integral 7", StringComparison.Ordinal) ? 7 : -1,
            "2D SumW" => h2.SumW[0] + 7,
            "2D Fill" => Do(() => h2.Fill(0.5, 0.5, 1)) + 7,
            "2D Reset" => Do(() => h2.Reset()) + 7,
            "result Reset" => Do(() => r.Reset()) + h.SumW[0] + 7,
            "result Add" => Do(() => r.Add(Result())) + h.SumW[0],
            _ => throw new ArgumentException(access),
        };
        Assert.Equal(7, seen);
        Assert.Equal(1, stores());
        Assert.False(parked.IsLoaded);
        _ = h.SumW[0]; _ = r.Universe("flux", 1).Histograms1D[0].SumW[0];
        Assert.Equal(1, stores()); // released: later accesses do not store again
    }

    private static double Do(Action a) { a(); return 0; }

    [Fact]
    public void HistogramsOutsideTheParkedRanges_DoNotStore()
    {
        var r = Result();
        var (parked, stores) = Park(r, new object());
        _ = r.Universe("flux", 0).Histograms1D[0].SumW[0];
        _ = r.Universe("flux", 3).Histograms2D[0].SumW[0];
        _ = r.Histograms1D[0].SumW[0]; // the nominal histogram
        r.Universe("flux", 0).Histograms1D[0].Fill(0.5);
        Assert.Equal(0, stores());
        Assert.True(parked.IsLoaded);
    }

    [Fact]
    public void For_ReturnsTheSameBufferForItsOwner_AndStoresAnotherOwnersCellsFirst()
    {
        var r = Result();
        object a = new(), b = new();
        var (parked, stores) = Park(r, a);
        Assert.Same(parked, ParkedCells.For(r, a, 16));
        Assert.Equal(0, stores());
        var other = ParkedCells.For(r, b, 16);
        Assert.NotSame(parked, other);
        Assert.Equal(1, stores());
        Assert.Equal(7, r.Universe("flux", 1).Histograms1D[0].SumW[0]);
        Assert.NotSame(other, ParkedCells.For(r, b, 17)); // another length is another layout
    }
}
