using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NuMM.Generators.Diagnostics;
using NuMM.Generators.Model;
using Convert = NuMM.Generators.Model.Convert;

namespace NuMM.Generators.Parsing;

/// <summary>A translated expression with the physical unit of its value. <see cref="Unit"/> is null when the unit is not
/// known (a literal, a weight parameter, a static field, a per-lane call's result, σ or the universe index): such a value
/// is never reported as mixing units. A literal is a pure number in products and quotients.</summary>
internal readonly record struct Tx(Expr Expr, Unit? Unit);

/// <summary>Thrown inside the translator to abandon a body; the diagnostic (if any) is already in the bag.</summary>
internal sealed class AbandonTranslation : Exception
{
}

/// <summary>Lowers the body of a cut, variable or weight (its <see cref="IOperation"/> tree) to an <see cref="Expr"/>,
/// reporting every construct it cannot turn into vector code.</summary>
internal sealed class BodyTranslator
{
    private readonly AnalysisContext _ctx;
    private readonly IMethodSymbol _method;
    private readonly Dictionary<ILocalSymbol, Tx> _locals = new(SymbolEqualityComparer.Default);
    private readonly IParameterSymbol? _variation;

    private BodyTranslator(AnalysisContext ctx, IMethodSymbol method, IParameterSymbol? variation)
    {
        _ctx = ctx;
        _method = method;
        _variation = variation;
    }

    /// <summary>The body operation of a method (null when it has no source body).</summary>
    public static IOperation? BodyOf(IMethodSymbol method, Compilation compilation, CancellationToken ct)
    {
        // A partial method's attributes may sit on the declaration and its body in another part of the class.
        method = method.PartialImplementationPart ?? method;
        foreach (var r in method.DeclaringSyntaxReferences)
        {
            if (r.GetSyntax(ct) is not MethodDeclarationSyntax syntax) continue;
            if (syntax.Body is null && syntax.ExpressionBody is null) continue;
            var model = compilation.GetSemanticModel(syntax.SyntaxTree);
            if (model.GetOperation(syntax, ct) is IMethodBodyOperation body)
                return (IOperation?)body.ExpressionBody ?? body.BlockBody;
        }
        return null;
    }

    /// <summary>Translates the method's body, or returns null (diagnostics reported) when it cannot.</summary>
    public static Tx? Translate(AnalysisContext ctx, IMethodSymbol method, IOperation body) => Translate(ctx, method, body, null);

    /// <summary>Translates a shift, knob or universe body, in which <paramref name="variation"/> (its σ or universe
    /// parameter) becomes a <see cref="VariationIndexRef"/>.</summary>
    public static Tx? Translate(AnalysisContext ctx, IMethodSymbol method, IOperation body, IParameterSymbol? variation)
    {
        // The body of a partial method reads the parameters of its implementation part.
        if (method.PartialImplementationPart is { } implementation)
        {
            if (variation is not null && variation.Ordinal < implementation.Parameters.Length) variation = implementation.Parameters[variation.Ordinal];
            method = implementation;
        }
        var t = new BodyTranslator(ctx, method, variation);
        try
        {
            // Side effects first: they are the most important thing to tell, wherever they hide.
            if (FirstSideEffect(body, out var why) is { } op)
                throw t.Fail(DiagnosticDescriptors.SideEffect, op.Syntax, op.Syntax.ToString(), method.Name, why);
            return t.Block(body);
        }
        catch (AbandonTranslation)
        {
            return null;
        }
    }

    /// <summary>The first operation with a side effect, outside loops: a loop is reported as what it is (NUMM0203 where it
    /// stands), not as the '++' of its own counter.</summary>
    private static IOperation? FirstSideEffect(IOperation op, out string why)
    {
        why = "";
        if (op is ILoopOperation) return null;
        if (IsSideEffect(op, out why)) return op;
        foreach (var child in op.ChildOperations)
            if (FirstSideEffect(child, out why) is { } found) return found;
        return null;
    }

