using System.Globalization;
using System.Text;

namespace NuMM.Generators.Tests.Property;

/// <summary>The value types of the random expressions (those a body may compute with).</summary>
internal enum Ty { Bool, Int, Float, Double }

/// <summary>One node of a random expression: a C# template whose <c>{0}</c>, <c>{1}</c>… are the kids (a kid may
/// appear twice, as the guarded value in <c>!double.IsNaN(x) &amp;&amp; Strict(x) &gt; c</c>).</summary>
internal sealed record Node(Ty T, string Template, Node[] Kids)
{
    public static Node Leaf(Ty t, string text) => new(t, text, Array.Empty<Node>());

    public string Render()
    {
        var b = new StringBuilder();
        for (int i = 0; i < Template.Length; i++)
        {
            if (Template[i] == '{' && i + 2 < Template.Length && char.IsDigit(Template[i + 1]) && Template[i + 2] == '}')
            {
                b.Append(Kids[Template[i + 1] - '0'].Render());
                i += 2;
            }
            else b.Append(Template[i]);
        }
        return b.ToString();
    }

    public int Size => 1 + Kids.Sum(k => k.Size);

    /// <summary>Nodes in pre-order.</summary>
    public IEnumerable<Node> PreOrder()
    {
        yield return this;
        foreach (var k in Kids) foreach (var n in k.PreOrder()) yield return n;
    }

    /// <summary>This tree with pre-order node <paramref name="index"/> replaced.</summary>
    public Node ReplaceAt(int index, Node replacement)
    {
        int i = index;
        return ReplaceAt(ref i, replacement);
    }

    private Node ReplaceAt(ref int index, Node replacement)
    {
        if (index == 0) { index = -1; return replacement; }
        index--;
        var kids = Kids;
        for (int k = 0; k < kids.Length && index >= 0; k++)
        {
            var r = kids[k].ReplaceAt(ref index, replacement);
            if (!ReferenceEquals(r, kids[k])) { kids = (Node[])kids.Clone(); kids[k] = r; }
        }
        return ReferenceEquals(kids, Kids) ? this : this with { Kids = kids };
    }
}

/// <summary>A body: locals (each evaluated where it is declared, as C# does) and the returned expression.</summary>
internal sealed record Body(IReadOnlyList<(string Name, Ty T, Node Init)> Locals, Node Result)
{
    public string Render()
    {
        if (Locals.Count == 0) return "=> " + Result.Render() + ";";
        var b = new StringBuilder("{ ");
        foreach (var (name, t, init) in Locals) b.Append(RandomAnalysis.TypeName(t)).Append(' ').Append(name).Append(" = ").Append(init.Render()).Append("; ");
        return b.Append("return ").Append(Result.Render()).Append("; }").ToString();
    }

    public IEnumerable<Node> Roots() => Locals.Select(l => l.Init).Append(Result);

    public int Size => Roots().Sum(r => r.Size);
}

internal sealed record Decl(string Kind, string Name, Ty T, Body Body, string Extra = "", string Attr = "");

internal sealed record Hist(string Attribute);

/// <summary>A random analysis over the fixed schema <c>Ev</c>: variables, cuts, weights, histograms, static fields.</summary>
internal sealed record RandomAnalysis(string ClassName, IReadOnlyList<string> Statics, IReadOnlyList<Decl> Decls, IReadOnlyList<Hist> Histograms)
{
    public const string Schema = """
        using System;
        using NuMM.Dsl;
        using NuMM.Generators.Tests.Property;

        namespace Prop;

        [EventSchema]
        public partial struct Ev
        {
            public float F0, F1;
            public double D0, D1;
            public int I0, I1;
            public bool B0, B1;
        }
        """;

    public static string TypeName(Ty t) => t switch { Ty.Bool => "bool", Ty.Int => "int", Ty.Float => "float", _ => "double" };

