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

/// <summary>A diagnostic to report: the descriptor's id, its message arguments and where.</summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Args, LocationInfo? Where)
{
    public Diagnostic ToDiagnostic(Compilation? compilation = null)
    {
        Location? location = null;
        if (Where is not null && compilation is not null)
            foreach (var tree in compilation.SyntaxTrees)
                if (tree.FilePath == Where.FilePath && Where.Start + Where.Length <= tree.Length)
                {
                    location = Location.Create(tree, new TextSpan(Where.Start, Where.Length));
                    break;
                }
        var descriptor = Diagnostics.DiagnosticDescriptors.ById(Id);
        var args = new object[Args.Count];
        for (int i = 0; i < args.Length; i++) args[i] = Args[i];
        return Diagnostic.Create(descriptor, location ?? Where?.ToLocation() ?? Location.None, args);
    }
}
