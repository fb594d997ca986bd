using System.Collections.Generic;
using NuMM.Generators.Model;

namespace NuMM.Generators.Emit;

/// <summary>A vector value: one register name (float, int, or mask bits as <c>uint</c>) or, for double, the
/// lower and upper halves of the block.</summary>
internal readonly record struct Val(string A, string? B = null)
{
    public string Lo => A;
    public string Hi => B ?? A;
}

/// <summary>Emits the vector code of expressions for one block width. A block holds W events: one
/// <c>VectorN&lt;float&gt;</c> or <c>VectorN&lt;int&gt;</c>, two <c>VectorN&lt;double&gt;</c>, or W bits of a <c>uint</c>
/// for masks. Identical sub-expressions are emitted once per block.</summary>
/// <remarks>Per-lane calls (<see cref="ScalarCall"/>) may throw, so they run only for the lanes the C# would evaluate
/// them for: behind <c>&amp;&amp;</c>, <c>||</c>, <c>?:</c> and an emitter-level <see cref="Guard"/> (histogram values
/// of passing events) the lanes are narrowed by a guard mask. Lanes outside the guard hold unspecified values that
/// every consumer masks away. A cached value is reused only inside the guard it was computed under (or a narrower one).</remarks>
internal sealed class VectorExprEmitter
{
    private readonly Dictionary<Expr, (Val Value, int Scope)> _cache = new();
    private readonly Dictionary<Expr, bool> _callsPerLane = new();
    // Guard scopes from the outermost (0: every lane of the block) in; each with its mask variable (null for 0).
    private readonly List<(int Id, string? Mask)> _guards = new() { (0, null) };
    private int _nextScope = 1;
    private readonly Dictionary<string, string> _statics = new(System.StringComparer.Ordinal);
    private readonly SourceWriter _body;
    private int _next;

    private readonly SchemaSpec _schema;

    /// <summary>The storage of column <paramref name="name"/> of <c>batch</c> wherever it lives (the batch's array or the
    /// memory-mapped file it views): a span through the public <c>Column&lt;T&gt;(index)</c>, read once per call.</summary>
    public static string ColumnSpan(SchemaSpec schema, string name)
    {
        int i = schema.IndexOf(name);
        return $"batch.Column<{schema.Columns[i].CSharpType}>({Literals.Int(i)})";
    }

    /// <summary>A reference to element 0 of column <paramref name="name"/> (see <see cref="ColumnSpan"/>).</summary>
    public static string ColumnStart(SchemaSpec schema, string name) =>
        $"global::System.Runtime.InteropServices.MemoryMarshal.GetReference({ColumnSpan(schema, name)})";

    public VectorExprEmitter(string vector, int lanes, SourceWriter body, SchemaSpec schema)
    {
        _schema = schema;
        V = vector;
        W = lanes;
        _body = body;
    }

    /// <summary>The vector type name, for example <c>Vector512</c>.</summary>
    public string V { get; }

    /// <summary>Events per block (<c>float</c> lanes).</summary>
    public int W { get; }

    /// <summary>Double lanes per register.</summary>
    public int H => W / 2;

    /// <summary>The C# names of the variation loop's universe index (<c>int</c>) and σ (<c>double</c>), used for
    /// <see cref="VariationIndexRef"/> inside a knob or universe loop.</summary>
    public string LoopIndex { get; set; } = "vu";

    public string LoopSigma { get; set; } = "vsig";

    /// <summary>The refs (<c>c_Name</c>) of the scalar columns the block loop loads, in first-use order.</summary>
    public List<string> ScalarColumnRefs { get; } = new();

    /// <summary>Loop-invariant declarations (column refs, broadcast parameters, scratch), emitted before the loop.</summary>
    public List<string> Prologue { get; } = new();

    private readonly HashSet<string> _prologueKeys = new();

    public void AddPrologue(string key, string line)
    {
        if (_prologueKeys.Add(key)) Prologue.Add(line);
    }

