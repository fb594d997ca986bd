using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NuMM.Generators;

namespace NuMM.Generators.Tests.Support;

/// <summary>Runs the real generator on source text with CSharpGeneratorDriver (no extra packages).</summary>
internal static class GeneratorHarness
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_platform = new(() =>
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        // The few assemblies generated code and inputs touch: fewer references keep each compilation fast.
        string[] needed = { "System.Private.CoreLib.dll", "System.Runtime.dll", "System.Runtime.Intrinsics.dll", "System.Memory.dll",
            "System.Collections.dll", "System.Runtime.InteropServices.dll", "System.Numerics.Vectors.dll", "netstandard.dll", "System.Linq.dll" };
        return paths.Where(p => needed.Contains(Path.GetFileName(p)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    private static readonly Lazy<MetadataReference> s_dsl = new(() => MetadataReference.CreateFromFile(typeof(NuMM.Dsl.CutAttribute).Assembly.Location));
    private static readonly Lazy<MetadataReference> s_runtime = new(() => MetadataReference.CreateFromFile(typeof(NuMM.Runtime.Selection.CutFlow).Assembly.Location));

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    public static CSharpCompilation Compile(IEnumerable<string> sources, bool withRuntime = true)
    {
        var trees = sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"Input{i}.cs")).ToArray();
        var refs = s_platform.Value.Add(s_dsl.Value);
        if (withRuntime) refs = refs.Add(s_runtime.Value);
        return CSharpCompilation.Create("Input", trees, refs,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));
    }

    public static GeneratorDriver Driver(bool track = false)
        => CSharpGeneratorDriver.Create(new[] { new AnalysisGenerator().AsSourceGenerator() }, parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    public sealed record Run(Compilation Output, ImmutableArray<Diagnostic> GeneratorDiagnostics, GeneratorDriverRunResult Result)
    {
        /// <summary>Generator diagnostics plus the compiler's diagnostics of the output compilation.</summary>
        public IEnumerable<Diagnostic> All => GeneratorDiagnostics.Concat(Output.GetDiagnostics());

        public IEnumerable<Diagnostic> Numm => GeneratorDiagnostics.Where(d => d.Id.StartsWith("NUMM", StringComparison.Ordinal));

        public string Generated(string hintEnd) => Result.Results.SelectMany(r => r.GeneratedSources)
            .Single(s => s.HintName.EndsWith(hintEnd, StringComparison.Ordinal)).SourceText.ToString();
    }

    public static Run RunGenerator(params string[] sources) => RunGenerator(sources, withRuntime: true);

    public static Run RunGenerator(string[] sources, bool withRuntime)
    {
        var compilation = Compile(sources, withRuntime);
        var driver = Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        return new Run(output, diagnostics, driver.GetRunResult());
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Run>> s_inputRuns = new(StringComparer.Ordinal);

    /// <summary>The generator run on one file of Inputs/, computed once per test session.</summary>
    public static Run RunInput(string name) => s_inputRuns.GetOrAdd(name, n => new Lazy<Run>(() => RunGenerator(ReadInput(n)))).Value;

    public static string InputsDirectory => Path.Combine(AppContext.BaseDirectory, "Inputs");

    public static string ReadInput(string name) => File.ReadAllText(Path.Combine(InputsDirectory, name));

    /// <summary>The repository folder of this test project (for rewriting baselines).</summary>
    public static string ProjectDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "")
    {
        var dir = Path.GetDirectoryName(file);
        while (dir is not null && !File.Exists(Path.Combine(dir, "NuMM.Generators.Tests.csproj"))) dir = Path.GetDirectoryName(dir);
        return dir ?? throw new DirectoryNotFoundException("Cannot find the NuMM.Generators.Tests project folder from " + file);
    }
}
