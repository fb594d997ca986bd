using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NuMM.Dsl;
using NuMM.Generators.Tests.Support;
using NuMM.Runtime.Selection;

namespace NuMM.Generators.Tests.Property;

/// <summary>How one analysis fared: accepted and agreeing, rejected with NUMM errors, or failed (a generator bug).</summary>
internal sealed record Verdict(string Analysis, string Status, string Category, string Detail, int Events = 0, int ThrowingBatches = 0)
{
    public bool Failed => Status == "failed";
}

/// <summary>Differential check of the generator: compiles analyses with the real generator (in memory), loads them,
/// and runs each on random batches through <c>Process</c> at every vector width and <c>ProcessScalar</c>, against a
/// reference that calls the user's own C# methods by reflection, event by event. The reference decides: cut flows and
/// histogram contents (bit for bit; the cut-flow sums, which the kernel adds in another order, to rounding), which
/// exceptions arise, and which [Pure] helper calls happen.</summary>
internal static class Differential
{
    private static readonly int[] Widths = { 512, 256, 128, 0 };

    public static IReadOnlyList<Verdict> Check(IReadOnlyList<string> analysisSources, IReadOnlyList<int> dataSeeds, int batches)
    {
        var sources = new List<string> { RandomAnalysis.Schema };
        sources.AddRange(analysisSources);
        var compilation = GeneratorHarness.Compile(sources).AddReferences(MetadataReference.CreateFromFile(typeof(PropertyHelpers).Assembly.Location));
        var driver = GeneratorHarness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        var runResult = driver.GetRunResult();
        var names = analysisSources.Select(ClassNameOf).ToList();
        var verdicts = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        void Fail(string name, string category, string detail)
        {
            if (!verdicts.ContainsKey(name)) verdicts[name] = new Verdict(name, "failed", category, detail);
        }
        string? Owner(Diagnostic d)
        {
            var path = d.Location.SourceTree?.FilePath ?? "";
            for (int i = 0; i < names.Count; i++)
                if (path == $"Input{i + 1}.cs" || path.EndsWith($".{names[i]}.NuMM.g.cs", StringComparison.Ordinal)) return names[i];
            return null;
        }

        foreach (var r in runResult.Results)
            if (r.Exception is not null)
                foreach (var n in names) Fail(n, "generator-threw", r.Exception.ToString());
        var rejected = new Dictionary<string, List<Diagnostic>>(StringComparer.Ordinal);
        foreach (var d in generatorDiagnostics)
        {
            var owner = Owner(d);
            if (d.Id is "NUMM0903" or "CS8785" or "AD0001") { foreach (var n in owner is null ? names : new List<string> { owner }) Fail(n, "generator-threw", d.ToString()); continue; }
            if (d.Severity == DiagnosticSeverity.Error && owner is not null)
            {
                if (!rejected.TryGetValue(owner, out var list)) rejected[owner] = list = new List<Diagnostic>();
                list.Add(d);
            }
        }
        var compileErrors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && !d.Id.StartsWith("NUMM", StringComparison.Ordinal)).ToList();
        foreach (var e in compileErrors)
        {
            var path = e.Location.SourceTree?.FilePath ?? "";
            var owner = Owner(e);
            if (path.EndsWith(".NuMM.g.cs", StringComparison.Ordinal) && owner is not null) Fail(owner, "generated-code-error", e.ToString());
            else if (owner is not null) Fail(owner, "invalid-input", e.ToString());
            else foreach (var n in names) Fail(n, "invalid-input", e.ToString());
        }
        if (verdicts.Count > 0 && compileErrors.Count > 0)
            return names.Select(n => verdicts.TryGetValue(n, out var v) ? v : new Verdict(n, "skipped", "", "another analysis of the group did not compile")).ToList();

