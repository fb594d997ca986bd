using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NuMM.Generators.Diagnostics;
using NuMM.Generators.Model;

namespace NuMM.Generators.Parsing;

/// <summary>Reads an <c>[Analysis]</c> class into an <see cref="AnalysisSpec"/> and validates it. The only code,
/// with <see cref="SchemaParser"/>, that touches symbols.</summary>
internal static class AnalysisParser
{
    private sealed record Decl(IMethodSymbol Method, AttributeData Attribute);

    public static AnalysisParseResult Parse(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
    {
        var bag = new DiagnosticBag();
        AnalysisSpec? spec = null;
        if (ctx.TargetSymbol is INamedTypeSymbol type && ctx.Attributes.Length > 0)
            spec = Parse(type, ctx.Attributes[0], ctx.SemanticModel.Compilation, bag, ct);
        return new AnalysisParseResult(bag.HasErrors ? null : spec, bag.ToArray());
    }

    private static AnalysisSpec? Parse(INamedTypeSymbol type, AttributeData analysisAttr, Compilation compilation, DiagnosticBag bag, CancellationToken ct)
    {
        var nameLoc = SymbolText.NameLocation(type);
        if (type.TypeKind != TypeKind.Class || type.IsFileLocal)
        {
            // A file-local class cannot get its kernel from another (generated) file.
            bag.Add(DiagnosticDescriptors.AnalysisNotClass, nameLoc, type.Name, type.IsFileLocal ? "file-local class" : type.IsRecord ? "record struct" : type.TypeKind.ToString().ToLowerInvariant());
            return null;
        }
        bool shapeOk = true;
        if (!SchemaParser.IsPartial(type))
        {
            bag.Add(DiagnosticDescriptors.AnalysisNotPartial, nameLoc, type.Name);
            shapeOk = false;
        }
        if (type.IsGenericType || type.ContainingType is not null)
        {
            bag.Add(DiagnosticDescriptors.UnsupportedTypeShape, nameLoc, type.Name);
            shapeOk = false;
        }
        if (analysisAttr.ConstructorArguments.Length == 1 && analysisAttr.ConstructorArguments[0].Value is ITypeSymbol { TypeKind: not TypeKind.Error } notNamed and not INamedTypeSymbol)
        {
            // typeof(Ev[]), typeof(int*): a type, but not a schema.
            bag.Add(DiagnosticDescriptors.SchemaNotEventSchema, ArgumentLocation(analysisAttr, 0, null) ?? nameLoc, type.Name, notNamed.ToDisplayString());
            return null;
        }
        if (analysisAttr.ConstructorArguments.Length != 1 || analysisAttr.ConstructorArguments[0].Value is not INamedTypeSymbol schema || schema.TypeKind == TypeKind.Error)
            return null; // the compiler already reports the malformed attribute
        if (!SymbolText.HasAttribute(schema, KnownNames.EventSchemaAttribute) || schema.TypeKind != TypeKind.Struct)
        {
            bag.Add(DiagnosticDescriptors.SchemaNotEventSchema, ArgumentLocation(analysisAttr, 0, null) ?? nameLoc, type.Name, schema.ToDisplayString());
            return null;
        }
        var schemaSpec = SchemaParser.TryParse(schema, bag, ct, report: false);
        if (schemaSpec is null || !shapeOk) return null;
        if (compilation.GetTypeByMetadataName(KnownNames.AnalysisResult) is null)
        {
            bag.Add(DiagnosticDescriptors.RuntimeNotReferenced, nameLoc, type.Name);
            return null;
        }
        string analysisName = type.Name;
        foreach (var named in analysisAttr.NamedArguments)
            if (named.Key == "Name" && named.Value.Value is string n && n.Length > 0) analysisName = n;

        foreach (var member in type.GetMembers("Kernel"))
            if (!member.IsImplicitlyDeclared && member.Locations.Length > 0 && member.Locations[0].IsInSource)
            {
                bag.Add(DiagnosticDescriptors.NameCollision, SymbolText.NameLocation(member), "Member", member.Name, "the nested class 'Kernel'");
                return null;
            }
        var context = new AnalysisContext(type, schema, schemaSpec, compilation, bag, ct);
        var cuts = new List<Decl>();
        var variables = new List<Decl>();
        var weights = new List<Decl>();
        var systematics = new List<SystematicsParser.Decl>();
        foreach (var member in type.GetMembers())
        {
            ct.ThrowIfCancellationRequested();
            if (member is not IMethodSymbol m) continue;
            foreach (var a in m.GetAttributes())
            {
                switch (a.AttributeClass?.ToDisplayString())
                {
                    case KnownNames.CutAttribute: cuts.Add(new Decl(m, a)); break;
                    case KnownNames.VariableAttribute: variables.Add(new Decl(m, a)); break;
                    case KnownNames.WeightAttribute: weights.Add(new Decl(m, a)); break;
                    case KnownNames.ShiftAttribute:
                    case KnownNames.KnobAttribute:
                    case KnownNames.UniversesAttribute:
                        systematics.Add(new SystematicsParser.Decl(m, a, a.AttributeClass!.ToDisplayString())); break;
                }
            }
        }

        // Signatures first, so bodies may call any well-formed declaration.
        var goodVariables = new List<Decl>();
        foreach (var v in variables)
        {
            if (!IsEventMethod(v.Method, schema, 1, 1) || SchemaParser.ValTypeOf(v.Method.ReturnType) is null or ValType.Bool)
            {
                bag.Add(DiagnosticDescriptors.VariableSignature, SymbolText.NameLocation(v.Method), v.Method.Name, schema.Name);
                continue;
            }
            goodVariables.Add(v);
            context.AddInlinable(v.Method, NamedString(v.Attribute, "Unit"), ArgumentLocation(v.Attribute, -1, "Unit"));
        }
        var goodCuts = new List<(Decl Decl, int Order, string Name)>();
        foreach (var c in cuts)
        {
            if (c.Attribute.ConstructorArguments.Length == 2 && c.Attribute.ConstructorArguments[0].Value is int && c.Attribute.ConstructorArguments[1] is { Kind: TypedConstantKind.Primitive, IsNull: true })
            {
                bag.Add(DiagnosticDescriptors.EmptyCutName, ArgumentLocation(c.Attribute, 1, null), c.Method.Name);
                continue;
            }
            if (c.Attribute.ConstructorArguments.Length != 2 || c.Attribute.ConstructorArguments[0].Value is not int order || c.Attribute.ConstructorArguments[1].Value is not string cutName)
                continue; // malformed attribute: the compiler reports it
            if (!IsEventMethod(c.Method, schema, 1, 1) || c.Method.ReturnType.SpecialType != SpecialType.System_Boolean)
            {
                bag.Add(DiagnosticDescriptors.CutSignature, SymbolText.NameLocation(c.Method), c.Method.Name, schema.Name);
                continue;
            }
            if (cutName.Trim().Length == 0)
            {
                bag.Add(DiagnosticDescriptors.EmptyCutName, ArgumentLocation(c.Attribute, 1, null), c.Method.Name);
                continue;
            }
            goodCuts.Add((c, order, cutName));
            context.AddInlinable(c.Method, null, null);
        }
        var goodWeights = new List<Decl>();
        var parameters = new Dictionary<string, (ParameterSpec Spec, IParameterSymbol Symbol)>(StringComparer.Ordinal);
        foreach (var w in weights)
        {
            if (w.Attribute.ConstructorArguments.Length != 1) continue;
            if (!IsEventMethod(w.Method, schema, 1, int.MaxValue) || SchemaParser.ValTypeOf(w.Method.ReturnType) is not (ValType.Float or ValType.Double))
            {
                bag.Add(DiagnosticDescriptors.WeightSignature, SymbolText.NameLocation(w.Method), w.Method.Name, schema.Name);
                continue;
            }
            bool ok = true;
            for (int i = 1; i < w.Method.Parameters.Length; i++)
            {
                var p = w.Method.Parameters[i];
                if (p.Name.Length == 0 || p.Type.TypeKind == TypeKind.Error)
                {
                    ok = false; // half-typed ('double )'): the compiler reports it
                    continue;
                }
                var vt = SchemaParser.ValTypeOf(p.Type);
                if (vt is null or ValType.Bool || p.RefKind != RefKind.None)
                {
                    bag.Add(DiagnosticDescriptors.WeightParameterType, SymbolText.NameLocation(p), p.Name, w.Method.Name, RefKindText(p.RefKind) + p.Type.ToDisplayString());
                    ok = false;
                    continue;
                }
                // Each parameter becomes a kernel property named with a capital first letter.
                var property = PropertyName(p.Name);
                string? clash = System.Array.IndexOf(KernelMembers, property) >= 0 || property.StartsWith("Sigmas", StringComparison.Ordinal) || property.StartsWith("Blocks", StringComparison.Ordinal)
                    ? $"the kernel member '{property}'" : null;
                foreach (var other in parameters.Keys)
                    if (other != p.Name && string.Equals(PropertyName(other), property, StringComparison.Ordinal)) clash = $"the kernel property '{property}' of the parameter '{other}'";
                if (clash is not null)
                {
                    bag.Add(DiagnosticDescriptors.NameCollision, SymbolText.NameLocation(p), "Weight parameter", p.Name, clash);
                    ok = false;
                    continue;
                }
                var ps = new ParameterSpec(p.Name, p.Type.ToDisplayString(), vt.Value, p.HasExplicitDefaultValue ? Literal(vt.Value, p.ExplicitDefaultValue) : null);
                if (parameters.TryGetValue(p.Name, out var existing) && existing.Spec != ps)
                {
                    bag.Add(DiagnosticDescriptors.WeightParameterConflict, SymbolText.NameLocation(p), p.Name,
                        existing.Spec.CSharpType + (existing.Spec.DefaultLiteral is { } d1 ? " = " + d1 : ""), ps.CSharpType + (ps.DefaultLiteral is { } d2 ? " = " + d2 : ""));
                    ok = false;
                    continue;
                }
                parameters[p.Name] = (ps, p);
            }
            if (ok) goodWeights.Add(w);
        }

        // Duplicates.
        var byOrder = new Dictionary<int, string>();
        var byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (decl, order, cutName) in goodCuts)
        {
            if (byOrder.TryGetValue(order, out var first))
                bag.Add(DiagnosticDescriptors.DuplicateCutOrder, ArgumentLocation(decl.Attribute, 0, null), order.ToString(CultureInfo.InvariantCulture), first, decl.Method.Name);
            else byOrder[order] = decl.Method.Name;
            if (byName.TryGetValue(cutName, out var firstName))
                bag.Add(DiagnosticDescriptors.DuplicateCutName, ArgumentLocation(decl.Attribute, 1, null), cutName, firstName, decl.Method.Name);
            else byName[cutName] = decl.Method.Name;
        }

        // Bodies.
        foreach (var v in goodVariables) context.Inline(v.Method, null);
        goodCuts.Sort((a, b) => a.Order != b.Order ? a.Order.CompareTo(b.Order) : string.CompareOrdinal(a.Decl.Method.Name, b.Decl.Method.Name));
        var cutSpecs = new List<CutSpec>();
        var conditions = new List<CutConditions>();
        foreach (var (decl, order, cutName) in goodCuts)
        {
            var tx = context.Inline(decl.Method, null);
            if (tx is null) continue;
            cutSpecs.Add(new CutSpec(order, cutName, Call(decl.Method, null), tx.Value.Expr));
            var body = BodyTranslator.BodyOf(decl.Method, compilation, ct);
            if (body is not null) conditions.Add(IntervalChecker.Collect(cutName, decl.Method, body, tx.Value.Expr));
        }
        var weightSpecs = new List<WeightSpec>();
        foreach (var w in goodWeights)
        {
            var body = BodyTranslator.BodyOf(w.Method, compilation, ct);
            if (body is null)
            {
                AnalysisContext.ReportNoBody(bag, w.Method);
                continue;
            }
            var tx = BodyTranslator.Translate(context, w.Method, body);
            if (tx is null) continue;
            var names = new List<string>();
            for (int i = 1; i < w.Method.Parameters.Length; i++) names.Add(w.Method.Parameters[i].Name);
            weightSpecs.Add(new WeightSpec(w.Attribute.ConstructorArguments[0].Value as string ?? w.Method.Name, Call(w.Method, names), tx.Value.Expr, new EquatableArray<string>(names.ToArray())));
        }

        var axes = new List<AxisWindow>();
        var histograms = ParseHistograms(type, context, goodVariables, schemaSpec, bag, axes);
        if (conditions.Count == cutSpecs.Count) IntervalChecker.Check(conditions, bag, axes);
        var variableNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var v in goodVariables) variableNames.Add(v.Method.Name);
        var (shifts, weightVariations) = SystematicsParser.Parse(context, systematics, variableNames);
        WarnUnusedShifts(shifts, systematics, cutSpecs, weightSpecs, histograms, bag);
        if (bag.HasErrors) return null;
        context.ReportPerLaneCalls(nameLoc);

