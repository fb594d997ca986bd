using Microsoft.CodeAnalysis;
using NuMM.Generators.Diagnostics;
using NuMM.Generators.Model;

namespace NuMM.Generators.Parsing;

/// <summary>NUMM0012: a [Cut], [Variable], [Weight], systematic or histogram attribute outside an [Analysis] class (on a
/// plain class, or on a class nested in an analysis) would otherwise be ignored without a word.</summary>
internal static class StrayDeclarations
{
    public static EquatableArray<DiagnosticInfo> Check(GeneratorAttributeSyntaxContext ctx)
    {
        var owner = ctx.TargetSymbol as INamedTypeSymbol ?? ctx.TargetSymbol.ContainingType;
        if (owner is null || SymbolText.HasAttribute(owner, KnownNames.AnalysisAttribute) || ctx.Attributes.Length == 0)
            return EquatableArray<DiagnosticInfo>.Empty;
        var attribute = ctx.Attributes[0].AttributeClass?.Name ?? "";
        if (attribute.EndsWith("Attribute", System.StringComparison.Ordinal)) attribute = attribute.Substring(0, attribute.Length - "Attribute".Length);
        var where = ctx.Attributes[0].ApplicationSyntaxReference?.GetSyntax().GetLocation() ?? SymbolText.NameLocation(ctx.TargetSymbol);
        return new EquatableArray<DiagnosticInfo>(new[]
        {
            new DiagnosticInfo(DiagnosticDescriptors.DeclarationOutsideAnalysis.Id,
                new EquatableArray<string>(new[] { ctx.TargetSymbol.Name, attribute, owner.Name }), LocationInfo.From(where)),
        });
    }
}