    public string Render()
    {
        var b = new StringBuilder();
        b.AppendLine("using System;");
        b.AppendLine("using NuMM.Dsl;");
        b.AppendLine("using NuMM.Generators.Tests.Property;");
        b.AppendLine();
        b.AppendLine("namespace Prop;");
        b.AppendLine();
        b.AppendLine("[Analysis(typeof(Ev))]");
        foreach (var h in Histograms) b.AppendLine(h.Attribute);
        b.AppendLine($"public static partial class {ClassName}");
        b.AppendLine("{");
        foreach (var s in Statics) b.AppendLine("    " + s);
        foreach (var d in Decls)
        {
            string ps = d.Extra.Length > 0 ? ", " + d.Extra : "";
            string attr = d.Attr.Length > 0 ? d.Attr : d.Kind switch
            {
                "Cut" => $"[Cut({d.Name.Substring(1)}, \"{d.Name}\")]",
                "Variable" => $"[Variable(\"{d.Name.ToLowerInvariant()}\")]",
                _ => $"[Weight(\"{d.Name.ToLowerInvariant()}\")]",
            };
            b.AppendLine($"    {attr} public static {TypeName(d.T)} {d.Name}(in Ev e{ps}) {d.Body.Render()}");
        }
        b.AppendLine("}");
        return b.ToString();
    }

    public int Size => Decls.Sum(d => d.Body.Size) + Decls.Count + Histograms.Count + Statics.Count;

    /// <summary>Simpler analyses, most aggressive first: drop a declaration, histogram, static or local; replace a
    /// node by one of its kids of the same type or by a plain constant.</summary>
    public IEnumerable<RandomAnalysis> Shrinks()
    {
        for (int i = 0; i < Histograms.Count; i++) yield return this with { Histograms = Without(Histograms, i) };
        for (int i = 0; i < Decls.Count; i++)
            if (Decls[i].Kind != "Cut" || Decls.Count(d => d.Kind == "Cut") > 1)
                yield return this with { Decls = Without(Decls, i) };
        for (int i = 0; i < Statics.Count; i++) yield return this with { Statics = Without(Statics, i) };
        for (int i = 0; i < Decls.Count; i++)
        {
            var d = Decls[i];
            for (int l = 0; l < d.Body.Locals.Count; l++)
                yield return WithBody(i, d.Body with { Locals = Without(d.Body.Locals, l) });
            for (int r = 0; r <= d.Body.Locals.Count; r++)
            {
                var root = r < d.Body.Locals.Count ? d.Body.Locals[r].Init : d.Body.Result;
                var nodes = root.PreOrder().ToList();
                for (int n = 0; n < nodes.Count; n++)
                {
                    var node = nodes[n];
                    var replacements = node.Kids.Where(k => k.T == node.T).Distinct().ToList();
                    var simple = Simplest(node.T);
                    if (node.Template != simple.Template) replacements.Add(simple);
                    foreach (var rep in replacements)
                    {
                        var newRoot = root.ReplaceAt(n, rep);
                        yield return WithBody(i, r < d.Body.Locals.Count
                            ? d.Body with { Locals = Replace(d.Body.Locals, r, (d.Body.Locals[r].Name, d.Body.Locals[r].T, newRoot)) }
                            : d.Body with { Result = newRoot });
                    }
                }
            }
        }
    }

    private RandomAnalysis WithBody(int decl, Body body) => this with { Decls = Replace(Decls, decl, Decls[decl] with { Body = body }) };

    public static Node Simplest(Ty t) => Node.Leaf(t, t switch { Ty.Bool => "true", Ty.Int => "0", Ty.Float => "0f", _ => "0.0" });

    private static IReadOnlyList<T> Without<T>(IReadOnlyList<T> list, int i) => list.Where((_, k) => k != i).ToList();

    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> list, int i, T value) => list.Select((x, k) => k == i ? value : x).ToList();
}

/// <summary>Draws random analyses from a grammar of the constructs the generator accepts (and some it must reject).</summary>
internal sealed class AnalysisGrammar
{
    private readonly Random _rng;
    private List<(string Text, Ty T)> _scope = new();

    public AnalysisGrammar(int seed) => _rng = new Random(seed);

    // Edge values of each type: literals of the bodies, and (with ±1 ulp) of the data.
    public static readonly (string Text, double Value)[] Doubles =
    {
        ("0.0", 0.0), ("(-0.0)", -0.0), ("1.0", 1.0), ("0.5", 0.5), ("2.5", 2.5), ("(-3.75)", -3.75), ("0.1", 0.1), ("3.0", 3.0), ("(-1.0)", -1.0),
        ("1e308", 1e308), ("double.MaxValue", double.MaxValue), ("double.Epsilon", double.Epsilon), ("1e-310", 1e-310),
        ("double.NaN", double.NaN), ("double.PositiveInfinity", double.PositiveInfinity), ("double.NegativeInfinity", double.NegativeInfinity),
    };