        var paramList = new List<ParameterSpec>();
        foreach (var p in parameters.Values) if (p.Spec.DefaultLiteral is null) paramList.Add(p.Spec);
        foreach (var p in parameters.Values) if (p.Spec.DefaultLiteral is not null) paramList.Add(p.Spec);
        string modifiers = type.IsStatic ? "static partial class" : type.IsRecord ? "partial record" : "partial class";
        return new AnalysisSpec(SymbolText.Namespace(type), type.Name, analysisName, modifiers, schemaSpec,
            new EquatableArray<CutSpec>(cutSpecs.ToArray()), new EquatableArray<WeightSpec>(weightSpecs.ToArray()),
            new EquatableArray<ParameterSpec>(paramList.ToArray()), new EquatableArray<HistogramSpec>(histograms.ToArray()),
            new EquatableArray<ShiftSpec>(shifts.ToArray()), new EquatableArray<WeightVariationSpec>(weightVariations.ToArray()),
            // The kernel's methods take the schema's batch: no more visible than the schema.
            schema.DeclaredAccessibility == Accessibility.Public ? "public" : "internal");
    }

    /// <summary>NUMM0703: a shifted column that no cut, weight or histogram reads gives variations equal to the nominal.</summary>
    private static void WarnUnusedShifts(List<ShiftSpec> shifts, List<SystematicsParser.Decl> decls, List<CutSpec> cuts, List<WeightSpec> weights,
        List<HistogramSpec> histograms, DiagnosticBag bag)
    {
        foreach (var s in shifts)
            foreach (var c in s.Columns)
            {
                bool used = false;
                foreach (var cut in cuts) used |= ExprWalk.ReadsColumn(cut.Body, c.Column);
                foreach (var w in weights) used |= ExprWalk.ReadsColumn(w.Body, c.Column);
                foreach (var h in histograms) used |= ExprWalk.ReadsColumn(h.X.Value, c.Column) || (h.Y is not null && ExprWalk.ReadsColumn(h.Y.Value, c.Column));
                if (used) continue;
                Location? at = null;
                foreach (var d in decls)
                    if (d.Kind == KnownNames.ShiftAttribute && d.Attribute.ConstructorArguments.Length == 3 && d.Attribute.ConstructorArguments[1].Value as string == c.Column)
                        at = SymbolText.NameLocation(d.Method);
                bag.Add(DiagnosticDescriptors.ShiftUnused, at, s.Name, c.Column);
            }
    }

    private static List<HistogramSpec> ParseHistograms(INamedTypeSymbol type, AnalysisContext context, List<Decl> variables, SchemaSpec schema, DiagnosticBag bag,
        List<AxisWindow> axes)
    {
        var result = new List<HistogramSpec>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var a in type.GetAttributes())
        {
            var cls = a.AttributeClass?.ToDisplayString();
            bool is1 = cls == KnownNames.HistogramAttribute, is2 = cls == KnownNames.Histogram2DAttribute;
            if (!is1 && !is2) continue;
            int expected = is1 ? 2 : 3;
            if (a.ConstructorArguments.Length != expected) continue;
            var args = new string[expected];
            bool malformed = false;
            for (int i = 0; i < expected; i++)
                if (a.ConstructorArguments[i].Value is string s) args[i] = s;
                else
                {
                    malformed = true;
                    if (a.ConstructorArguments[i] is { Kind: TypedConstantKind.Primitive, IsNull: true })
                        bag.Add(DiagnosticDescriptors.HistogramNoName, ArgumentLocation(a, i, null), i == 0 ? "name" : is1 ? "variable" : i == 1 ? "x variable" : "y variable");
                }
            if (malformed) continue;
            var name = args[0];
            if (!names.Add(name))
            {
                bag.Add(DiagnosticDescriptors.DuplicateHistogramName, ArgumentLocation(a, 0, null), name);
                continue;
            }
            var x = Axis(a, name, is1 ? "" : "X", args[1], 1, is1 ? "x" : "x", context, variables, schema, bag);
            AxisSpec? y = null;
            if (is2) y = Axis(a, name, "Y", args[2], 2, "y", context, variables, schema, bag);
            if (x is null || (is2 && y is null)) continue;
            result.Add(new HistogramSpec(name, x, y));
            var where = LocationInfo.From(a.ApplicationSyntaxReference?.GetSyntax());
            axes.Add(new AxisWindow(name, "x", x, where));
            if (y is not null) axes.Add(new AxisWindow(name, "y", y, where));
        }
        return result;
    }

    private static AxisSpec? Axis(AttributeData a, string histogram, string prefix, string variable, int variableArg, string axisName,
        AnalysisContext context, List<Decl> variables, SchemaSpec schema, DiagnosticBag bag)
    {
        int bins = 0;
        double min = 0, max = 0;
        bool hasBins = false, hasMin = false, hasMax = false;
        double[]? edges = null;
        foreach (var named in a.NamedArguments)
        {
            if (named.Key == prefix + "Bins" && named.Value.Value is int b) { bins = b; hasBins = true; }
            else if (named.Key == prefix + "Min" && named.Value.Value is double lo) { min = lo; hasMin = true; }
            else if (named.Key == prefix + "Max" && named.Value.Value is double hi) { max = hi; hasMax = true; }
            else if (named.Key == prefix + "Edges" && named.Value.Kind == TypedConstantKind.Array && !named.Value.IsNull)
            {
                var values = named.Value.Values;
                edges = new double[values.Length];
                for (int i = 0; i < values.Length; i++) edges[i] = values[i].Value is double d ? d : double.NaN;
            }
        }
        bool ok = true;
        if (edges is not null)
        {
            if (hasBins || hasMin || hasMax)
            {
                bag.Add(DiagnosticDescriptors.HistogramAmbiguousBinning, ArgumentLocation(a, -1, prefix + "Edges"), histogram, axisName);
                ok = false;
            }
            else
            {
                string? problem = edges.Length < 2 ? $"got {edges.Length} edge{(edges.Length == 1 ? "" : "s")}" : null;
                for (int i = 0; problem is null && i < edges.Length; i++)
                {
                    if (double.IsNaN(edges[i]) || double.IsInfinity(edges[i])) problem = $"edge {i} is {IntervalChecker.Format(edges[i])}";
                    else if (i > 0 && !(edges[i] > edges[i - 1])) problem = $"edge {i} ({IntervalChecker.Format(edges[i])}) does not exceed edge {i - 1} ({IntervalChecker.Format(edges[i - 1])})";
                }
                if (problem is not null)
                {
                    bag.Add(DiagnosticDescriptors.HistogramEdgesNotIncreasing, ArgumentLocation(a, -1, prefix + "Edges"), histogram, axisName, problem);
                    ok = false;
                }
            }
        }
        else
        {
            if (bins <= 0)
            {
                bag.Add(DiagnosticDescriptors.HistogramNoBins, ArgumentLocation(a, -1, prefix + "Bins") ?? ArgumentLocation(a, 0, null), histogram, axisName,
                    hasBins ? bins.ToString(CultureInfo.InvariantCulture) : "no Bins (give Bins, Min and Max, or Edges)");
                ok = false;
            }
            if (!(min < max) || double.IsInfinity(min) || double.IsInfinity(max))
            {
                bag.Add(DiagnosticDescriptors.HistogramEmptyRange, ArgumentLocation(a, -1, prefix + "Max") ?? ArgumentLocation(a, -1, prefix + "Min") ?? ArgumentLocation(a, 0, null),
                    histogram, axisName, IntervalChecker.Format(min), IntervalChecker.Format(max));
                ok = false;
            }
        }

        // The quantity: a [Variable] method or a numeric column.
        Expr? value = null;
        string scalar = "", label = variable, unit = "";
        foreach (var v in variables)
        {
            if (v.Method.Name != variable) continue;
            var tx = context.Inline(v.Method, null);
            if (tx is null) return null;
            value = tx.Value.Expr;
            scalar = "(double)" + Call(v.Method, null);
            label = v.Attribute.ConstructorArguments.Length == 1 && v.Attribute.ConstructorArguments[0].Value is string l ? l : variable;
            unit = tx.Value.Unit?.Text ?? "";
            break;
        }
        if (value is null && context.Columns.TryGetValue(variable, out var col) && !col.IsArray && col.Kind is "Int32" or "Single" or "Double")
        {
            value = new ColumnRef(col.Name, col.Kind == "Int32" ? ValType.Int : col.Kind == "Single" ? ValType.Float : ValType.Double);
            scalar = "(double)e." + Emit.Literals.Identifier(col.Name);
            unit = col.Unit;
        }
        if (value is null)
        {
            bag.Add(DiagnosticDescriptors.HistogramUnknownVariable, ArgumentLocation(a, variableArg, null), histogram, variable, schema.TypeName);
            return null;
        }
        if (!ok) return null;
        return new AxisSpec(variable, value, scalar, label, unit, bins, min, max,
            edges is null ? EquatableArray<double>.Empty : new EquatableArray<double>(edges));
    }

    /// <summary>The user's method called from the kernel's scalar code with event <c>e</c>.</summary>
    private static string Call(IMethodSymbol m, List<string>? parameters)
    {
        var args = (m.Parameters[0].RefKind == RefKind.In ? "in e" : "e");
        if (parameters is not null) foreach (var p in parameters) args += ", " + PropertyName(p);
        return $"{SymbolText.FullName(m.ContainingType)}.{Emit.Literals.Identifier(m.Name)}({args})";
    }

    /// <summary>Members of the generated <c>Kernel</c> class (with the <c>Sigmas…</c> and <c>Blocks…</c> families).</summary>
    private static readonly string[] KernelMembers =
    {
        "Kernel", "Process", "ProcessScalar", "CreateResult", "MaxVectorBits", "Rows", "CutCount", "NewPart", "Flush", "FlushOne", "AddRow",
        "ScalarRange", "ThrowNonFiniteWeight", "ThrowNonFinite", "ThrowNonFiniteVariation", "Equals", "GetHashCode", "ToString", "GetType",
        "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    internal static string PropertyName(string parameter) => parameter.Length == 0 ? parameter : char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);

    private static bool IsEventMethod(IMethodSymbol m, INamedTypeSymbol schema, int minParams, int maxParams)
        => m.IsStatic && !m.IsGenericMethod && m.Parameters.Length >= minParams && m.Parameters.Length <= maxParams
           && SymbolEqualityComparer.Default.Equals(m.Parameters[0].Type, schema)
           && m.Parameters[0].RefKind is RefKind.None or RefKind.In or RefKind.RefReadOnlyParameter;

    private static string RefKindText(RefKind kind) => kind switch
    {
        RefKind.In => "in ",
        RefKind.Ref => "ref ",
        RefKind.Out => "out ",
        RefKind.RefReadOnlyParameter => "ref readonly ",
        _ => "",
    };

    private static string? NamedString(AttributeData a, string name)
    {
        foreach (var n in a.NamedArguments) if (n.Key == name && n.Value.Value is string s) return s.Trim();
        return null;
    }

    private static string Literal(ValType t, object? v) => t switch
    {
        ValType.Int => System.Convert.ToInt32(v, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        ValType.Float => Emit.Literals.Float(System.Convert.ToSingle(v, CultureInfo.InvariantCulture)),
        _ => Emit.Literals.Double(System.Convert.ToDouble(v, CultureInfo.InvariantCulture)),
    };

    /// <summary>The location of an attribute argument: positional <paramref name="position"/> or named <paramref name="named"/>.</summary>
    internal static Location? ArgumentLocation(AttributeData a, int position, string? named)
    {
        if (a.ApplicationSyntaxReference?.GetSyntax() is not AttributeSyntax syntax) return null;
        var list = syntax.ArgumentList?.Arguments;
        if (list is null) return named is null ? syntax.GetLocation() : null;
        int pos = 0;
        foreach (var arg in list)
        {
            if (named is not null && arg.NameEquals?.Name.Identifier.ValueText == named) return arg.GetLocation();
            if (arg.NameEquals is null && arg.NameColon is null)
            {
                if (pos == position) return arg.GetLocation();
                pos++;
            }
        }
        return named is null ? syntax.GetLocation() : null;
    }
}
