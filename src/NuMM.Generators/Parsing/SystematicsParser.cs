using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using NuMM.Generators.Diagnostics;
using NuMM.Generators.Model;

namespace NuMM.Generators.Parsing;

/// <summary>Reads the <c>[Shift]</c>, <c>[Knob]</c> and <c>[Universes]</c> methods of an analysis into
/// <see cref="ShiftSpec"/>s and <see cref="WeightVariationSpec"/>s, and checks them.</summary>
internal static class SystematicsParser
{
    /// <summary>The most universes one systematic may declare (the same as <c>UniversesAttribute.MaxCount</c>).</summary>
    public const int MaxUniverses = 10000;

    public sealed record Decl(IMethodSymbol Method, AttributeData Attribute, string Kind);

    public static (List<ShiftSpec> Shifts, List<WeightVariationSpec> Weights) Parse(AnalysisContext ctx, List<Decl> decls, ICollection<string> variableNames)
    {
        var bag = ctx.Bag;
        var schema = ctx.Schema;
        var names = new Dictionary<string, (string Kind, string Method)>(StringComparer.Ordinal);
        var shiftGroups = new List<(string Name, double[] Sigmas, List<ShiftedColumnSpec> Columns, string FirstMethod)>();
        var weights = new List<WeightVariationSpec>();
        foreach (var d in decls)
        {
            ctx.CancellationToken.ThrowIfCancellationRequested();
            var m = d.Method;
            var args = d.Attribute.ConstructorArguments;
            var loc = SymbolText.NameLocation(m);
            if (args.Length == 0 || args[0].Value is not string name) continue; // malformed: the compiler reports it
            if (name.Trim().Length == 0)
            {
                bag.Add(DiagnosticDescriptors.SigmaPoints, ArgumentLocation(d.Attribute, 0) ?? loc, m.Name, "belong to a systematic without a name; give it a non-empty name");
                continue;
            }
            string? column = null;
            double[]? sigmas = null;
            int universes = 0;
            switch (d.Kind)
            {
                case KnownNames.ShiftAttribute:
                    if (args.Length != 3 || args[1].Value is not string c) continue;
                    column = c;
                    sigmas = Sigmas(args[2]);
                    break;
                case KnownNames.KnobAttribute:
                    if (args.Length != 2) continue;
                    sigmas = Sigmas(args[1]);
                    break;
                default:
                    if (args.Length != 2 || args[1].Value is not int count) continue;
                    universes = count;
                    if (count < 1 || count > MaxUniverses)
                    {
                        bag.Add(DiagnosticDescriptors.UniverseCount, ArgumentLocation(d.Attribute, 1) ?? loc, name, count.ToString(CultureInfo.InvariantCulture), MaxUniverses.ToString(CultureInfo.InvariantCulture));
                        continue;
                    }
                    break;
            }
            if (sigmas is not null && SigmaProblem(sigmas) is { } problem)
            {
                bag.Add(DiagnosticDescriptors.SigmaPoints, ArgumentLocation(d.Attribute, d.Kind == KnownNames.ShiftAttribute ? 2 : 1) ?? loc, name, problem);
                continue;
            }

            // Names: one per systematic, except shifts of one name that move different columns together.
            if (names.TryGetValue(name, out var first) && !(first.Kind == KnownNames.ShiftAttribute && d.Kind == KnownNames.ShiftAttribute))
            {
                bag.Add(DiagnosticDescriptors.DuplicateSystematicName, ArgumentLocation(d.Attribute, 0) ?? loc, name, first.Method, m.Name);
                continue;
            }
            names[name] = (d.Kind, m.Name);

            // The column of a shift.
            ColumnSpec? col = null;
            IFieldSymbol? field = null;
            if (column is not null)
            {
                foreach (var member in schema.GetMembers(column)) if (member is IFieldSymbol { IsStatic: false } f) field = f;
                if (!ctx.Columns.TryGetValue(column, out var found) || field is null)
                {
                    bool isArray = field is not null;
                    string hint = isArray ? "; array columns cannot be shifted yet"
                        : variableNames.Contains(column) ? $"; '{column}' is a [Variable]: shift the columns it reads instead" : "";
                    if (isArray) bag.Add(DiagnosticDescriptors.ShiftNotSupported, ArgumentLocation(d.Attribute, 1) ?? loc, name, column, "array columns cannot be shifted yet; shift a scalar column");
                    else bag.Add(DiagnosticDescriptors.UnknownShiftedColumn, ArgumentLocation(d.Attribute, 1) ?? loc, name, column, schema.Name, hint);
                    continue;
                }
                col = found;
                if (col.IsArray)
                {
                    bag.Add(DiagnosticDescriptors.ShiftNotSupported, ArgumentLocation(d.Attribute, 1) ?? loc, name, column, "array columns cannot be shifted yet; shift a scalar column");
                    continue;
                }
                if (field.IsReadOnly || schema.IsReadOnly)
                {
                    bag.Add(DiagnosticDescriptors.ShiftNotSupported, ArgumentLocation(d.Attribute, 1) ?? loc, name, column, "the field is readonly, so the reference twin cannot make a shifted copy of the event; remove 'readonly'");
                    continue;
                }
                if (col.Kind is not ("Int32" or "Single" or "Double"))
                {
                    bag.Add(DiagnosticDescriptors.ShiftNotSupported, ArgumentLocation(d.Attribute, 1) ?? loc, name, column, $"only int, float and double columns can be shifted; it is {field.Type.ToDisplayString()}");
                    continue;
                }
            }

            // Signature.
            string schemaName = schema.Name;
            string expected = d.Kind switch
            {
                KnownNames.ShiftAttribute => $"static {field!.Type.ToDisplayString()} {m.Name}(in {schemaName} e, double sigma)",
                KnownNames.KnobAttribute => $"static float|double {m.Name}(in {schemaName} e, double sigma)",
                _ => $"static float|double {m.Name}(in {schemaName} e, int universe)",
            };
            bool signatureOk = m.IsStatic && !m.IsGenericMethod && m.Parameters.Length == 2
                && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, schema)
                && m.Parameters[0].RefKind is RefKind.None or RefKind.In or RefKind.RefReadOnlyParameter
                && m.Parameters[1].RefKind == RefKind.None
                && m.Parameters[1].Type.SpecialType == (universes > 0 ? SpecialType.System_Int32 : SpecialType.System_Double)
                && (d.Kind == KnownNames.ShiftAttribute
                    ? SymbolEqualityComparer.Default.Equals(m.ReturnType, field!.Type)
                    : m.ReturnType.SpecialType is SpecialType.System_Single or SpecialType.System_Double);
            if (!signatureOk)
            {
                bag.Add(DiagnosticDescriptors.SystematicSignature, loc, m.Name, expected);
                continue;
            }

            // Body.
            var body = BodyTranslator.BodyOf(m, ctx.Compilation, ctx.CancellationToken);
            if (body is null)
            {
                bag.Add(DiagnosticDescriptors.NotTranslatable, loc, $"'{m.Name}'", m.Name, "it has no body in this part of the class");
                continue;
            }
            var tx = BodyTranslator.Translate(ctx, m, body, m.Parameters[1]);
            if (tx is null) continue;
            string prefix = $"{SymbolText.FullName(m.ContainingType)}.{Emit.Literals.Identifier(m.Name)}({(m.Parameters[0].RefKind == RefKind.In ? "in " : "")}";
            if (col is not null)
            {
                if (tx.Value.Unit is { } u && !u.Equals(ctx.ColumnUnit(col)))
                {
                    bag.Add(DiagnosticDescriptors.ShiftChangesUnit, loc, name, u.QuotedPhrase, column!, ctx.ColumnUnit(col).QuotedPhrase);
                    continue;
                }
                var spec = new ShiftedColumnSpec(column!, prefix, tx.Value.Expr);
                int g = shiftGroups.FindIndex(x => x.Name == name);
                if (g < 0) shiftGroups.Add((name, sigmas!, new List<ShiftedColumnSpec> { spec }, m.Name));
                else if (!SameSigmas(shiftGroups[g].Sigmas, sigmas!))
                    bag.Add(DiagnosticDescriptors.SigmaPoints, ArgumentLocation(d.Attribute, 2) ?? loc, name, $"{Format(sigmas!)} of '{m.Name}' differ from {Format(shiftGroups[g].Sigmas)} of '{shiftGroups[g].FirstMethod}'; shifts moved together share their σ points");
                else if (shiftGroups[g].Columns.Exists(x => x.Column == column))
                    bag.Add(DiagnosticDescriptors.DuplicateSystematicName, ArgumentLocation(d.Attribute, 0) ?? loc, name, shiftGroups[g].FirstMethod, m.Name);
                else shiftGroups[g].Columns.Add(spec);
            }
            else
            {
                if (universes > 0)
                {
                    bool beyond = false;
                    ExprWalk.Any(tx.Value.Expr, x =>
                    {
                        if (x is ArrayElemRef { Index: VariationIndexRef } a && universes > a.Length && !beyond)
                        {
                            beyond = true;
                            bag.Add(DiagnosticDescriptors.UniverseBeyondArray, loc, name, universes.ToString(CultureInfo.InvariantCulture), m.Parameters[1].Name, a.Column, a.Length.ToString(CultureInfo.InvariantCulture));
                        }
                        return false;
                    });
                    if (beyond) continue;
                }
                bool finalOnly = false, badMode = false;
                foreach (var named in d.Attribute.NamedArguments)
                {
                    if (named.Key != "CutFlow" || named.Value.Value is not int mode) continue;
                    if (mode is not (0 or 1))
                    {
                        bag.Add(DiagnosticDescriptors.UnknownCutFlowMode, loc, name, mode.ToString(CultureInfo.InvariantCulture));
                        badMode = true;
                    }
                    finalOnly = mode == 1;
                }
                if (badMode) continue;
                weights.Add(new WeightVariationSpec(name, prefix, tx.Value.Expr,
                    sigmas is null ? EquatableArray<double>.Empty : new EquatableArray<double>(sigmas), universes, finalOnly));
            }
        }
        var shifts = new List<ShiftSpec>();
        foreach (var g in shiftGroups)
            shifts.Add(new ShiftSpec(g.Name, new EquatableArray<double>(g.Sigmas), new EquatableArray<ShiftedColumnSpec>(g.Columns.ToArray())));
        return (shifts, weights);
    }

    private static double[] Sigmas(TypedConstant c)
    {
        if (c.Kind != TypedConstantKind.Array || c.IsNull) return Array.Empty<double>();
        var values = new double[c.Values.Length];
        for (int i = 0; i < values.Length; i++) values[i] = c.Values[i].Value is { } v ? BodyTranslator.ToDouble(v) : double.NaN;
        return values;
    }

    internal static string? SigmaProblem(double[] s)
    {
        if (s.Length == 0) return "are missing; list at least one, for example -1, 1";
        for (int i = 0; i < s.Length; i++)
        {
            if (double.IsNaN(s[i]) || double.IsInfinity(s[i])) return $"{Format(s)} contain {IntervalChecker.Format(s[i])}; every σ point is a finite number";
            if (s[i] == 0) return $"{Format(s)} contain 0, which is the nominal result itself; list only shifted points";
            if (i > 0 && s[i] == s[i - 1]) return $"{Format(s)} repeat {IntervalChecker.Format(s[i])}";
            if (i > 0 && s[i] < s[i - 1]) return $"{Format(s)} are not in increasing order ({IntervalChecker.Format(s[i - 1])} comes before {IntervalChecker.Format(s[i])})";
        }
        return null;
    }

    private static bool SameSigmas(double[] a, double[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++) if (!a[i].Equals(b[i])) return false;
        return true;
    }

    private static string Format(double[] s)
    {
        var parts = new string[s.Length];
        for (int i = 0; i < s.Length; i++) parts[i] = IntervalChecker.Format(s[i]);
        return "[" + string.Join(", ", parts) + "]";
    }

    private static Location? ArgumentLocation(AttributeData a, int position) => AnalysisParser.ArgumentLocation(a, position, null);
}