    /// <summary>Forgets cached values (for code emitted in a nested scope).</summary>
    public Dictionary<Expr, (Val Value, int Scope)> Snapshot() => new(_cache);

    public void Restore(Dictionary<Expr, (Val Value, int Scope)> snapshot)
    {
        _cache.Clear();
        foreach (var kv in snapshot) _cache[kv.Key] = kv.Value;
    }

    /// <summary>Narrows the lanes on which per-lane calls run to those of <paramref name="mask"/> (a <c>uint</c> mask
    /// expression) within the current guard, until disposed.</summary>
    public System.IDisposable Guard(string mask)
    {
        var name = Temp("g");
        string all = "0x" + ((1ul << W) - 1).ToString("X", System.Globalization.CultureInfo.InvariantCulture) + "u";
        var outer = _guards[_guards.Count - 1].Mask;
        _body.WriteLine(outer is null ? $"uint {name} = ({mask}) & {all};" : $"uint {name} = {outer} & ({mask});");
        _guards.Add((_nextScope++, name));
        return new PopGuard(this);
    }

    private sealed class PopGuard : System.IDisposable
    {
        private readonly VectorExprEmitter _x;
        public PopGuard(VectorExprEmitter x) => _x = x;
        public void Dispose() => _x._guards.RemoveAt(_x._guards.Count - 1);
    }

    private string? CurrentGuard => _guards[_guards.Count - 1].Mask;

    private bool CallsPerLane(Expr e)
    {
        if (!_callsPerLane.TryGetValue(e, out var r)) _callsPerLane[e] = r = ExprWalk.CallsPerLane(e);
        return r;
    }

    private bool InScope(int scope)
    {
        foreach (var g in _guards) if (g.Id == scope) return true;
        return false;
    }

