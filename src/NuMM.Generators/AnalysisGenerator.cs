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
                static (ctx, ct) => Guard.Run(() => SchemaParser.Parse(ctx, ct), e => new SchemaParseResult(null, Guard.Internal(ctx, e)), ct))
            .WithTrackingName(TrackingNames.SchemaParse);
        // Diagnostics are combined with the compilation only to find their syntax trees, so #pragma warning
        // disable works; the spec branch below never sees the compilation.
        context.RegisterSourceOutput(schemas.Select(static (r, _) => r.Diagnostics).Combine(context.CompilationProvider), static (spc, d) => Report(spc, d.Left, d.Right));
        var schemaSpecs = schemas.Select(static (r, _) => r.Spec).Where(static s => s is not null).WithTrackingName(TrackingNames.SchemaSpec);
        context.RegisterSourceOutput(schemaSpecs, static (spc, s) =>
            spc.AddSource(Hint(s!.Namespace, s.TypeName), SchemaEmitter.Emit(s)));

        var analyses = context.SyntaxProvider
            .ForAttributeWithMetadataName(KnownNames.AnalysisAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, ct) => Guard.Run(() => AnalysisParser.Parse(ctx, ct), e => new AnalysisParseResult(null, Guard.Internal(ctx, e)), ct))
            .WithTrackingName(TrackingNames.Parse);
        context.RegisterSourceOutput(analyses.Select(static (r, _) => r.Diagnostics).Combine(context.CompilationProvider), static (spc, d) => Report(spc, d.Left, d.Right));
        var specs = analyses.Select(static (r, _) => r.Spec).Where(static s => s is not null).WithTrackingName(TrackingNames.Spec);
        context.RegisterSourceOutput(specs, static (spc, s) =>
            spc.AddSource(Hint(s!.Namespace, s.TypeName), AnalysisEmitter.Emit(s)));

        // Declarations outside an analysis: reported, never silently ignored.
        foreach (var attribute in new[] { KnownNames.CutAttribute, KnownNames.VariableAttribute, KnownNames.WeightAttribute, KnownNames.ShiftAttribute,
                     KnownNames.KnobAttribute, KnownNames.UniversesAttribute, KnownNames.HistogramAttribute, KnownNames.Histogram2DAttribute })
        {
            var stray = context.SyntaxProvider
                .ForAttributeWithMetadataName(attribute,
                    static (node, _) => node is MethodDeclarationSyntax or TypeDeclarationSyntax,
                    static (ctx, ct) => Guard.Run(() => StrayDeclarations.Check(ctx), e => Guard.Internal(ctx, e), ct));
            context.RegisterSourceOutput(stray.Combine(context.CompilationProvider), static (spc, d) => Report(spc, d.Left, d.Right));
        }
    }

    private static string Hint(string ns, string type) => (ns.Length > 0 ? ns + "." : "") + type + ".NuMM.g.cs";

    private static void Report(SourceProductionContext spc, EquatableArray<DiagnosticInfo> diagnostics, Compilation compilation)
    {
        foreach (var d in diagnostics) spc.ReportDiagnostic(d.ToDiagnostic(compilation));
    }
}

/// <summary>Keeps a declaration from crashing the generator (CS8785): anything but cancellation becomes "no spec" plus
/// the diagnostic NUMM0903 naming the declaration, instead of silently generating nothing.</summary>
internal static class Guard
{
    public static T Run<T>(System.Func<T> parse, System.Func<System.Exception, T> fallback, CancellationToken ct)
    {
        try
        {
            return parse();
        }
        catch (System.OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (System.Exception e)
        {
            return fallback(e);
        }
    }

    public static EquatableArray<DiagnosticInfo> Internal(GeneratorAttributeSyntaxContext ctx, System.Exception e)
        => new(new[]
        {
            new DiagnosticInfo(Diagnostics.DiagnosticDescriptors.InternalError.Id,
                new EquatableArray<string>(new[] { ctx.TargetSymbol.Name, e.GetType().Name + ": " + e.Message }),
                LocationInfo.From(ctx.TargetSymbol.Locations.Length > 0 ? ctx.TargetSymbol.Locations[0] : null)),
        });
}
