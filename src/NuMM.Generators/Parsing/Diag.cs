using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using NuMM.Generators.Model;

namespace NuMM.Generators.Parsing;

/// <summary>Collects diagnostics while parsing.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<DiagnosticInfo> _items = new();

    public bool HasErrors { get; private set; }

    public void Add(DiagnosticDescriptor descriptor, LocationInfo? where, params string[] args)
        => Add(descriptor, where, System.Array.Empty<LocationInfo>(), args);

    /// <summary>A diagnostic at <paramref name="where"/> that also concerns the places <paramref name="also"/>.</summary>
    public void Add(DiagnosticDescriptor descriptor, LocationInfo? where, IEnumerable<LocationInfo> also, params string[] args)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error) HasErrors = true;
        _items.Add(new DiagnosticInfo(descriptor.Id, new EquatableArray<string>(args), where, EquatableArray.From(also)));
    }

    public void Add(DiagnosticDescriptor descriptor, SyntaxNode? node, params string[] args) => Add(descriptor, LocationInfo.From(node), args);

    public void Add(DiagnosticDescriptor descriptor, Location? location, params string[] args) => Add(descriptor, LocationInfo.From(location), args);

    public EquatableArray<DiagnosticInfo> ToArray() => new(_items.ToArray());
}

internal static class SymbolText
{
    public static string Display(ISymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    public static string FullName(ITypeSymbol symbol) => symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);

    public static string Namespace(INamedTypeSymbol type)
        => type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : "";

    /// <summary>The location of a type's or member's name.</summary>
    public static Location? NameLocation(ISymbol symbol)
    {
        foreach (var l in symbol.Locations) if (l.IsInSource) return l;
        return null;
    }

    public static bool HasAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var a in symbol.GetAttributes())
            if (a.AttributeClass?.ToDisplayString() == metadataName) return true;
        return false;
    }

    public static AttributeData? GetAttribute(ISymbol symbol, string metadataName)
    {
        foreach (var a in symbol.GetAttributes())
            if (a.AttributeClass?.ToDisplayString() == metadataName) return a;
        return null;
    }
}