    public static readonly (string Text, float Value)[] Floats =
    {
        ("0f", 0f), ("(-0f)", -0f), ("1f", 1f), ("0.5f", 0.5f), ("2.5f", 2.5f), ("(-3.75f)", -3.75f), ("0.1f", 0.1f), ("3f", 3f), ("(-1f)", -1f),
        ("3e38f", 3e38f), ("float.MaxValue", float.MaxValue), ("float.Epsilon", float.Epsilon), ("1e-40f", 1e-40f), ("16777217f", 16777217f),
        ("float.NaN", float.NaN), ("float.PositiveInfinity", float.PositiveInfinity), ("float.NegativeInfinity", float.NegativeInfinity),
    };

    public static readonly (string Text, int Value)[] Ints =
    {
        ("0", 0), ("1", 1), ("(-1)", -1), ("2", 2), ("3", 3), ("7", 7), ("8", 8), ("(-5)", -5), ("100000", 100000), ("int.MaxValue", int.MaxValue), ("int.MinValue", int.MinValue),
    };

    private int R(int n) => _rng.Next(n);

    private bool P(double p) => _rng.NextDouble() < p;

    private T Pick<T>(IReadOnlyList<T> xs) => xs[R(xs.Count)];

    public RandomAnalysis Next(string className)
    {
        var statics = new List<string>();
        var decls = new List<Decl>();
        var hists = new List<Hist>();
        _scope = new List<(string, Ty)>();
        // Static fields: read once per batch and broadcast (readonly) or folded (const).
        for (int i = 0, n = R(3); i < n; i++)
        {
            var t = Pick(new[] { Ty.Double, Ty.Float, Ty.Int });
            bool isConst = P(0.3);
            var value = Constant(t, allowNaN: true);
            statics.Add(isConst ? $"public const {RandomAnalysis.TypeName(t)} K{i} = {value.Template};" : $"public static readonly {RandomAnalysis.TypeName(t)} K{i} = {value.Template};");
            _scope.Add(($"K{i}", t));
        }
        for (int i = 0, n = R(3); i < n; i++)
        {
            var t = Pick(new[] { Ty.Double, Ty.Float, Ty.Int });
            decls.Add(new Decl("Variable", $"V{i}", t, NewBody(t, 3)));
            _scope.Add(($"V{i}(e)", t));
        }
        for (int i = 0, n = 1 + R(4); i < n; i++)
        {
            decls.Add(new Decl("Cut", $"C{i + 1}", Ty.Bool, NewBody(Ty.Bool, 4)));
            _scope.Add(($"C{i + 1}(e)", Ty.Bool));
        }
        for (int i = 0, n = R(3); i < n; i++)
        {
            var t = P(0.5) ? Ty.Double : Ty.Float;
            bool param = P(0.3);
            if (param) _scope.Add(("scale", Ty.Double));
            var body = NewBody(t, 3);
            if (param) _scope.RemoveAt(_scope.Count - 1);
            // Mostly finite weights (a non-finite weight makes the whole batch throw, by design).
            if (P(0.85))
            {
                string zero = t == Ty.Float ? "0f" : "0.0", one = t == Ty.Float ? "1f" : "1.0";
                body = body with { Result = new Node(t, $"({{0}} - {{0}} == {zero} ? {{0}} : {one})", new[] { body.Result }) };
            }
            if (param && t == Ty.Float) body = body with { Result = new Node(t, "(float)({0} * scale)", new[] { body.Result }) };
            decls.Add(new Decl("Weight", $"W{i}", t, body, param ? "double scale = 1.5" : ""));
        }
        // Systematics: a shifted column, a knob, universes (the C# of each is called for every event).
        if (P(0.3))
        {
            var (col, ct) = P(0.5) ? ("F0", Ty.Float) : ("D1", Ty.Double);
            _scope.Add(("sigma", Ty.Double));
            var body = NewBody(ct, 2);
            _scope.RemoveAt(_scope.Count - 1);
            if (P(0.7)) body = body with { Result = new Node(ct, ct == Ty.Float ? "(e.F0 + (float)sigma * {0})" : "(e.D1 + sigma * {0})", new[] { body.Result }) };
            decls.Add(new Decl("Shift", "Sh0", ct, body, "double sigma", $"[Shift(\"s0\", \"{col}\", -1.0, 2.0)]"));
        }
        if (P(0.3))
        {
            _scope.Add(("sigma", Ty.Double));
            var body = NewBody(Ty.Double, 2);
            _scope.RemoveAt(_scope.Count - 1);
            body = body with { Result = new Node(Ty.Double, "({0} - {0} == 0.0 ? 1.0 + sigma * {0} : 1.0)", new[] { body.Result }) };
            decls.Add(new Decl("Knob", "Kn0", Ty.Double, body, "double sigma", "[Knob(\"k0\", -1.0, 1.0)]"));
        }
        if (P(0.2))
        {
            _scope.Add(("universe", Ty.Int));
            var body = NewBody(Ty.Double, 2);
            _scope.RemoveAt(_scope.Count - 1);
            body = body with { Result = new Node(Ty.Double, "({0} - {0} == 0.0 ? {0} : 1.0)", new[] { body.Result }) };
            decls.Add(new Decl("Universes", "Un0", Ty.Double, body, "int universe", "[Universes(\"u0\", 3)]"));
        }
        var axisQuantities = new List<string> { "F0", "D1", "I0" };
        axisQuantities.AddRange(decls.Where(d => d.Kind == "Variable").Select(d => d.Name));
        for (int i = 0, n = R(3); i < n; i++)
        {
            string q = Pick(axisQuantities);
            if (P(0.25))
            {
                string q2 = Pick(axisQuantities);
                hists.Add(new Hist($"[Histogram2D(\"h{i}\", \"{q}\", \"{q2}\", XBins = {1 + R(6)}, XMin = -2, XMax = 3, YEdges = new[] {{ -1.0, 0.0, 0.5, 4.0 }})]"));
            }
            else if (P(0.3)) hists.Add(new Hist($"[Histogram(\"h{i}\", \"{q}\", Edges = new[] {{ -3.0, -0.5, 0.0, 0.25, 2.0, 8.0 }})]"));
            else hists.Add(new Hist($"[Histogram(\"h{i}\", \"{q}\", Bins = {1 + R(9)}, Min = {R(5) - 4}, Max = {1 + R(6)})]"));
        }
        return new RandomAnalysis(className, statics, decls, hists);
    }

