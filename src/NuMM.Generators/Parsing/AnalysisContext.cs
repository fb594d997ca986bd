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
        public Unit? DeclaredUnit;
        public LocationInfo? DeclaredAt;
    }

    private readonly Dictionary<string, Unit> _columnUnits = new(System.StringComparer.Ordinal);

    private readonly Dictionary<IMethodSymbol, Inlinable> _inlinables = new(SymbolEqualityComparer.Default);

    /// <summary>The declarations being translated, outermost first: names the caller and the cycle of a recursion.</summary>
    private readonly List<IMethodSymbol> _translating = new();

    private readonly List<(string What, LocationInfo? Where)> _perLaneCalls = new();

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

    /// <summary>Registers a variable or cut with a valid signature so other bodies may call it. <paramref name="declaredUnit"/>
    /// is a variable's <c>Unit = "…"</c> when given ("" declares it dimensionless); null takes the unit of the body.</summary>
    public void AddInlinable(IMethodSymbol method, string? declaredUnit, Location? declaredAt)
        => _inlinables[method] = new Inlinable { DeclaredUnit = declaredUnit is null ? null : Unit.Parse(declaredUnit), DeclaredAt = LocationInfo.From(declaredAt) };

    /// <summary>The unit of a column: its <c>[Column(Unit = "…")]</c>, dimensionless when empty or not given.</summary>
    public Unit ColumnUnit(ColumnSpec column)
    {
        if (!_columnUnits.TryGetValue(column.Unit, out var unit)) _columnUnits[column.Unit] = unit = Unit.Parse(column.Unit);
        return unit;
    }

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
                ReportRecursion(method, callSite);
                return null;
        }
        CancellationToken.ThrowIfCancellationRequested();
        entry.State = State.InProgress;
        var body = BodyTranslator.BodyOf(method, Compilation, CancellationToken);
        if (body is null) ReportNoBody(Bag, method);
        _translating.Add(method.OriginalDefinition);
        Tx? tx;
        try
        {
            tx = body is null ? null : BodyTranslator.Translate(this, method, body);
        }
        finally
        {
            _translating.RemoveAt(_translating.Count - 1);
        }
        if (tx is null)
        {
            entry.State = State.Failed;
            return null;
        }
        // The declared unit is what callers and histograms see; a body computing another unit is a warning, not overridden in silence.
        if (entry.DeclaredUnit is { } declared && tx.Value.Unit is { } computed && !declared.Equals(computed))
            Bag.Add(DiagnosticDescriptors.DeclaredUnitMismatch, entry.DeclaredAt ?? LocationInfo.From(SymbolText.NameLocation(method)), method.Name,
                declared.Phrase, computed.Phrase, Shorten(body!.Syntax.ToString()));
        entry.Result = new Tx(tx.Value.Expr, entry.DeclaredUnit ?? tx.Value.Unit);
        entry.State = State.Done;
        return entry.Result;
    }

    private static string Shorten(string s) => s.Length <= 80 ? s : s.Substring(0, 77) + "...";

    /// <summary>The message names the declaration that holds the call (the innermost one being translated) and the cycle.</summary>
    private void ReportRecursion(IMethodSymbol callee, SyntaxNode? callSite)
    {
        var target = callee.OriginalDefinition;
        int start = _translating.FindIndex(m => SymbolEqualityComparer.Default.Equals(m, target));
        var cycle = new List<string>();
        for (int i = start < 0 ? _translating.Count : start; i < _translating.Count; i++) cycle.Add(_translating[i].Name);
        cycle.Add(callee.Name);
        string caller = _translating.Count > 0 ? _translating[_translating.Count - 1].Name : callee.Name;
        Bag.Add(DiagnosticDescriptors.NotTranslatable, callSite, $"the call '{callSite}'", caller,
            $"it closes the cycle {string.Join(" → ", cycle)}; a variable or cut may not call itself, directly or through others");
    }

    /// <summary>A call the kernel makes once per event lane (no vector form). Collected for one NUMM0202 per analysis.</summary>
    public void AddPerLaneCall(string what, SyntaxNode at) => _perLaneCalls.Add((what, LocationInfo.From(at)));

    /// <summary>Reports NUMM0202 once for the analysis, listing every per-lane call, with the calls as additional locations.</summary>
    public void ReportPerLaneCalls(Location? analysisName)
    {
        if (_perLaneCalls.Count == 0) return;
        var names = new List<string>();
        var also = new List<LocationInfo>();
        foreach (var (what, where) in _perLaneCalls)
        {
            string line = where is null ? "" : $" (line {(where.StartLine + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)})";
            names.Add(what + line);
            if (where is not null) also.Add(where);
        }
        Bag.Add(DiagnosticDescriptors.ScalarPerLane, LocationInfo.From(analysisName), also, Analysis.Name,
            _perLaneCalls.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), _perLaneCalls.Count == 1 ? "call" : "calls", string.Join("; ", names));
    }
}
