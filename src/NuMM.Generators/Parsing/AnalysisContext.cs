using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using NuMM.Generators.Diagnostics;
using NuMM.Generators.Model;

namespace NuMM.Generators.Parsing;

/// <summary>What the translator needs to know about one analysis: its schema's columns and the declarations
/// it may inline (variables and cuts), translated once each with recursion detection.</summary>
internal sealed class AnalysisContext
{
    private enum State { Pending, InProgress, Done, Failed }

    private sealed class Inlinable
    {
        public State State;
        public Tx Result;
        public string? DeclaredUnit;
    }

    private readonly Dictionary<IMethodSymbol, Inlinable> _inlinables = new(SymbolEqualityComparer.Default);

    public AnalysisContext(INamedTypeSymbol analysis, INamedTypeSymbol schema, SchemaSpec schemaSpec, Compilation compilation, DiagnosticBag bag, CancellationToken ct)
    {
        Analysis = analysis;
        Schema = schema;
        Compilation = compilation;
        Bag = bag;
        CancellationToken = ct;
        foreach (var c in schemaSpec.Columns) Columns[c.Name] = c;
    }

    public INamedTypeSymbol Analysis { get; }
    public INamedTypeSymbol Schema { get; }
    public Compilation Compilation { get; }
    public DiagnosticBag Bag { get; }
    public CancellationToken CancellationToken { get; }
    public Dictionary<string, ColumnSpec> Columns { get; } = new(System.StringComparer.Ordinal);

    /// <summary>A cut, variable or weight whose body the generator cannot see (extern, or a partial declaration without
    /// an implementation, which the compiler reports too) is not left out in silence.</summary>
    public static void ReportNoBody(DiagnosticBag bag, IMethodSymbol method)
        => bag.Add(DiagnosticDescriptors.NotTranslatable, SymbolText.NameLocation(method), $"'{method.Name}'", method.Name, "it has no body (extern, or partial without an implementation)");

    /// <summary>Registers a variable or cut with a valid signature so other bodies may call it.</summary>
    public void AddInlinable(IMethodSymbol method, string? declaredUnit)
        => _inlinables[method] = new Inlinable { DeclaredUnit = string.IsNullOrEmpty(declaredUnit) ? null : declaredUnit };

    public bool IsInlinable(IMethodSymbol method) => _inlinables.ContainsKey(method.OriginalDefinition);

    /// <summary>The translated body of <paramref name="method"/>, or null when it cannot be translated.</summary>
    public Tx? Inline(IMethodSymbol method, SyntaxNode? callSite)
    {
        var entry = _inlinables[method.OriginalDefinition];
        switch (entry.State)
        {
            case State.Done: return entry.Result;
            case State.Failed: return null;
            case State.InProgress:
                Bag.Add(DiagnosticDescriptors.NotTranslatable, callSite, $"the call '{callSite}'", method.Name, "a variable may not call itself, directly or through others");
                return null;
        }
        CancellationToken.ThrowIfCancellationRequested();
        entry.State = State.InProgress;
        var body = BodyTranslator.BodyOf(method, Compilation, CancellationToken);
        if (body is null) ReportNoBody(Bag, method);
        var tx = body is null ? null : BodyTranslator.Translate(this, method, body);
        if (tx is null)
        {
            entry.State = State.Failed;
            return null;
        }
        entry.Result = new Tx(tx.Value.Expr, entry.DeclaredUnit ?? tx.Value.Unit);
        entry.State = State.Done;
        return entry.Result;
    }
}