    private Body NewBody(Ty t, int depth)
    {
        var locals = new List<(string, Ty, Node)>();
        int before = _scope.Count;
        if (P(0.25))
            for (int i = 0, n = 1 + R(2); i < n; i++)
            {
                var lt = Pick(new[] { Ty.Double, Ty.Float, Ty.Int, Ty.Bool });
                locals.Add(($"t{i}", lt, Gen(lt, depth - 1)));
                _scope.Add(($"t{i}", lt));
            }
        var result = Gen(t, depth);
        _scope.RemoveRange(before, _scope.Count - before);
        return new Body(locals, result);
    }

    private Node Constant(Ty t, bool allowNaN)
    {
        switch (t)
        {
            case Ty.Bool: return Node.Leaf(t, P(0.5) ? "true" : "false");
            case Ty.Int: return Node.Leaf(t, Pick(Ints).Text);
            case Ty.Float:
            {
                var c = Pick(Floats);
                while (!allowNaN && float.IsNaN(c.Value)) c = Pick(Floats);
                return Node.Leaf(t, c.Text);
            }
            default:
            {
                var c = Pick(Doubles);
                while (!allowNaN && double.IsNaN(c.Value)) c = Pick(Doubles);
                return Node.Leaf(t, c.Text);
            }
        }
    }

    private Node LeafOf(Ty t)
    {
        var options = _scope.Where(s => s.T == t).Select(s => s.Text).ToList();
        if (options.Count > 0 && P(0.35)) return Node.Leaf(t, Pick(options));
        if (P(0.3)) return Constant(t, allowNaN: true);
        return Node.Leaf(t, t switch
        {
            Ty.Bool => P(0.5) ? "e.B0" : "e.B1",
            Ty.Int => P(0.5) ? "e.I0" : "e.I1",
            Ty.Float => P(0.5) ? "e.F0" : "e.F1",
            _ => P(0.5) ? "e.D0" : "e.D1",
        });
    }