        using var ms = new MemoryStream();
        var emit = output.Emit(ms);
        if (!emit.Success) throw new InvalidOperationException("Emit failed: " + string.Join("\n", emit.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        ms.Position = 0;
        var alc = new AssemblyLoadContext("NuMM.Property", isCollectible: true);
        try
        {
            var asm = alc.LoadFromStream(ms);
            var ev = asm.GetType("Prop.Ev", throwOnError: true)!;
            var data = new DataMaker(ev);
            for (int i = 0; i < names.Count; i++)
            {
                var name = names[i];
                if (verdicts.ContainsKey(name)) continue;
                var type = asm.GetType("Prop." + name, throwOnError: true)!;
                var kernelType = type.GetNestedType("Kernel");
                if (rejected.TryGetValue(name, out var errors))
                {
                    verdicts[name] = CheckRejection(name, type, data, errors, dataSeeds[i], kernelType);
                    continue;
                }
                if (kernelType is null)
                {
                    Fail(name, "dropped", "no Kernel was generated and no NUMM error was reported");
                    continue;
                }
                verdicts[name] = Run(name, type, kernelType, data, dataSeeds[i], batches);
            }
        }
        finally
        {
            alc.Unload();
        }
        return names.Select(n => verdicts[n]).ToList();
    }

    public static string ClassNameOf(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var cls = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax>()
            .First(c => c.AttributeLists.SelectMany(a => a.Attributes).Any(a => a.Name.ToString() is "Analysis" or "AnalysisAttribute"));
        return cls.Identifier.ValueText;
    }

    /// <summary>A rejected analysis is fine unless the rejection is a claim the data refutes: NUMM0102 says a cut never passes.</summary>
    private static Verdict CheckRejection(string name, Type type, DataMaker data, List<Diagnostic> errors, int seed, Type? kernelType)
    {
        if (kernelType is not null) return new Verdict(name, "failed", "kernel-despite-errors", string.Join("\n", errors));
        var ids = string.Join(",", errors.Select(e => e.Id).Distinct().Order(StringComparer.Ordinal));
        foreach (var d in errors.Where(e => e.Id == "NUMM0102"))
        {
            var message = d.GetMessage(CultureInfo.InvariantCulture);
            var cutName = message.Split('\'')[1];
            var cut = type.GetMethods(BindingFlags.Public | BindingFlags.Static)
                .FirstOrDefault(m => m.GetCustomAttribute<CutAttribute>() is { } a && a.Name == cutName);
            if (cut is null) continue;
            var batch = data.Make(new Random(seed), 300);
            for (int i = 0; i < data.Length(batch); i++)
            {
                object? passed;
                try { passed = cut.Invoke(null, new[] { data.Event(batch, i) }); }
                catch (TargetInvocationException) { continue; }
                if (passed is true) return new Verdict(name, "failed", "false-never-passes", $"{message}\nbut event {i} passes: {data.Describe(batch, i)}");
            }
        }
        return new Verdict(name, "rejected", ids, string.Join("\n", errors.Select(e => e.GetMessage(CultureInfo.InvariantCulture))));
    }

    private sealed record Observed(AnalysisResult? Result, Type? Exception, string? ExceptionText, HashSet<string> Calls);

    private static Verdict Run(string name, Type type, Type kernelType, DataMaker data, int seed, int batches)
    {
        var rng = new Random(seed);
        var model = new Model(type, kernelType);
        int events = 0, throwing = 0;
        for (int b = 0; b < batches; b++)
        {
            int n = rng.Next(4) switch { 0 => 1 + rng.Next(15), 1 => 16 * (1 + rng.Next(8)), _ => 1 + rng.Next(160) };
            var batch = data.Make(rng, n);
            events += n;
            PropertyHelpers.StartRecording();
            var (expected, expectedExceptions, scale, scale2) = model.Reference(batch, data);
            var refCalls = PropertyHelpers.StopRecording();
            if (expectedExceptions.Count > 0) throwing++;
            var runs = new List<(string Path, Observed O)>();
            foreach (var bits in Widths) runs.Add(($"Process at {bits} bits", model.RunKernel(batch, bits, scalar: false)));
            runs.Add(("ProcessScalar", model.RunKernel(batch, 0, scalar: true)));
            string where = $"batch {b} ({n} events, data seed {seed})";
            // The same events viewed in native memory instead of the batch's arrays (what a memory-mapped file gives):
            // the kernel must compute exactly what it computes over the arrays, exceptions included.
            using (var native = data.Native(batch, n))
            {
                var view = data.View(native, n);
                foreach (var (path, bits, scalar) in new[] { ("Process at 512 bits", 512, false), ("ProcessScalar", 0, true) })
                {
                    var overArrays = runs.First(r => r.Path == path).O;
                    var overView = model.RunKernel(view, bits, scalar);
                    if (overView.Exception != overArrays.Exception)
                        return new Verdict(name, "failed", "view-mismatch", $"{path} over a native-memory view throws {overView.ExceptionText ?? "nothing"}; over the arrays {overArrays.ExceptionText ?? "nothing"}, on {where}");
                    if (overArrays.Result is null) continue;
                    for (int v = 0; v <= overArrays.Result.Variations.Count; v++)
                    {
                        AnalysisResult Of(AnalysisResult r) => v == 0 ? r : r.Variations[v - 1].Result;
                        if (Compare.Results(Of(overArrays.Result), Of(overView.Result!), exactSums: true) is { } diff)
                            return new Verdict(name, "failed", "view-mismatch", $"{path} over a native-memory view differs from over the arrays on {where}: {diff}");
                    }
                }
            }
            foreach (var (path, o) in runs)
            {
                if (expectedExceptions.Count > 0)
                {
                    if (o.Exception is null)
                        return new Verdict(name, "failed", "missing-exception", $"{path}: the C# throws {string.Join("/", expectedExceptions.Select(t => t.Name))} on {where}, the kernel does not");
                    if (!expectedExceptions.Contains(o.Exception))
                        return new Verdict(name, "failed", "wrong-exception", $"{path}: the kernel throws {o.ExceptionText}; the C# throws only {string.Join("/", expectedExceptions.Select(t => t.Name))} on {where}");
                    continue;
                }
                if (o.Exception is not null)
                    return new Verdict(name, "failed", "spurious-exception", $"{path}: the kernel throws {o.ExceptionText} on {where}; the C# does not throw");
                for (int v = 0; v <= expected!.Variations.Count; v++)
                {
                    string which = v == 0 ? "" : $" (variation {expected.Variations[v - 1].Systematic} #{v})";
                    AnalysisResult Of(AnalysisResult r) => v == 0 ? r : r.Variations[v - 1].Result;
                    if (Compare.Results(Of(expected), Of(o.Result!), exactSums: false, scale[v], scale2[v]) is { } diff)
                        return new Verdict(name, "failed", "result-mismatch", $"{path} differs from the C# on {where}{which}: {diff}");
                    if (Compare.Results(Of(runs[^1].O.Result!), Of(o.Result!), exactSums: true) is { } diff2)
                        return new Verdict(name, "failed", "width-mismatch", $"{path} differs from ProcessScalar on {where}{which}: {diff2}");
                }
                if (!o.Calls.SetEquals(refCalls))
                {
                    var extra = o.Calls.Except(refCalls).Take(3).ToList();
                    var missing = refCalls.Except(o.Calls).Take(3).ToList();
                    return new Verdict(name, "failed", "calls-mismatch", $"{path} on {where}: calls the C# does not make: [{string.Join(", ", extra)}]; calls it misses: [{string.Join(", ", missing)}]");
                }
            }
        }
        return new Verdict(name, "passed", "", "", events, throwing);
    }

    /// <summary>The analysis read back by reflection: its cuts in flow order, weights, histograms.</summary>
    private sealed class Model
    {
        private readonly Type _kernelType;
        private readonly List<MethodInfo> _cuts;
        private readonly List<MethodInfo> _weights;
        private readonly List<(string Name, string X, string? Y)> _hists = new();
        private readonly Type _type;
        private readonly List<string> _shiftNames = new();
        private readonly List<(List<MethodInfo> Methods, object[] Sigmas)> _shifts = new();
        private readonly List<(MethodInfo Method, object[] Points)> _weightVariations = new();
        private readonly bool _weighted;

        public Model(Type type, Type kernelType)
        {
            _type = type;
            _kernelType = kernelType;
            var methods = type.GetMethods(BindingFlags.Public | BindingFlags.Static).OrderBy(m => m.MetadataToken).ToList();
            _cuts = methods.Where(m => m.GetCustomAttribute<CutAttribute>() is not null)
                .OrderBy(m => m.GetCustomAttribute<CutAttribute>()!.Order).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
            _weights = methods.Where(m => m.GetCustomAttribute<WeightAttribute>() is not null).ToList();
            // Shifts grouped by name (in order of first declaration), then knobs and universes, as CreateResult orders them.
            foreach (var m in methods)
            {
                if (m.GetCustomAttribute<ShiftAttribute>() is { } sh)
                {
                    int g = _shiftNames.IndexOf(sh.Name);
                    if (g < 0) { _shiftNames.Add(sh.Name); _shifts.Add((new List<MethodInfo> { m }, sh.Sigmas.Cast<object>().ToArray())); }
                    else _shifts[g].Methods.Add(m);
                }
                if (m.GetCustomAttribute<KnobAttribute>() is { } kn) _weightVariations.Add((m, kn.Sigmas.Cast<object>().ToArray()));
                if (m.GetCustomAttribute<UniversesAttribute>() is { } un) _weightVariations.Add((m, Enumerable.Range(0, un.Count).Cast<object>().ToArray()));
            }
            _weighted = _weights.Count > 0 || _weightVariations.Count > 0;
            foreach (var a in type.GetCustomAttributes())
            {
                if (a is HistogramAttribute h) _hists.Add((h.Name, h.Variable, null));
                if (a is Histogram2DAttribute h2) _hists.Add((h2.Name, h2.XVariable, h2.YVariable));
            }
        }

        private object NewKernel(int bits)
        {
            var ctor = _kernelType.GetConstructors().Single();
            var kernel = ctor.Invoke(ctor.GetParameters().Select(p => p.HasDefaultValue ? p.DefaultValue : 1.5).ToArray());
            _kernelType.GetProperty("MaxVectorBits")!.SetValue(kernel, bits);
            return kernel;
        }

        public Observed RunKernel(object batch, int bits, bool scalar)
        {
            var kernel = NewKernel(bits);
            var result = (AnalysisResult)_kernelType.GetMethod("CreateResult")!.Invoke(kernel, null)!;
            PropertyHelpers.StartRecording();
            try
            {
                _kernelType.GetMethod(scalar ? "ProcessScalar" : "Process")!.Invoke(kernel, new[] { batch, result });
                return new Observed(result, null, null, PropertyHelpers.StopRecording());
            }
            catch (TargetInvocationException e)
            {
                var calls = PropertyHelpers.StopRecording();
                return new Observed(null, e.InnerException!.GetType(), e.InnerException.GetType().Name + ": " + e.InnerException.Message, calls);
            }
        }

        private static object? Call(MethodInfo m, object ev, HashSet<Type> exceptions, out bool threw, object? variation = null)
        {
            var ps = m.GetParameters();
            var args = new object?[ps.Length];
            args[0] = ev;
            for (int i = 1; i < ps.Length; i++) args[i] = variation is not null && i == 1 ? variation : ps[i].HasDefaultValue ? ps[i].DefaultValue : 1.5;
            try
            {
                threw = false;
                return m.Invoke(null, args);
            }
            catch (TargetInvocationException e)
            {
                exceptions.Add(e.InnerException!.GetType());
                threw = true;
                return null;
            }
        }

        private double? Quantity(string name, object ev, DataMaker data, HashSet<Type> exceptions)
        {
            var v = _type.GetMethod(name, BindingFlags.Public | BindingFlags.Static);
            if (v is not null && v.GetCustomAttribute<VariableAttribute>() is not null)
            {
                var r = Call(v, ev, exceptions, out var threw);
                return threw ? null : Convert.ToDouble(r, CultureInfo.InvariantCulture);
            }
            return Convert.ToDouble(data.EventType.GetField(name)!.GetValue(ev), CultureInfo.InvariantCulture);
        }

        /// <summary>What the C# says: every weight and cut called for every event, histogram quantities for events
        /// passing every cut; a non-finite weight product is an error (InvalidDataException) by the kernel's contract.
        /// Each shift point repeats that on a copy of the event with the shifted columns replaced by the shift methods'
        /// values; each knob point or universe uses the nominal selection with weight × factor.</summary>
        public (AnalysisResult? Result, HashSet<Type> Exceptions, double[] SumAbsW, double[] SumW2) Reference(object batch, DataMaker data)
        {
            var result = (AnalysisResult)_kernelType.GetMethod("CreateResult")!.Invoke(NewKernel(0), null)!;
            var exceptions = new HashSet<Type>();
            int targets = 1 + result.Variations.Count;
            var sumAbs = new double[targets];
            var sumW2 = new double[targets];
            int n = data.Length(batch);
            for (int i = 0; i < n; i++)
            {
                var ev = data.Event(batch, i);
                var (w, pass, threw) = Evaluate(ev, exceptions);
                if (!threw) Fill(result, 0, ev, w, pass, data, exceptions, sumAbs, sumW2);
                int v = 1;
                foreach (var (methods, sigmas) in _shifts)
                    foreach (var sigma in sigmas)
                    {
                        var shifted = data.Event(batch, i); // a fresh copy
                        bool ok = true;
                        foreach (var m in methods)
                        {
                            var value = Call(m, ev, exceptions, out var t, sigma);
                            if (t) { ok = false; continue; }
                            data.EventType.GetField(m.GetCustomAttribute<ShiftAttribute>()!.Column)!.SetValue(shifted, value);
                        }
                        var (ws, ps, ts) = Evaluate(shifted, exceptions);
                        if (ok && !ts) Fill(result.Variations[v - 1].Result, v, shifted, ws, ps, data, exceptions, sumAbs, sumW2);
                        v++;
                    }
                foreach (var (m, args) in _weightVariations)
                    foreach (var arg in args)
                    {
                        var f = Call(m, ev, exceptions, out var t, arg);
                        if (!t && !threw)
                        {
                            double wv = w * Convert.ToDouble(f, CultureInfo.InvariantCulture);
                            if (!double.IsFinite(wv)) exceptions.Add(typeof(InvalidDataException));
                            else Fill(result.Variations[v - 1].Result, v, ev, wv, pass, data, exceptions, sumAbs, sumW2);
                        }
                        v++;
                    }
            }
            return (exceptions.Count > 0 ? null : result, exceptions, sumAbs, sumW2);
        }

        private (double W, bool[] Pass, bool Threw) Evaluate(object ev, HashSet<Type> exceptions)
        {
            double w = 1;
            bool threw = false;
            for (int k = 0; k < _weights.Count; k++)
            {
                var wk = Call(_weights[k], ev, exceptions, out var t);
                threw |= t;
                if (!t) w = k == 0 ? Convert.ToDouble(wk, CultureInfo.InvariantCulture) : w * Convert.ToDouble(wk, CultureInfo.InvariantCulture);
            }
            if (!threw && _weighted && !double.IsFinite(w)) { exceptions.Add(typeof(InvalidDataException)); threw = true; }
            var pass = new bool[_cuts.Count];
            for (int k = 0; k < _cuts.Count; k++)
            {
                var c = Call(_cuts[k], ev, exceptions, out var t);
                threw |= t;
                pass[k] = c is true;
            }
            return (w, pass, threw);
        }

        private void Fill(AnalysisResult target, int index, object ev, double w, bool[] pass, DataMaker data, HashSet<Type> exceptions, double[] sumAbs, double[] sumW2)
        {
            var flow = target.CutFlow;
            int nc = pass.Length;
            sumAbs[index] += Math.Abs(w);
            sumW2[index] += w * w;
            int failed = pass.Count(p => !p);
            for (int k = 0; k <= nc; k++)
            {
                if (k > 0 && !pass[k - 1]) break;
                flow.Passed[k]++; flow.SumW[k] += w; flow.SumW2[k] += w * w;
            }
            for (int k = 0; k < nc; k++)
                if (failed == 0 || (failed == 1 && !pass[k])) { flow.PassedAllOthers[k]++; flow.SumWAllOthers[k] += w; flow.SumW2AllOthers[k] += w * w; }
            if (failed > 0) return;
            int i1 = 0, i2 = 0;
            foreach (var (hname, x, y) in _hists)
            {
                var vx = Quantity(x, ev, data, exceptions);
                var vy = y is null ? 0 : Quantity(y, ev, data, exceptions);
                if (vx is null || vy is null) continue; // the event threw: the result is not compared
                if (y is null) target.Histograms1D[i1++].Fill(vx.Value, w);
                else target.Histograms2D[i2++].Fill(vx.Value, vy.Value, w);
            }
        }
    }

    /// <summary>Random batches of <c>Ev</c> rich in edge values: NaN, ±∞, ±0, subnormals, extremes, the literals of the
    /// grammar and their neighbours one ulp away, and a grid of small values so comparisons tie.</summary>
    internal sealed class DataMaker
    {
        private readonly Type _batch;
        private readonly PropertyInfo _item;
        private readonly PropertyInfo _length;

        public DataMaker(Type ev)
        {
            EventType = ev;
            _batch = ev.GetNestedType("Batch")!;
            _item = _batch.GetProperty("Item")!;
            _length = _batch.GetProperty("Length")!;
        }

        public Type EventType { get; }

        public object Make(Random rng, int n)
        {
            var batch = Activator.CreateInstance(_batch, n)!;
            // A third of the batches are tame (grid values only), so analyses that throw on some edge value still
            // get batches where everything is compared.
            bool tame = rng.Next(3) == 0;
            foreach (var c in new[] { "F0", "F1" }) { var a = (float[])_batch.GetProperty(c)!.GetValue(batch)!; for (int i = 0; i < n; i++) a[i] = tame ? (rng.Next(33) - 16) / 4f : RandomFloat(rng); }
            foreach (var c in new[] { "D0", "D1" }) { var a = (double[])_batch.GetProperty(c)!.GetValue(batch)!; for (int i = 0; i < n; i++) a[i] = tame ? (rng.Next(33) - 16) / 4.0 : RandomDouble(rng); }
            foreach (var c in new[] { "I0", "I1" }) { var a = (int[])_batch.GetProperty(c)!.GetValue(batch)!; for (int i = 0; i < n; i++) a[i] = tame ? rng.Next(-3, 10) : RandomInt(rng); }
            foreach (var c in new[] { "B0", "B1" }) { var a = (bool[])_batch.GetProperty(c)!.GetValue(batch)!; for (int i = 0; i < n; i++) a[i] = rng.Next(2) == 1; }
            _length.SetValue(batch, n);
            return batch;
        }

        /// <summary>The columns of <paramref name="batch"/> (capacity <paramref name="n"/>) copied into native memory.</summary>
        public NuMM.Runtime.Data.NativeColumns Native(object batch, int n)
        {
            var columns = (NuMM.Runtime.Data.IColumnBatch)batch;
            var native = new NuMM.Runtime.Data.NativeColumns(columns.Columns.ToArray(), n);
            for (int c = 0; c < columns.Columns.Length; c++)
                NuMM.Runtime.Data.Mapping.ColumnTypes.Bytes(columns, c, columns.Columns[c].Type).CopyTo(native.Bytes(c));
            return native;
        }

        /// <summary>A batch that views the first <paramref name="n"/> events of <paramref name="native"/>.</summary>
        public object View(NuMM.Runtime.Data.NativeColumns native, int n) =>
            _batch.GetMethod("View")!.Invoke(null, new object[] { native.Memory(n) })!;

        public int Length(object batch) => (int)_length.GetValue(batch)!;

        public object Event(object batch, int i) => _item.GetValue(batch, new object[] { i })!;

        public string Describe(object batch, int i)
        {
            var ev = Event(batch, i);
            return string.Join(", ", EventType.GetFields().Select(f => f.Name + " = " + Convert.ToString(f.GetValue(ev), CultureInfo.InvariantCulture)));
        }

        private static double RandomDouble(Random rng)
        {
            switch (rng.Next(10))
            {
                case < 5: return (rng.Next(33) - 16) / 4.0;
                case < 8:
                {
                    var c = AnalysisGrammar.Doubles[rng.Next(AnalysisGrammar.Doubles.Length)].Value;
                    return rng.Next(3) switch { 0 => c, 1 => Math.BitIncrement(c), _ => Math.BitDecrement(c) };
                }
                default: return rng.NextDouble() * 20 - 10;
            }
        }

        private static float RandomFloat(Random rng)
        {
            switch (rng.Next(10))
            {
                case < 5: return (rng.Next(33) - 16) / 4f;
                case < 8:
                {
                    var c = AnalysisGrammar.Floats[rng.Next(AnalysisGrammar.Floats.Length)].Value;
                    return rng.Next(3) switch { 0 => c, 1 => MathF.BitIncrement(c), _ => MathF.BitDecrement(c) };
                }
                default: return (float)(rng.NextDouble() * 20 - 10);
            }
        }

        private static int RandomInt(Random rng)
        {
            switch (rng.Next(10))
            {
                case < 6: return rng.Next(-3, 10);
                case < 9:
                {
                    var c = AnalysisGrammar.Ints[rng.Next(AnalysisGrammar.Ints.Length)].Value;
                    return rng.Next(3) switch { 0 => c, 1 => unchecked(c + 1), _ => unchecked(c - 1) };
                }
                default: return rng.Next();
            }
        }
    }
}

/// <summary>Comparison of two results: counts and histogram contents exactly; cut-flow sums exactly or to rounding.</summary>
internal static class Compare
{
    public static string? Results(AnalysisResult expected, AnalysisResult actual, bool exactSums, double scale = 0, double scale2 = 0)
    {
        var a = expected.CutFlow;
        var b = actual.CutFlow;
        for (int k = 0; k < a.Passed.Length; k++)
            if (a.Passed[k] != b.Passed[k]) return $"Passed[{k}] {a.Passed[k]} vs {b.Passed[k]}";
        for (int k = 0; k < a.PassedAllOthers.Length; k++)
            if (a.PassedAllOthers[k] != b.PassedAllOthers[k]) return $"PassedAllOthers[{k}] {a.PassedAllOthers[k]} vs {b.PassedAllOthers[k]}";
        foreach (var (name, x, y, s) in new[] { ("SumW", a.SumW, b.SumW, scale), ("SumW2", a.SumW2, b.SumW2, scale2), ("SumWAllOthers", a.SumWAllOthers, b.SumWAllOthers, scale), ("SumW2AllOthers", a.SumW2AllOthers, b.SumW2AllOthers, scale2) })
            for (int k = 0; k < x.Length; k++)
                if (!Same(x[k], y[k], exactSums, s)) return $"{name}[{k}] {R(x[k])} vs {R(y[k])}";
        for (int h = 0; h < expected.Histograms1D.Count; h++)
        {
            var (p, q) = (expected.Histograms1D[h], actual.Histograms1D[h]);
            for (int c = 0; c < p.CellCount; c++)
                if (!Same(p.SumW[c], q.SumW[c], true, 0) || !Same(p.SumW2[c], q.SumW2[c], true, 0)) return $"histogram {p.Name} cell {c}: {R(p.SumW[c])} vs {R(q.SumW[c])}";
        }
        for (int h = 0; h < expected.Histograms2D.Count; h++)
        {
            var (p, q) = (expected.Histograms2D[h], actual.Histograms2D[h]);
            for (int c = 0; c < p.CellCount; c++)
                if (!Same(p.SumW[c], q.SumW[c], true, 0) || !Same(p.SumW2[c], q.SumW2[c], true, 0)) return $"histogram {p.Name} cell {c}: {R(p.SumW[c])} vs {R(q.SumW[c])}";
        }
        return null;
    }

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static bool Same(double x, double y, bool exact, double scale)
    {
        if (double.IsNaN(x) && double.IsNaN(y)) return true;
        // Near the top of the double range the kernel's order of addition (16 lanes) may overflow where event order does not.
        if (!exact && !(scale < 1e300)) return true;
        if (exact || !double.IsFinite(x) || !double.IsFinite(y)) return BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y) || x == y && x != 0;
        return Math.Abs(x - y) <= 1e-12 * scale;
    }
}