    private string Temp(string prefix) => prefix + "_" + (_next++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Elem(ValType t) => t switch
    {
        ValType.Int => "int",
        ValType.Float => "float",
        ValType.Double => "double",
        _ => "bool",
    };

    public Val Emit(Expr e)
    {
        if (_cache.TryGetValue(e, out var cached) && InScope(cached.Scope)) return cached.Value;
        var v = EmitUncached(e);
        // Without per-lane calls a value is computed for every lane, whatever the guard.
        _cache[e] = (v, CallsPerLane(e) ? _guards[_guards.Count - 1].Id : 0);
        return v;
    }

    private Val Declare(string prefix, string expr)
    {
        var name = Temp(prefix);
        _body.WriteLine($"var {name} = {expr};");
        return new Val(name);
    }

    private Val DeclareBits(string prefix, string expr)
    {
        var name = Temp(prefix);
        _body.WriteLine($"uint {name} = {expr};");
        return new Val(name);
    }

    private Val Pair(string prefix, string lo, string hi)
    {
        var a = Temp(prefix);
        _body.WriteLine($"var {a}l = {lo};");
        _body.WriteLine($"var {a}h = {hi};");
        return new Val(a + "l", a + "h");
    }

    private Val EmitUncached(Expr e)
    {
        switch (e)
        {
            case Const c:
                return c.Type switch
                {
                    ValType.Bool => new Val(c.Value != 0 ? "0xFFFFFFFFu" : "0u"),
                    ValType.Int => new Val($"{V}.Create({Literals.Int((int)c.Value)})"),
                    ValType.Float => new Val($"{V}.Create({Literals.Float((float)c.Value)})"),
                    _ => new Val($"{V}.Create({Literals.Double(c.Value)})", $"{V}.Create({Literals.Double(c.Value)})"),
                };
            case ColumnRef col:
            {
                var reference = "c_" + col.Name;
                AddPrologue(reference, $"ref {Elem(col.Type)} {reference} = ref {ColumnStart(_schema, col.Name)};");
                if (!ScalarColumnRefs.Contains(reference)) ScalarColumnRefs.Add(reference);
                return col.Type switch
                {
                    ValType.Bool => DeclareBits("b", $"NuMMLanes.Bits{W}(ref global::System.Runtime.CompilerServices.Unsafe.As<bool, byte>(ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {reference}, i)))"),
                    ValType.Double => Pair("x", $"{V}.LoadUnsafe(ref {reference}, (nuint)i)", $"{V}.LoadUnsafe(ref {reference}, (nuint)(i + {H}))"),
                    _ => Declare("x", $"{V}.LoadUnsafe(ref {reference}, (nuint)i)"),
                };
            }
            case VariationIndexRef vi:
                if (vi.Type == ValType.Int) return Declare("vi", $"{V}.Create({LoopIndex})");
                return Pair("vs", $"{V}.Create({LoopSigma})", $"{V}.Create({LoopSigma})");
            case ArrayElemRef ar:
            {
                var reference = "c_" + ar.Column;
                AddPrologue(reference, $"ref {Elem(ar.Type)} {reference} = ref {ColumnStart(_schema, ar.Column)};");
                string index = ar.Index switch
                {
                    Const k => Literals.Int((int)k.Value),
                    _ => LoopIndex,
                };
                if (ar.EventMajor)
                {
                    // The values of one event are contiguous: element `index` of the block's events lies every Length values.
                    string len = Literals.Int(ar.Length);
                    string first = $"ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {reference}, i * {len} + {index})";
                    return ar.Type switch
                    {
                        ValType.Bool => DeclareBits("b", $"NuMMLanes.StridedBits(ref global::System.Runtime.CompilerServices.Unsafe.As<bool, byte>({first}), {len}, {Literals.Int(W)})"),
                        ValType.Double => Pair("x", $"NuMMLanes.Strided{V}({first}, {len})", $"NuMMLanes.Strided{V}(ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {reference}, (i + {Literals.Int(H)}) * {len} + {index}), {len})"),
                        _ => Declare("x", $"NuMMLanes.Strided{V}({first}, {len})"),
                    };
                }
                AddPrologue("cap", "int cap = batch.Capacity;");
                string at = $"(nuint)({index} * cap + i)";
                return ar.Type switch
                {
                    ValType.Bool => DeclareBits("b", $"NuMMLanes.Bits{W}(ref global::System.Runtime.CompilerServices.Unsafe.As<bool, byte>(ref global::System.Runtime.CompilerServices.Unsafe.Add(ref {reference}, {index} * cap + i)))"),
                    ValType.Double => Pair("x", $"{V}.LoadUnsafe(ref {reference}, {at})", $"{V}.LoadUnsafe(ref {reference}, {at} + {H})"),
                    _ => Declare("x", $"{V}.LoadUnsafe(ref {reference}, {at})"),
                };
            }
            case ParamRef p:
            {
                var name = "p_" + p.Name;
                AddPrologue(name, $"var {name} = {V}.Create({Emit_.PropertyName(p.Name)});");
                return p.Type == ValType.Double ? new Val(name, name) : new Val(name);
            }
            case StaticRef s:
            {
                // Numbered, not derived from the member's name: A.B_C and A_B.C would both become s_A_B_C.
                if (!_statics.TryGetValue(s.Member, out var name))
                {
                    name = "s_" + _statics.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    _statics[s.Member] = name;
                }
                AddPrologue(name, $"var {name} = {V}.Create({s.Member});");
                return s.Type == ValType.Double ? new Val(name, name) : new Val(name);
            }
            case Unary u:
            {
                var x = Emit(u.Operand);
                if (u.Op == UnOp.Not) return DeclareBits("m", $"~{x.A}");
                return u.Type == ValType.Double ? Pair("n", $"-{x.Lo}", $"-{x.Hi}") : Declare("n", $"-{x.A}");
            }
            case Binary b:
            {
                var l = Emit(b.Left);
                Val r;
                if (b.ShortCircuit && CallsPerLane(b.Right))
                    using (Guard(b.Op == BinOp.And ? l.A : "~" + l.A)) r = Emit(b.Right);
                else r = Emit(b.Right);
                string op = b.Op switch
                {
                    BinOp.Add => "+",
                    BinOp.Sub => "-",
                    BinOp.Mul => "*",
                    BinOp.Div => "/",
                    BinOp.And => "&",
                    BinOp.Or => "|",
                    _ => "^",
                };
                if (b.Type == ValType.Bool) return DeclareBits("m", $"{l.A} {op} {r.A}");
                if (b.Type == ValType.Double) return Pair("t", $"{l.Lo} {op} {r.Lo}", $"{l.Hi} {op} {r.Hi}");
                return Declare("t", $"{l.A} {op} {r.A}");
            }
            case Compare c:
            {
                var l = Emit(c.Left);
                var r = Emit(c.Right);
                if (c.Left.Type == ValType.Bool)
                    return DeclareBits("m", c.Op == CmpOp.Eq ? $"~({l.A} ^ {r.A})" : $"{l.A} ^ {r.A}");
                string fn = c.Op switch
                {
                    CmpOp.Lt => "LessThan",
                    CmpOp.Le => "LessThanOrEqual",
                    CmpOp.Gt => "GreaterThan",
                    CmpOp.Ge => "GreaterThanOrEqual",
                    _ => "Equals",
                };
                string not = c.Op == CmpOp.Ne ? "~" : "";
                if (c.Left.Type == ValType.Double)
                    return DeclareBits("m", $"{not}((uint){V}.{fn}({l.Lo}, {r.Lo}).ExtractMostSignificantBits() | ((uint){V}.{fn}({l.Hi}, {r.Hi}).ExtractMostSignificantBits() << {H}))");
                return DeclareBits("m", $"{not}(uint){V}.{fn}({l.A}, {r.A}).ExtractMostSignificantBits()");
            }
            case Model.Convert cv:
            {
                var x = Emit(cv.Operand);
                switch (cv.Operand.Type, cv.To)
                {
                    case (ValType.Int, ValType.Float): return Declare("v", $"{V}.ConvertToSingle({x.A})");
                    case (ValType.Float, ValType.Double):
                    {
                        var name = Temp("w");
                        _body.WriteLine($"var ({name}l, {name}h) = {V}.Widen({x.A});");
                        return new Val(name + "l", name + "h");
                    }
                    case (ValType.Int, ValType.Double):
                    {
                        var name = Temp("w");
                        _body.WriteLine($"var ({name}il, {name}ih) = {V}.Widen({x.A});");
                        return Pair(name, $"{V}.ConvertToDouble({name}il)", $"{V}.ConvertToDouble({name}ih)");
                    }
                    default: return Declare("v", $"{V}.Narrow({x.Lo}, {x.Hi})");
                }
            }
            case MathCall m:
            {
                var args = new List<Val>();
                foreach (var a in m.Args) args.Add(Emit(a));
                string fn = m.Fn.ToString();
                if (m.Type == ValType.Double)
                    return Pair("f", $"{V}.{fn}({Join(args, lo: true)})", $"{V}.{fn}({Join(args, lo: false)})");
                return Declare("f", $"{V}.{fn}({Join(args, lo: true)})");
            }
            case Ternary t:
            {
                var c = Emit(t.Condition);
                Val a, b;
                if (CallsPerLane(t.WhenTrue)) using (Guard(c.A)) a = Emit(t.WhenTrue);
                else a = Emit(t.WhenTrue);
                if (CallsPerLane(t.WhenFalse)) using (Guard("~" + c.A)) b = Emit(t.WhenFalse);
                else b = Emit(t.WhenFalse);
                switch (t.Type)
                {
                    case ValType.Bool: return DeclareBits("m", $"({c.A} & {a.A}) | (~{c.A} & {b.A})");
                    case ValType.Float: return Declare("q", $"{V}.ConditionalSelect(NuMMLanes.Mask{W}({c.A}), {a.A}, {b.A})");
                    case ValType.Int: return Declare("q", $"{V}.ConditionalSelect(NuMMLanes.Mask{W}({c.A}).AsInt32(), {a.A}, {b.A})");
                    default:
                        return Pair("q", $"{V}.ConditionalSelect(NuMMLanes.Mask{H}D({c.A}), {a.Lo}, {b.Lo})", $"{V}.ConditionalSelect(NuMMLanes.Mask{H}D({c.A} >> {H}), {a.Hi}, {b.Hi})");
                }
            }
            case ScalarCall sc:
                return EmitScalarCall(sc);
            case Let let:
                foreach (var local in let.Locals) Emit(local);
                return Emit(let.Body);
        }
        throw new System.InvalidOperationException("Unknown expression " + e.GetType().Name);
    }

    private Val EmitScalarCall(ScalarCall sc)
    {
        // Arguments go to stack scratch, the method runs once per lane, the result is reloaded.
        var argTexts = new List<string>();
        foreach (var a in sc.Args)
        {
            var v = Emit(a);
            if (a.Type == ValType.Bool)
            {
                argTexts.Add($"(({v.A} >> l) & 1u) != 0");
                continue;
            }
            var scratch = Temp("sa");
            AddPrologue(scratch, $"global::System.Span<{Elem(a.Type)}> {scratch} = stackalloc {Elem(a.Type)}[{W}];");
            if (a.Type == ValType.Double)
            {
                _body.WriteLine(AnalysisEmitter.Store(v.Lo, scratch, "0"));
                _body.WriteLine(AnalysisEmitter.Store(v.Hi, scratch, H.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else _body.WriteLine(AnalysisEmitter.Store(v.A, scratch, "0"));
            argTexts.Add($"{scratch}[l]");
        }
        var call = $"{sc.Method}({string.Join(", ", argTexts)})";
        // Every lane, or only the guarded ones (set bits of the guard, in lane order).
        var guard = CurrentGuard;
        string lanes = guard is null
            ? $"for (int l = 0; l < {W}; l++)"
            : $"for (uint gl = {guard}; gl != 0; gl &= gl - 1)";
        string lane = guard is null ? "" : "int l = global::System.Numerics.BitOperations.TrailingZeroCount(gl); ";
        if (sc.Type == ValType.Bool)
        {
            var bits = Temp("m");
            _body.WriteLine($"uint {bits} = 0;");
            _body.WriteLine(guard is null ? $"{lanes} if ({call}) {bits} |= 1u << l;" : $"{lanes} {{ {lane}if ({call}) {bits} |= 1u << l; }}");
            return new Val(bits);
        }
        var result = Temp("sr");
        AddPrologue(result, $"global::System.Span<{Elem(sc.Type)}> {result} = stackalloc {Elem(sc.Type)}[{W}];");
        _body.WriteLine(guard is null ? $"{lanes} {result}[l] = {call};" : $"{lanes} {{ {lane}{result}[l] = {call}; }}");
        if (sc.Type == ValType.Double)
            return Pair("r", $"{V}.Create((global::System.ReadOnlySpan<double>){result}.Slice(0, {H}))", $"{V}.Create((global::System.ReadOnlySpan<double>){result}.Slice({H}))");
        return Declare("r", $"{V}.Create((global::System.ReadOnlySpan<{Elem(sc.Type)}>){result})");
    }

    /// <summary>The value as two double registers (converting float or int).</summary>
    public Val AsDouble(Expr e)
    {
        if (e.Type == ValType.Double) return Emit(e);
        return Emit(new Model.Convert(ValType.Double, e));
    }

    private static string Join(List<Val> args, bool lo)
    {
        var parts = new string[args.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = lo ? args[i].Lo : args[i].Hi;
        return string.Join(", ", parts);
    }
}

/// <summary>Naming shared by the emitters.</summary>
internal static class Emit_
{
    public static string PropertyName(string parameter) => Parsing.AnalysisParser.PropertyName(parameter);
}