    private Tx Block(IOperation body)
    {
        if (body is not IBlockOperation block) return Value(body);
        // Locals whose initializers call per lane: C# runs those calls where the local is declared, used or not.
        var forced = new List<Expr>();
        foreach (var statement in block.Operations)
        {
            switch (statement)
            {
                case IVariableDeclarationGroupOperation group:
                    foreach (var decl in group.Declarations)
                        foreach (var d in decl.Declarators)
                        {
                            var init = d.Initializer?.Value ?? decl.Initializer?.Value;
                            if (init is null) throw Fail(DiagnosticDescriptors.NotTranslatable, d.Syntax, $"the local '{d.Symbol.Name}' without a value", "every local needs an initial value");
                            var local = Value(init);
                            _locals[d.Symbol] = local;
                            if (ExprWalk.CallsPerLane(local.Expr)) forced.Add(local.Expr);
                        }
                    break;
                case IReturnOperation { ReturnedValue: { } value }:
                    var result = Value(value);
                    return forced.Count == 0 ? result : new Tx(new Let(new EquatableArray<Expr>(forced.ToArray()), result.Expr), result.Unit);
                case IExpressionStatementOperation { Operation: var inner } when IsSideEffect(inner, out var why):
                    throw Fail(DiagnosticDescriptors.SideEffect, inner.Syntax, inner.Syntax.ToString(), _method.Name, why);
                case IExpressionStatementOperation { Operation: IInvocationOperation call } when !IsKnownPure(call.TargetMethod):
                    // A call whose value is dropped is made for what it does: logging, counting, changing state.
                    throw Fail(DiagnosticDescriptors.SideEffect, call.Syntax, call.Syntax.ToString(), _method.Name, $"calls '{call.TargetMethod.Name}' for its effect, and it is not marked [Pure]");
                case IInvalidOperation:
                    throw new AbandonTranslation();
                default:
                    throw Fail(DiagnosticDescriptors.NotTranslatable, statement.Syntax, Describe(statement), "a body may hold only local declarations followed by 'return <expression>;'");
            }
        }
        throw Fail(DiagnosticDescriptors.NotTranslatable, body.Syntax, "a body without 'return'", "the body must end in 'return <expression>;'");
    }

