using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NuMM.Generators.Emit;
using NuMM.Generators.Model;
using NuMM.Generators.Parsing;

namespace NuMM.Generators;

/// <summary>Turns <c>[EventSchema]</c> structs into columnar batches and <c>[Analysis]</c> classes into vector kernels.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class AnalysisGenerator : IIncrementalGenerator
{
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var schemas = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.EventSchemaAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => Guard.Run(() => SchemaParser.Parse(ctx, ct), static () => new SchemaParseResult(null, EquatableArray<DiagnosticInfo>.Empty), ct))
            .WithTrackingName(TrackingNames.SchemaParse);
        // Diagnostics are combined with the compilation only to find their syntax trees, so #pragma warning
        // disable works; the spec branch below never sees the compilation.
        context.RegisterSourceOutput(schemas.Select(static (r, _) => r.Diagnostics).Combine(context.CompilationProvider), static (spc, d) => Report(spc, d.Left, d.Right));
        var schemaSpecs = schemas.Select(static (r, _) => r.Spec).Where(static s => s is not null).WithTrackingName(TrackingNames.SchemaSpec);
        context.RegisterSourceOutput(schemaSpecs, static (spc, s) =>
            spc.AddSource(Hint(s!.Namespace, s.TypeName), SchemaEmitter.Emit(s)));

        var analyses = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.AnalysisAttribute,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => Guard.Run(() => AnalysisParser.Parse(ctx, ct), static () => new AnalysisParseResult(null, EquatableArray<DiagnosticInfo>.Empty), ct))
            .WithTrackingName(TrackingNames.Parse);
        context.RegisterSourceOutput(analyses.Select(static (r, _) => r.Diagnostics).Combine(context.CompilationProvider), static (spc, d) => Report(spc, d.Left, d.Right));
        var specs = analyses.Select(static (r, _) => r.Spec).Where(static s => s is not null).WithTrackingName(TrackingNames.Spec);
        context.RegisterSourceOutput(specs, static (spc, s) =>
            spc.AddSource(Hint(s!.Namespace, s.TypeName), AnalysisEmitter.Emit(s)));
    }

    private static string Hint(string ns, string type) => (ns.Length > 0 ? ns + "." : "") + type + ".NuMM.g.cs";

    private static void Report(SourceProductionContext spc, EquatableArray<DiagnosticInfo> diagnostics, Compilation compilation)
    {
        foreach (var d in diagnostics) spc.ReportDiagnostic(d.ToDiagnostic(compilation));
    }
}

/// <summary>Keeps a malformed declaration from crashing the generator: anything but cancellation becomes "no spec"
/// (the compiler reports the underlying error).</summary>
internal static class Guard
{
    public static T Run<T>(System.Func<T> parse, System.Func<T> fallback, CancellationToken ct)
    {
        try
        {
            return parse();
        }
        catch (System.OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (System.Exception)
        {
            return fallback();
        }
    }
}