    private static readonly Ty[] Numeric = { Ty.Int, Ty.Float, Ty.Double };

    private Node N(Ty t, string template, params Node[] kids) => new(t, template, kids);

    /// <summary>A random expression of type <paramref name="t"/>.</summary>
    public Node Gen(Ty t, int depth)
    {
        if (depth <= 0 || P(0.2)) return LeafOf(t);
        int d = depth - 1;
        switch (t)
        {
            case Ty.Double:
                switch (R(15))
                {
                    case 0: case 1:
                    {
                        // Mixed operand types: C# widens the other operand to double.
                        var other = Pick(Numeric);
                        var (l, r) = P(0.5) ? (Ty.Double, other) : (other, Ty.Double);
                        return N(t, "({0} " + Pick(new[] { "+", "-", "*", "/" }) + " {1})", Gen(l, d), Gen(r, d));
                    }
                    case 2: return N(t, "(-{0})", Gen(t, d));
                    case 3: return N(t, "((double){0})", Gen(P(0.5) ? Ty.Float : Ty.Int, d));
                    case 4: return N(t, Pick(new[] { "Math.Abs({0})", "Math.Sqrt({0})", "Math.Floor({0})", "Math.Ceiling({0})", "Math.Truncate({0})", "Math.Round({0})", "Math.Pow({0}, 2)", "Math.Exp({0})" }), Gen(t, d));
                    case 5: return N(t, Pick(new[] { "Math.Min({0}, {1})", "Math.Max({0}, {1})", "Math.Min(val2: {1}, val1: {0})", "Math.Atan2({0}, {1})", "Math.Atan2(x: {0}, y: {1})" }), Gen(t, d), Gen(t, d));
                    case 6: return N(t, "Math.FusedMultiplyAdd({0}, {1}, {2})", Gen(t, d), Gen(t, d), Gen(t, d));
                    case 7: return N(t, "({0} ? {1} : {2})", Gen(Ty.Bool, d), Gen(t, d), Gen(t, d));
                    case 8: return P(0.3) ? N(t, "PropertyHelpers.Strict({0})", Gen(t, d)) : N(t, "PropertyHelpers.Strict(Math.Abs({0}) + 1)", Gen(t, d));
                    case 9: return N(t, "(double.IsNaN({0}) ? {1} : PropertyHelpers.Strict({0}))", Gen(t, d), Gen(t, d));
                    default: return LeafOf(t);
                }
            case Ty.Float:
                switch (R(15))
                {
                    case 0: case 1:
                    {
                        var (l, r) = R(3) switch { 0 => (Ty.Float, Ty.Float), 1 => (Ty.Float, Ty.Int), _ => (Ty.Int, Ty.Float) };
                        return N(t, "({0} " + Pick(new[] { "+", "-", "*", "/" }) + " {1})", Gen(l, d), Gen(r, d));
                    }
                    case 2: return N(t, "(-{0})", Gen(t, d));
                    case 3: return N(t, "((float){0})", Gen(P(0.5) ? Ty.Double : Ty.Int, d));
                    case 4: return N(t, Pick(new[] { "MathF.Abs({0})", "Math.Abs({0})", "MathF.Sqrt({0})", "MathF.Floor({0})", "MathF.Ceiling({0})", "MathF.Truncate({0})", "MathF.Round({0})", "MathF.Pow({0}, 2f)", "MathF.Exp({0})" }), Gen(t, d));
                    case 5: return N(t, Pick(new[] { "MathF.Min({0}, {1})", "MathF.Max({0}, {1})", "Math.Max({0}, {1})", "MathF.Min(y: {1}, x: {0})" }), Gen(t, d), Gen(t, d));
                    case 6: return N(t, "MathF.FusedMultiplyAdd({0}, {1}, {2})", Gen(t, d), Gen(t, d), Gen(t, d));
                    case 7: return N(t, "({0} ? {1} : {2})", Gen(Ty.Bool, d), Gen(t, d), Gen(t, d));
                    case 8: return N(t, "PropertyHelpers.Soft({0})", Gen(t, d));
                    case 9: return N(t, "({0} is >= 0 and < 8 ? PropertyHelpers.Lookup({0}) : {1})", Gen(Ty.Int, d), Gen(t, d));
                    default: return LeafOf(t);
                }
            case Ty.Int:
                switch (R(14))
                {
                    case 0: case 1: return N(t, "({0} " + Pick(new[] { "+", "-", "*" }) + " {1})", Gen(t, d), Gen(t, d));
                    case 2: return N(t, "(-{0})", Gen(t, d));
                    case 3: return N(t, Pick(new[] { "Math.Min({0}, {1})", "Math.Max({0}, {1})", "Math.Max(val2: {1}, val1: {0})" }), Gen(t, d), Gen(t, d));
                    case 4: return N(t, P(0.4) ? "Math.Abs({0})" : "Math.Abs(Math.Max({0}, -1000))", Gen(t, d));
                    case 5: return N(t, Pick(new[] { "checked({0} + {1})", "checked({0} - {1})", "checked({0} * {1})", "unchecked({0} * {1})" }), Gen(t, d), Gen(t, d));
                    case 6: return N(t, "checked(-{0})", Gen(t, d));
                    case 7: return N(t, "({0} ? {1} : {2})", Gen(Ty.Bool, d), Gen(t, d), Gen(t, d));
                    case 8: return N(t, "(double.IsNaN({0}) ? {1} : Math.Sign({0}))", Gen(Ty.Double, d), Gen(t, d));
                    case 9: return P(0.4) ? N(t, "Math.Sign({0})", Gen(P(0.5) ? Ty.Double : Ty.Float, d)) : N(t, "Math.Sign({0})", Gen(Ty.Int, d));
                    default: return LeafOf(t);
                }
            default:
                switch (R(20))
                {
                    case 0: case 1: case 2:
                    {
                        var l = Pick(Numeric);
                        var r = P(0.6) ? l : Pick(Numeric);
                        return N(t, "({0} " + Pick(new[] { "<", "<=", ">", ">=", "==", "!=" }) + " {1})", Gen(l, d), Gen(r, d));
                    }
                    case 3: case 4: return N(t, "({0} && {1})", Gen(t, d), Gen(t, d));
                    case 5: return N(t, "({0} || {1})", Gen(t, d), Gen(t, d));
                    case 6: return N(t, "(!{0})", Gen(t, d));
                    case 7: return N(t, "({0} " + Pick(new[] { "&", "|", "^", "==", "!=" }) + " {1})", Gen(t, d), Gen(t, d));
                    case 8: return N(t, "({0} ? {1} : {2})", Gen(t, d), Gen(t, d), Gen(t, d));
                    case 9:
                    {
                        var vt = Pick(Numeric);
                        return vt == Ty.Double ? N(t, Pick(new[] { "double.IsNaN({0})", "double.IsFinite({0})", "double.IsNegative({0})", "({0} is double.NaN)" }), Gen(vt, d))
                             : vt == Ty.Float ? N(t, Pick(new[] { "float.IsNaN({0})", "float.IsInfinity({0})", "({0} is float.NaN)" }), Gen(vt, d))
                             : N(t, "PropertyHelpers.Odd({0})", Gen(vt, d));
                    }
                    case 10: case 11:
                    {
                        var vt = Pick(Numeric);
                        var a = Constant(vt, allowNaN: false).Template;
                        var b = Constant(vt, allowNaN: false).Template;
                        return N(t, Pick(new[] { $"({{0}} is > {a} and < {b})", $"({{0}} is not (>= {a} and <= {b}))", $"({{0}} is < {a} or >= {b})", $"({{0}} is {a})", $"({{0}} is not {a})" }), Gen(vt, d));
                    }
                    case 12: return N(t, "(!double.IsNaN({0}) && PropertyHelpers.Strict({0}) > {1})", Gen(Ty.Double, d), Gen(Ty.Double, d));
                    case 13: return N(t, "({0} >= 0 && {0} < 8 && PropertyHelpers.Lookup({0}) > {1})", Gen(Ty.Int, d), Gen(Ty.Float, d));
                    case 14: return N(t, "({0} < 0 || {0} > 7 || PropertyHelpers.Lookup({0}) < {1})", Gen(Ty.Int, d), Gen(Ty.Float, d));
                    default: return LeafOf(t);
                }
        }
    }
}