    private Tx Value(IOperation op)
    {
        if (op is IInvalidOperation || op.Type is { TypeKind: TypeKind.Error })
        {
            ReportUnknownMember(op);
            throw new AbandonTranslation();
        }
        if (op.ConstantValue.HasValue && op.Type is not null)
        {
            var ct = Supported(op, op.Type);
            var v = op.ConstantValue.Value;
            if (v is null) throw Fail(DiagnosticDescriptors.NotTranslatable, op.Syntax, "'null'", "bodies compute with numbers and booleans");
            return new Tx(new Const(ct, ToDouble(v)), null);
        }
        if (IsSideEffect(op, out var reason))
            throw Fail(DiagnosticDescriptors.SideEffect, op.Syntax, op.Syntax.ToString(), _method.Name, reason);
        switch (op)
        {
            case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: IFieldReferenceOperation { Field.IsStatic: false } array } ix when IsEvent(array.Instance):
                return ArrayElement(ix, array);
            case IFieldReferenceOperation f: return Field(f);
            case IPropertyReferenceOperation p when IsEvent(p.Instance):
                throw Fail(DiagnosticDescriptors.UnknownColumnOrVariable, op.Syntax, p.Property.Name, _ctx.Schema.Name);
            case IPropertyReferenceOperation p:
                // A property getter is a method call; like any unmarked method it may read state that changes.
                throw Fail(DiagnosticDescriptors.SideEffect, op.Syntax, op.Syntax.ToString(), _method.Name, $"reads the property '{p.Property.Name}', whose getter is not known to be pure (read it in a [Pure] helper, or use a column)");
            case IArrayElementReferenceOperation:
                throw Fail(DiagnosticDescriptors.SideEffect, op.Syntax, op.Syntax.ToString(), _method.Name, "reads an element of an array, which is mutable state (look it up in a [Pure] helper)");
            case IParameterReferenceOperation pr: return Parameter(pr);
            case ILocalReferenceOperation lr:
                if (_locals.TryGetValue(lr.Local, out var local)) return local;
                throw Fail(DiagnosticDescriptors.NotTranslatable, op.Syntax, $"the local '{lr.Local.Name}'", "it is not declared in the body");
            case IConversionOperation c: return Conversion(c);
            case IUnaryOperation u: return UnaryOp(u);
            case IBinaryOperation b: return BinaryOp(b);
            case IIsPatternOperation isp: return Pattern(isp.Pattern, Value(isp.Value), isp.Value);
            case IInvocationOperation inv: return Invocation(inv);
            case IConditionalOperation { WhenFalse: { } whenFalse } cond:
            {
                var c = Value(cond.Condition);
                var a = Value(cond.WhenTrue);
                var b = Value(whenFalse);
                var unit = SameUnit(cond.Syntax, cond.WhenTrue.Syntax, a, whenFalse.Syntax, b, "the two branches of '?:' are one value and need one unit");
                return new Tx(new Ternary(c.Expr, a.Expr, b.Expr), unit);
            }
            default:
                throw Fail(DiagnosticDescriptors.NotTranslatable, op.Syntax, Describe(op), "it has no vector form");
        }
    }

    private void ReportUnknownMember(IOperation op)
    {
        // A member access on the event that does not bind: name the column the physicist meant.
        if (op.Syntax is MemberAccessExpressionSyntax ma && op is IInvalidOperation inv)
        {
            // 'e.' while typing: the compiler already reports the missing name; a NuMM error on an empty span is noise.
            if (ma.Name.IsMissing || ma.Name.Identifier.ValueText.Length == 0) return;
            foreach (var child in inv.ChildOperations)
                if (IsEvent(child))
                {
                    _ctx.Bag.Add(DiagnosticDescriptors.UnknownColumnOrVariable, ma.Name, ma.Name.Identifier.ValueText, _ctx.Schema.Name);
                    return;
                }
        }
        if (op.Syntax is InvocationExpressionSyntax { Expression: IdentifierNameSyntax id } && op is IInvalidOperation)
            _ctx.Bag.Add(DiagnosticDescriptors.UnknownColumnOrVariable, id, id.Identifier.ValueText, _ctx.Schema.Name);
    }

    private bool IsEvent(IOperation? op)
        => op is IParameterReferenceOperation p && SymbolEqualityComparer.Default.Equals(p.Parameter, _method.Parameters.Length > 0 ? _method.Parameters[0] : null);

    private Tx Field(IFieldReferenceOperation f)
    {
        if (f.Field.IsStatic)
        {
            if (!f.Field.IsReadOnly)
                throw Fail(DiagnosticDescriptors.SideEffect, f.Syntax, f.Syntax.ToString(), _method.Name, "reads a mutable static field, so results could change between batches");
            var t = Supported(f, f.Field.Type);
            return new Tx(new StaticRef(SymbolText.FullName(f.Field.ContainingType) + "." + Emit.Literals.Identifier(f.Field.Name), t), null);
        }
        if (!IsEvent(f.Instance) && !f.Field.IsReadOnly && !SymbolEqualityComparer.Default.Equals(f.Field.ContainingType, _ctx.Schema))
            throw Fail(DiagnosticDescriptors.SideEffect, f.Syntax, f.Syntax.ToString(), _method.Name, "reads a mutable field of another object, so results could change between batches");
        if (!IsEvent(f.Instance))
            throw Fail(DiagnosticDescriptors.NotTranslatable, f.Syntax, $"'{f.Syntax}'", "only columns of the event parameter can be read");
        if (!_ctx.Columns.TryGetValue(f.Field.Name, out var col))
            throw Fail(DiagnosticDescriptors.UnknownColumnOrVariable, f.Syntax, f.Field.Name, _ctx.Schema.Name);
        var vt = Supported(f, f.Field.Type);
        return new Tx(new ColumnRef(f.Field.Name, vt), _ctx.ColumnUnit(col));
    }

    /// <summary><c>e.Column[k]</c> on a fixed-length array column, with a constant index or the universe parameter.</summary>
    private Tx ArrayElement(IPropertyReferenceOperation ix, IFieldReferenceOperation array)
    {
        var field = array.Field;
        if (field.Type is not INamedTypeSymbol { IsGenericType: true } named || named.OriginalDefinition.ToDisplayString() != KnownNames.FixedArray)
            throw Fail(DiagnosticDescriptors.NotTranslatable, ix.Syntax, $"'{ix.Syntax}'", "only fixed-length array columns (FixedArray<T>) can be indexed");
        int length = 0;
        bool eventMajor = false;
        foreach (var a in field.GetAttributes())
            if (a.AttributeClass?.ToDisplayString() == KnownNames.ColumnAttribute)
                foreach (var n in a.NamedArguments)
                {
                    if (n.Key == "Length" && n.Value.Value is int l) length = l;
                    if (n.Key == "Layout" && n.Value.Value is int layout) eventMajor = layout == 1;
                }
        if (length < 1)
            throw Fail(DiagnosticDescriptors.NotTranslatable, ix.Syntax, $"'{ix.Syntax}'", $"the array column '{field.Name}' declares no [Column(Length = N)]");
        var elem = Supported(ix, named.TypeArguments[0]);
        if (ix.Arguments.Length != 1)
            throw Fail(DiagnosticDescriptors.NotTranslatable, ix.Syntax, $"'{ix.Syntax}'", "an array column takes one index");
        var index = Value(ix.Arguments[0].Value).Expr;
        switch (index)
        {
            case Const { Type: ValType.Int } k when k.Value < 0 || k.Value >= length:
                throw Fail(DiagnosticDescriptors.NotTranslatable, ix.Syntax, $"'{ix.Syntax}'", $"index {k.Value.ToString(CultureInfo.InvariantCulture)} is outside 0..{(length - 1).ToString(CultureInfo.InvariantCulture)} of '{field.Name}'");
            case Const { Type: ValType.Int }:
            case VariationIndexRef { Type: ValType.Int }:
                break;
            default:
                throw Fail(DiagnosticDescriptors.NotTranslatable, ix.Arguments[0].Syntax, $"the index '{ix.Arguments[0].Syntax}'", "an array column is indexed by a constant or by the universe parameter, the same for every event");
        }
        var unit = _ctx.Columns.TryGetValue(field.Name, out var col) ? _ctx.ColumnUnit(col) : null;
        return new Tx(new ArrayElemRef(field.Name, elem, index, length, eventMajor), unit);
    }

    private Tx Parameter(IParameterReferenceOperation p)
    {
        if (_variation is not null && SymbolEqualityComparer.Default.Equals(p.Parameter, _variation))
            return new Tx(new VariationIndexRef(Supported(p, p.Parameter.Type)), null);
        if (IsEvent(p))
            throw Fail(DiagnosticDescriptors.NotTranslatable, p.Syntax, "the event itself", "read one of its columns (for example 'e.Energy') or pass it to a [Variable]");
        var t = Supported(p, p.Parameter.Type);
        return new Tx(new ParamRef(p.Parameter.Name, t), null);
    }

    private Tx Conversion(IConversionOperation c)
    {
        if (c.OperatorMethod is not null)
            throw Fail(DiagnosticDescriptors.NotTranslatable, c.Syntax, "a user-defined conversion", "it has no vector form");
        var inner = Value(c.Operand);
        var to = Supported(c, c.Type!);
        var from = inner.Expr.Type;
        if (from == to) return inner;
        bool ok = (from, to) switch
        {
            (ValType.Int, ValType.Float) or (ValType.Int, ValType.Double) or (ValType.Float, ValType.Double) or (ValType.Double, ValType.Float) => true,
            _ => false,
        };
        if (!ok)
            throw Fail(DiagnosticDescriptors.NotTranslatable, c.Syntax, $"the conversion '{c.Syntax}' from {Name(from)} to {Name(to)}", "vector code supports int→float, int→double, float→double and double→float only");
        if (inner.Expr is Const k) return new Tx(new Const(to, to == ValType.Float ? (float)k.Value : k.Value), inner.Unit);
        return new Tx(new Convert(to, inner.Expr), inner.Unit);
    }

    private Tx UnaryOp(IUnaryOperation u)
    {
        if (u.OperatorMethod is not null || u.IsLifted)
            throw Fail(DiagnosticDescriptors.NotTranslatable, u.Syntax, "a user-defined or nullable operator", "it has no vector form");
        var x = Value(u.Operand);
        switch (u.OperatorKind)
        {
            case UnaryOperatorKind.Plus: return x;
            case UnaryOperatorKind.Minus when u.IsChecked && x.Expr.Type == ValType.Int: return Checked(u, "CheckedNegate", x.Unit, x.Expr);
            case UnaryOperatorKind.Minus when x.Expr.Type != ValType.Bool: return new Tx(new Unary(UnOp.Neg, x.Expr), x.Unit);
            case UnaryOperatorKind.Not when x.Expr.Type == ValType.Bool: return new Tx(new Unary(UnOp.Not, x.Expr), null);
            default:
                throw Fail(DiagnosticDescriptors.NotTranslatable, u.Syntax, $"the operator '{u.OperatorKind}'", "it has no vector form here");
        }
    }

    private Tx BinaryOp(IBinaryOperation b)
    {
        if (b.OperatorMethod is not null || b.IsLifted)
            throw Fail(DiagnosticDescriptors.NotTranslatable, b.Syntax, "a user-defined or nullable operator", "it has no vector form");
        var l = Value(b.LeftOperand);
        var r = Value(b.RightOperand);
        var t = l.Expr.Type;
        if (t != r.Expr.Type)
            throw Fail(DiagnosticDescriptors.NotTranslatable, b.Syntax, $"'{b.Syntax}'", "its operands have different types");
        switch (b.OperatorKind)
        {
            case BinaryOperatorKind.Add:
            case BinaryOperatorKind.Subtract:
            {
                if (t == ValType.Bool) break;
                var unit = SameUnit(b, l, r, b.OperatorKind == BinaryOperatorKind.Add ? "adding them mixes units" : "subtracting them mixes units");
                if (b.IsChecked && t == ValType.Int) return Checked(b, b.OperatorKind == BinaryOperatorKind.Add ? "CheckedAdd" : "CheckedSubtract", unit, l.Expr, r.Expr);
                return new Tx(new Binary(b.OperatorKind == BinaryOperatorKind.Add ? BinOp.Add : BinOp.Sub, l.Expr, r.Expr), unit);
            }
            case BinaryOperatorKind.Multiply:
                if (t == ValType.Bool) break;
                if (b.IsChecked && t == ValType.Int) return Checked(b, "CheckedMultiply", Product(l, r, 1), l.Expr, r.Expr);
                return new Tx(new Binary(BinOp.Mul, l.Expr, r.Expr), Product(l, r, 1));
            case BinaryOperatorKind.Divide:
                if (t == ValType.Int)
                    throw Fail(DiagnosticDescriptors.NotTranslatable, b.Syntax, "integer division", "SIMD units have no integer divide; convert an operand to float (for example '(float)e.N')");
                if (t == ValType.Bool) break;
                return new Tx(new Binary(BinOp.Div, l.Expr, r.Expr), Product(l, r, -1));
            case BinaryOperatorKind.ConditionalAnd:
            case BinaryOperatorKind.And when t == ValType.Bool:
                return new Tx(new Binary(BinOp.And, l.Expr, r.Expr, b.OperatorKind == BinaryOperatorKind.ConditionalAnd), null);
            case BinaryOperatorKind.ConditionalOr:
            case BinaryOperatorKind.Or when t == ValType.Bool:
                return new Tx(new Binary(BinOp.Or, l.Expr, r.Expr, b.OperatorKind == BinaryOperatorKind.ConditionalOr), null);
            case BinaryOperatorKind.ExclusiveOr when t == ValType.Bool:
                return new Tx(new Binary(BinOp.Xor, l.Expr, r.Expr), null);
            case BinaryOperatorKind.Equals:
            case BinaryOperatorKind.NotEquals:
                if (t is ValType.Float or ValType.Double && !IsNaNSelfTest(l, r) && !IsFinitenessTest(l, r))
                    _ctx.Bag.Add(DiagnosticDescriptors.FloatEquality, b.Syntax, b.Syntax.ToString());
                SameUnit(b, l, r, "comparing them mixes units");
                return new Tx(new Compare(b.OperatorKind == BinaryOperatorKind.Equals ? CmpOp.Eq : CmpOp.Ne, l.Expr, r.Expr), null);
            case BinaryOperatorKind.LessThan:
            case BinaryOperatorKind.LessThanOrEqual:
            case BinaryOperatorKind.GreaterThan:
            case BinaryOperatorKind.GreaterThanOrEqual:
                SameUnit(b, l, r, "comparing them mixes units");
                return new Tx(new Compare(Cmp(b.OperatorKind), l.Expr, r.Expr), null);
        }
        throw Fail(DiagnosticDescriptors.NotTranslatable, b.Syntax, $"the operator '{OperatorText(b)}' on {Name(t)}", "it has no vector form");
    }

    /// <summary>Checked integer arithmetic: SIMD units wrap on overflow, so each lane runs the checked C# operation (in
    /// the generated file's lane helpers) and throws the OverflowException the C# throws, for the same events.</summary>
    private Tx Checked(IOperation at, string helper, Unit? unit, params Expr[] operands)
    {
        _ctx.AddPerLaneCall($"checked integer arithmetic '{at.Syntax}' in '{_method.Name}'", at.Syntax);
        return new Tx(new ScalarCall("NuMMLanes." + helper, ValType.Int, new EquatableArray<Expr>(operands)), unit);
    }

    private static bool IsNaNSelfTest(Tx l, Tx r) => l.Expr.Equals(r.Expr);

    /// <summary><c>x - x == 0</c> holds exactly when x is finite (NaN − NaN and ∞ − ∞ are NaN): an exact test by design.</summary>
    private static bool IsFinitenessTest(Tx l, Tx r)
    {
        static bool SelfDifference(Expr e) => e is Binary { Op: BinOp.Sub } d && d.Left.Equals(d.Right);
        static bool Zero(Expr e) => e is Const { Value: 0.0 };
        return (SelfDifference(l.Expr) && Zero(r.Expr)) || (SelfDifference(r.Expr) && Zero(l.Expr));
    }

    private static string OperatorText(IBinaryOperation b)
        => b.Syntax is BinaryExpressionSyntax bs ? bs.OperatorToken.Text : b.OperatorKind.ToString();

    private static CmpOp Cmp(BinaryOperatorKind k) => k switch
    {
        BinaryOperatorKind.LessThan => CmpOp.Lt,
        BinaryOperatorKind.LessThanOrEqual => CmpOp.Le,
        BinaryOperatorKind.GreaterThan => CmpOp.Gt,
        BinaryOperatorKind.GreaterThanOrEqual => CmpOp.Ge,
        BinaryOperatorKind.Equals => CmpOp.Eq,
        _ => CmpOp.Ne,
    };

    /// <summary>The unit of a value that two operands must share (sum, difference, comparison, Min/Max, the branches of
    /// ?:): NUMM0501 when both units are known and differ (the result's unit is then unknown, so one mistake is reported
    /// once); otherwise the known one, if any.</summary>
    private Unit? SameUnit(IOperation at, Tx l, Tx r, string why)
    {
        var (ls, rs) = at.Syntax is BinaryExpressionSyntax bs ? (bs.Left, bs.Right) : (at.Syntax, at.Syntax);
        return SameUnit(at.Syntax, ls, l, rs, r, why);
    }

    private Unit? SameUnit(SyntaxNode at, SyntaxNode left, Tx l, SyntaxNode right, Tx r, string why)
    {
        if (l.Unit is null || r.Unit is null) return l.Unit ?? r.Unit;
        if (l.Unit.Equals(r.Unit)) return l.Unit;
        _ctx.Bag.Add(DiagnosticDescriptors.UnitMismatch, at, left.ToString(), l.Unit.Phrase, right.ToString(), r.Unit.Phrase, why);
        return null;
    }

    /// <summary>The unit of <c>l * r</c> (<paramref name="power"/> 1) or <c>l / r</c> (-1). A literal is a pure number
    /// here (<c>2 * e.E</c> is in GeV); any other operand of unknown unit makes the product's unit unknown.</summary>
    private static Unit? Product(Tx l, Tx r, int power)
    {
        if (l.Expr is Const && r.Expr is Const) return null; // a product of literals is a literal
        var a = l.Unit ?? (l.Expr is Const ? Unit.Dimensionless : null);
        var b = r.Unit ?? (r.Expr is Const ? Unit.Dimensionless : null);
        if (a is null || b is null) return null;
        return power > 0 ? a.Times(b) : a.Over(b);
    }

    private Tx Pattern(IPatternOperation p, Tx value, IOperation valueOp)
    {
        switch (p)
        {
            case IRelationalPatternOperation rel when rel.Value.ConstantValue is { HasValue: true, Value: not null } cv:
                return new Tx(new Compare(Cmp(rel.OperatorKind), value.Expr, new Const(value.Expr.Type, ToDouble(cv.Value))), null);
            case IConstantPatternOperation cp when cp.Value.ConstantValue is { HasValue: true, Value: not null } cv:
                var k = ToDouble(cv.Value);
                // 'x is double.NaN' matches NaN (C# tests it with IsNaN), where 'x == double.NaN' never holds.
                if (double.IsNaN(k)) return new Tx(new Compare(CmpOp.Ne, value.Expr, value.Expr), null);
                if (value.Expr.Type is ValType.Float or ValType.Double && !IsFinitenessTest(value, new Tx(new Const(value.Expr.Type, k), null)))
                    _ctx.Bag.Add(DiagnosticDescriptors.FloatEquality, p.Syntax, $"{valueOp.Syntax} is {p.Syntax}");
                return new Tx(new Compare(CmpOp.Eq, value.Expr, new Const(value.Expr.Type, k)), null);
            case IBinaryPatternOperation bp:
                var a = Pattern(bp.LeftPattern, value, valueOp);
                var b = Pattern(bp.RightPattern, value, valueOp);
                return new Tx(new Binary(bp.OperatorKind == BinaryOperatorKind.Or ? BinOp.Or : BinOp.And, a.Expr, b.Expr), null);
            case INegatedPatternOperation np:
                return new Tx(new Unary(UnOp.Not, Pattern(np.Pattern, value, valueOp).Expr), null);
            default:
                throw Fail(DiagnosticDescriptors.NotTranslatable, p.Syntax, $"the pattern '{p.Syntax}'", "only relational (< <= > >=), constant, 'and', 'or' and 'not' patterns have vector forms");
        }
    }

    private Tx Invocation(IInvocationOperation inv)
    {
        var m = inv.TargetMethod;
        if (!m.IsStatic)
            throw Fail(DiagnosticDescriptors.SideEffect, inv.Syntax, inv.Syntax.ToString(), _method.Name, $"calls the instance method '{m.Name}', which is not known to be pure");
        // Another declaration of the analysis: inline its translated body.
        if (_ctx.IsInlinable(m))
        {
            foreach (var a in inv.Arguments)
                if (!IsEvent(a.Value))
                    throw Fail(DiagnosticDescriptors.NotTranslatable, a.Syntax, $"the argument '{a.Syntax}'", $"'{m.Name}' must be called with the event parameter '{_method.Parameters[0].Name}'");
            var inlined = _ctx.Inline(m, inv.Syntax);
            if (inlined is null) throw new AbandonTranslation();
            return inlined.Value;
        }
        var type = m.ContainingType?.ToDisplayString();
        bool isMath = type is "System.Math" or "System.MathF";
        bool isNumeric = m.ContainingType?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Int32;
        if (!IsKnownPure(m))
        {
            if (SymbolEqualityComparer.Default.Equals(m.ContainingType, _ctx.Analysis))
                throw Fail(DiagnosticDescriptors.UnknownColumnOrVariable, inv.Syntax, m.Name, _ctx.Schema.Name);
            throw Fail(DiagnosticDescriptors.SideEffect, inv.Syntax, inv.Syntax.ToString(), _method.Name, $"calls '{m.Name}', which is not marked [Pure] or [Variable]");
        }
        var args = new List<Tx>();
        // In parameter order: named arguments may be written in any order (Math.Atan2(x: a, y: b) is Atan2(b, a)).
        // Bodies are side-effect free, so evaluating in parameter order instead of source order changes nothing.
        var ordered = new List<IArgumentOperation>(inv.Arguments);
        ordered.Sort((p, q) => (p.Parameter?.Ordinal ?? 0).CompareTo(q.Parameter?.Ordinal ?? 0));
        foreach (var a in ordered)
        {
            if (a.Parameter is { RefKind: RefKind.Ref or RefKind.Out })
                throw Fail(DiagnosticDescriptors.NotTranslatable, a.Syntax, $"the argument '{a.Syntax}'", "ref and out arguments have no vector form");
            args.Add(Value(a.Value));
        }
        var ret = Supported(inv, m.ReturnType);
        if (isMath && TryMath(m.Name, args, ret, inv) is { } math) return math;
        if (isNumeric && m.Name == "IsNaN" && args.Count == 1)
            return new Tx(new Compare(CmpOp.Ne, args[0].Expr, args[0].Expr), null);
        return PerLaneCall(m, args, ret, inv, null);
    }

    /// <summary>A call of <paramref name="m"/> lane by lane (reported as NUMM0202), its value in <paramref name="unit"/>.</summary>
    private Tx PerLaneCall(IMethodSymbol m, List<Tx> args, ValType ret, IInvocationOperation inv, Unit? unit)
    {
        _ctx.AddPerLaneCall($"{m.ContainingType!.Name}.{m.Name} in '{_method.Name}'", inv.Syntax);
        var exprs = new Expr[args.Count];
        for (int i = 0; i < exprs.Length; i++) exprs[i] = args[i].Expr;
        // Explicit type arguments: H.Zero<double>() cannot be inferred from its (missing) arguments.
        var typeArguments = m.IsGenericMethod ? "<" + string.Join(", ", System.Linq.Enumerable.Select(m.TypeArguments, SymbolText.FullName)) + ">" : "";
        return new Tx(new ScalarCall(SymbolText.FullName(m.ContainingType!) + "." + Emit.Literals.Identifier(m.Name) + typeArguments, ret, new EquatableArray<Expr>(exprs)), unit);
    }

    /// <summary>Math/MathF, static members of float, double and int, and methods marked [Pure].</summary>
    private static bool IsKnownPure(IMethodSymbol m)
        => m.IsStatic && (m.ContainingType?.ToDisplayString() is "System.Math" or "System.MathF"
            || m.ContainingType?.SpecialType is SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Int32
            || SymbolText.HasAttribute(m, KnownNames.PureAttribute) || SymbolText.HasAttribute(m, KnownNames.ContractsPureAttribute));

    /// <summary>A Math/MathF call with a vector form, with the unit of its value: Abs, Floor, Ceiling, Truncate and Round
    /// keep the unit, Min and Max need one unit, Sqrt halves even powers (GeV² → GeV), FusedMultiplyAdd(a, b, c) is in
    /// the unit of a·b, which c must share, and Pow(x, 2) of a float squares.</summary>
    private Tx? TryMath(string name, List<Tx> args, ValType ret, IInvocationOperation inv)
    {
        bool fp = ret is ValType.Float or ValType.Double;
        SyntaxNode Arg(int i) => inv.Arguments.Length == args.Count ? ArgumentOf(inv, i) : inv.Syntax;
        Tx Call(MathFn fn, Unit? unit)
        {
            var e = new Expr[args.Count];
            for (int i = 0; i < e.Length; i++) e[i] = args[i].Expr;
            return new Tx(new MathCall(fn, new EquatableArray<Expr>(e)), unit);
        }
        switch (name)
        {
            case "Abs" when fp && args.Count == 1: return Call(MathFn.Abs, args[0].Unit);
            case "Sqrt" when fp && args.Count == 1: return Call(MathFn.Sqrt, args[0].Unit?.SquareRoot());
            case "Floor" when fp && args.Count == 1: return Call(MathFn.Floor, args[0].Unit);
            case "Ceiling" when fp && args.Count == 1: return Call(MathFn.Ceiling, args[0].Unit);
            case "Truncate" when fp && args.Count == 1: return Call(MathFn.Truncate, args[0].Unit);
            case "Round" when fp && args.Count == 1: return Call(MathFn.Round, args[0].Unit);
            case "Min" when (fp || ret == ValType.Int) && args.Count == 2:
                return Call(MathFn.Min, SameUnit(inv.Syntax, Arg(0), args[0], Arg(1), args[1], "the smaller of two values needs one unit"));
            case "Max" when (fp || ret == ValType.Int) && args.Count == 2:
                return Call(MathFn.Max, SameUnit(inv.Syntax, Arg(0), args[0], Arg(1), args[1], "the larger of two values needs one unit"));
            case "FusedMultiplyAdd" when fp && args.Count == 3:
                var product = new Tx(args[0].Expr, Product(args[0], args[1], 1));
                return Call(MathFn.FusedMultiplyAdd, SameUnit(inv.Syntax, inv.Syntax, product, Arg(2), args[2], "adding the product and the addend mixes units"));
            // Pow(x, 2) is x·x only where the square is exact: a double converted from a float (24 significant bits,
            // so 48 in the square). Elsewhere an exact square can fall halfway between two doubles, which x·x rounds to
            // even and the platform's pow need not (glibc 2.36 rounds 124175707² up, x·x down): the C# result is pow's,
            // so the kernel calls it per lane. Either way the value is in the square of x's unit.
            case "Pow" when fp && args.Count == 2 && args[1].Expr is Const { Value: 2.0 }:
                var square = Product(args[0], args[0], 1);
                if (ret == ValType.Double && args[0].Expr is Convert { To: ValType.Double, Operand.Type: ValType.Float })
                    return new Tx(new Binary(BinOp.Mul, args[0].Expr, args[0].Expr), square);
                return PerLaneCall(inv.TargetMethod, args, ret, inv, square);
        }
        return null;
    }

    private static bool IsSideEffect(IOperation op, out string reason)
    {
        switch (op)
        {
            case IAssignmentOperation:
                reason = "assigns a value";
                return true;
            case IIncrementOrDecrementOperation:
                reason = "changes a value with ++ or --";
                return true;
            case IObjectCreationOperation:
            case IArrayCreationOperation:
            case IAnonymousObjectCreationOperation:
            case IInterpolatedStringOperation:
            case IDelegateCreationOperation:
            case IAnonymousFunctionOperation:
                reason = "allocates memory on every event";
                return true;
            case IThrowOperation:
                reason = "throws an exception";
                return true;
            case IEventAssignmentOperation:
                reason = "subscribes to an event";
                return true;
        }
        reason = "";
        return false;
    }

    private ValType Supported(IOperation at, ITypeSymbol type)
    {
        var t = SchemaParser.ValTypeOf(type);
        if (t is null) throw Fail(DiagnosticDescriptors.UnsupportedValueType, at.Syntax, at.Syntax.ToString(), type.ToDisplayString());
        return t.Value;
    }

    private AbandonTranslation Fail(DiagnosticDescriptor d, SyntaxNode at, params string[] args)
    {
        if (d == DiagnosticDescriptors.NotTranslatable && args.Length == 2) args = new[] { args[0], _method.Name, args[1] };
        _ctx.Bag.Add(d, at, args);
        return new AbandonTranslation();
    }

    private static string Describe(IOperation op) => op switch
    {
        IConditionalOperation => "an 'if' statement",
        ILoopOperation => "a loop",
        ISwitchOperation or ISwitchExpressionOperation => "a 'switch'",
        IReturnOperation => "a 'return' without a value",
        _ => $"'{Shorten(op.Syntax.ToString())}'",
    };

    private static string Shorten(string s) => s.Length <= 60 ? s : s.Substring(0, 57) + "...";

    private static string Name(ValType t) => t switch
    {
        ValType.Bool => "bool",
        ValType.Int => "int",
        ValType.Float => "float",
        _ => "double",
    };

    /// <summary>The syntax of the argument bound to parameter <paramref name="ordinal"/> (arguments may be named and reordered).</summary>
    private static SyntaxNode ArgumentOf(IInvocationOperation inv, int ordinal)
    {
        foreach (var a in inv.Arguments)
            if (a.Parameter?.Ordinal == ordinal) return a.Value.Syntax;
        return inv.Syntax;
    }

    internal static double ToDouble(object v) => v switch
    {
        bool b => b ? 1 : 0,
        float f => f,
        double d => d,
        _ => System.Convert.ToDouble(v, CultureInfo.InvariantCulture),
    };
}
