namespace NuMM.Generators.Model;

/// <summary>The value types a translated body computes with: a mask (<c>bool</c>), <c>int</c>, <c>float</c>, <c>double</c>.</summary>
internal enum ValType { Bool, Int, Float, Double }

internal enum BinOp { Add, Sub, Mul, Div, And, Or, Xor }

internal enum CmpOp { Lt, Le, Gt, Ge, Eq, Ne }

internal enum UnOp { Neg, Not }

/// <summary>Vector forms that agree bit for bit with their <c>Math</c>/<c>MathF</c> counterparts.</summary>
internal enum MathFn { Abs, Sqrt, Min, Max, Floor, Ceiling, Truncate, Round, FusedMultiplyAdd }

/// <summary>A lowered cut, variable or weight body: plain records, compared by value (identical
/// sub-expressions are evaluated once per vector block).</summary>
internal abstract record Expr(ValType Type);

/// <summary>A constant. Compared by bits: -0.0 and 0.0 are different constants (1/x tells them apart), which the
/// default record equality (<c>0.0.Equals(-0.0)</c>) would merge in the emitter's common-subexpression cache.</summary>
internal sealed record Const(ValType ConstType, double Value) : Expr(ConstType)
{
    public bool Equals(Const? other)
        => other is not null && ConstType == other.ConstType && System.BitConverter.DoubleToInt64Bits(Value) == System.BitConverter.DoubleToInt64Bits(other.Value);

    public override int GetHashCode() => ((int)ConstType * 397) ^ System.BitConverter.DoubleToInt64Bits(Value).GetHashCode();
}

internal sealed record ColumnRef(string Name, ValType ColumnType) : Expr(ColumnType);

/// <summary>A run-time parameter of a weight, held by the kernel instance.</summary>
internal sealed record ParamRef(string Name, ValType ParamType) : Expr(ParamType);

/// <summary>A <c>static readonly</c> field read once per batch and broadcast.</summary>
internal sealed record StaticRef(string Member, ValType FieldType) : Expr(FieldType);

internal sealed record Unary(UnOp Op, Expr Operand) : Expr(Operand.Type);

/// <summary>A binary operation. <see cref="ShortCircuit"/> marks <c>&amp;&amp;</c> and <c>||</c>: the right operand is
/// evaluated only for the events the left one does not decide (which matters for per-lane calls).</summary>
internal sealed record Binary(BinOp Op, Expr Left, Expr Right, bool ShortCircuit = false) : Expr(Left.Type);

internal sealed record Compare(CmpOp Op, Expr Left, Expr Right) : Expr(ValType.Bool);

internal sealed record Convert(ValType To, Expr Operand) : Expr(To);

internal sealed record MathCall(MathFn Fn, EquatableArray<Expr> Args) : Expr(Args[0].Type);

/// <summary>A call to a pure static method evaluated lane by lane inside the vector loop.</summary>
internal sealed record ScalarCall(string Method, ValType ReturnType, EquatableArray<Expr> Args) : Expr(ReturnType);

/// <summary><c>c ? a : b</c>, evaluated lane by lane with a select; per-lane calls in a branch run only for the
/// events that take that branch.</summary>
internal sealed record Ternary(Expr Condition, Expr WhenTrue, Expr WhenFalse) : Expr(WhenTrue.Type);

/// <summary>The σ point (<see cref="ValType.Double"/>) or universe index (<see cref="ValType.Int"/>) of the variation
/// being evaluated: a shift's or knob's <c>sigma</c> parameter, a universe method's <c>universe</c> parameter. The emitter
/// replaces it by a constant (shift points) or by the variation loop's variable (knobs, universes).</summary>
internal sealed record VariationIndexRef(ValType IndexType) : Expr(IndexType);

/// <summary>Element <see cref="Index"/> of the fixed-length array column <see cref="Column"/> (<see cref="Length"/>
/// elements per event). The index is a constant or a <see cref="VariationIndexRef"/>, the same for every event of a
/// block: an element-major column gives one contiguous run per block; an <see cref="EventMajor"/> one (values of an event
/// contiguous) a strided gather with stride <see cref="Length"/>.</summary>
internal sealed record ArrayElemRef(string Column, ValType ElemType, Expr Index, int Length, bool EventMajor = false) : Expr(ElemType);

/// <summary>A body with locals whose initializers call per lane: C# evaluates a local where it is declared, even when
/// the returned expression does not use it (or uses it only behind <c>&amp;&amp;</c>), so <see cref="Locals"/> are
/// evaluated first, then <see cref="Body"/> (which refers to the same expressions). Locals without per-lane calls are
/// simply inlined.</summary>
internal sealed record Let(EquatableArray<Expr> Locals, Expr Body) : Expr(Body.Type);
