using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace NuMM.Generators.Model;

/// <summary>A source position kept as plain values (a <see cref="Location"/> would pin a syntax tree).</summary>
internal sealed record LocationInfo(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    public Location ToLocation() => Location.Create(FilePath, new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));

    public static LocationInfo? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());

    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null) return null;
        var span = location.GetLineSpan();
        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan.Start, location.SourceSpan.Length,
            span.StartLinePosition.Line, span.StartLinePosition.Character, span.EndLinePosition.Line, span.EndLinePosition.Character);
    }
}

/// <summary>A diagnostic to report: the descriptor's id, its message arguments, where, and further places it concerns
/// (<see cref="Also"/>, reported as additional locations).</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Args, LocationInfo? Where, EquatableArray<LocationInfo> Also = default)
{
    public Diagnostic ToDiagnostic(Compilation? compilation = null)
    {
        var descriptor = Diagnostics.DiagnosticDescriptors.ById(Id);
        var args = new object[Args.Count];
        for (int i = 0; i < args.Length; i++) args[i] = Args[i];
        var also = new System.Collections.Generic.List<Location>();
        foreach (var a in Also) if (Resolve(a, compilation) is { } l) also.Add(l);
        return Diagnostic.Create(descriptor, Resolve(Where, compilation) ?? Location.None, also, args);
    }

    /// <summary>The location in the compilation's own syntax tree (so #pragma warning disable applies), else a file location.</summary>
    private static Location? Resolve(LocationInfo? where, Compilation? compilation)
    {
        if (where is null) return null;
        if (compilation is not null)
            foreach (var tree in compilation.SyntaxTrees)
                if (tree.FilePath == where.FilePath && where.Start + where.Length <= tree.Length)
                    return Location.Create(tree, new TextSpan(where.Start, where.Length));
        return where.ToLocation();
    }
}
