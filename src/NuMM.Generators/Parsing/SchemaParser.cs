using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NuMM.Generators.Diagnostics;
using NuMM.Generators.Model;

namespace NuMM.Generators.Parsing;

/// <summary>Reads an <c>[EventSchema]</c> struct into a <see cref="SchemaSpec"/>.</summary>
internal static class SchemaParser
{
    public static SchemaParseResult Parse(GeneratorAttributeSyntaxContext ctx, CancellationToken ct)
    {
        var bag = new DiagnosticBag();
        if (ctx.TargetSymbol is not INamedTypeSymbol type) return new SchemaParseResult(null, bag.ToArray());
        var spec = TryParse(type, bag, ct, report: true);
        if (spec is not null && ctx.SemanticModel.Compilation.GetTypeByMetadataName(KnownNames.ColumnBatchInterface) is null)
        {
            bag.Add(DiagnosticDescriptors.RuntimeNotReferenced, SymbolText.NameLocation(type), type.Name);
            spec = null;
        }
        return new SchemaParseResult(bag.HasErrors ? null : spec, bag.ToArray());
    }

    /// <summary>Parses the schema; <paramref name="report"/> false when an analysis reads it (the schema's own
    /// pipeline reports its problems once).</summary>
    public static SchemaSpec? TryParse(INamedTypeSymbol type, DiagnosticBag bag, CancellationToken ct, bool report)
    {
        var local = report ? bag : new DiagnosticBag();
        if (type.TypeKind != TypeKind.Struct || type.IsRecord || type.IsRefLikeType || !IsPartial(type))
            local.Add(DiagnosticDescriptors.SchemaNotPartialStruct, SymbolText.NameLocation(type), type.Name);
        else if (type.IsGenericType || type.ContainingType is not null)
            local.Add(DiagnosticDescriptors.UnsupportedTypeShape, SymbolText.NameLocation(type), type.Name);
        var columns = new List<ColumnSpec>();
        foreach (var member in type.GetMembers())
        {
            ct.ThrowIfCancellationRequested();
            if (member is not IFieldSymbol field || field.IsStatic || field.IsConst || field.IsImplicitlyDeclared) continue;
            var attr = SymbolText.GetAttribute(field, KnownNames.ColumnAttribute);
            string unit = "", source = field.Name;
            bool finite = false;
            int? length = null;
            int layout = 0;
            if (attr is not null)
            {
                foreach (var named in attr.NamedArguments)
                {
                    switch (named.Key)
                    {
                        case "Unit" when named.Value.Value is string u: unit = u.Trim(); break;
                        case "Source" when named.Value.Value is string s && s.Length > 0: source = s; break;
                        case "Finite" when named.Value.Value is bool b: finite = b; break;
                        case "Length" when named.Value.Value is int n: length = n; break;
                        case "Layout" when named.Value.Value is int l: layout = l; break;
                    }
                }
            }
            var column = ParseColumnType(field, attr, length, local);
            if (column is null) continue;
            if (layout is not (0 or 1))
            {
                local.Add(DiagnosticDescriptors.LayoutOnScalarColumn, NamedLocation(field, attr, "Layout"), field.Name, layout.ToString(CultureInfo.InvariantCulture), "it is not a member of NuMM.Dsl.ArrayLayout (ElementMajor or EventMajor)");
                continue;
            }
            if (layout == 1 && column.Value.Length == 0)
            {
                local.Add(DiagnosticDescriptors.LayoutOnScalarColumn, NamedLocation(field, attr, "Layout"), field.Name, "ArrayLayout.EventMajor", $"only FixedArray<T> columns have a layout (a '{field.Type.ToDisplayString()}' column holds one value per event); drop Layout");
                continue;
            }
            if (System.Array.IndexOf(BatchMembers, field.Name) >= 0 || field.Name.StartsWith("__numm_", System.StringComparison.Ordinal))
            {
                local.Add(DiagnosticDescriptors.NameCollision, SymbolText.NameLocation(field), "Column", field.Name, $"the member '{field.Name}' of the batch type");
                continue;
            }
            columns.Add(new ColumnSpec(field.Name, column.Value.CSharpType, column.Value.Kind, unit, source, finite, column.Value.Length, layout == 1));
        }
        if (columns.Count == 0 && !local.HasErrors)
            local.Add(DiagnosticDescriptors.SchemaWithoutColumns, SymbolText.NameLocation(type), type.Name);
        if (local.HasErrors) return null;
        return new SchemaSpec(SymbolText.Namespace(type), type.Name, SymbolText.FullName(type), new EquatableArray<ColumnSpec>(columns.ToArray()));
    }

    /// <summary>Members of the generated struct part and its <c>Batch</c> class that a column (a field of the struct and a
    /// property of the batch) cannot share a name with.</summary>
    private static readonly string[] BatchMembers = { "Batch", "Length", "Capacity", "Columns", "Schema", "Set", "Column", "As", "ValidateFinite", "View", "IsView", "NoArray", "_length", "s_columns" };

    /// <summary>The largest <c>[Column(Length = N)]</c>: values per event of one array column (docs/diagnostics.md, NUMM0207;
    /// equals <c>NuMM.Runtime.Data.ColumnInfo.MaxLength</c>).</summary>
    public const int MaxArrayLength = 10_000;

    private const string FixedArrayDefinition = "NuMM.Runtime.Data.FixedArray<T>";

    /// <summary>The C# type of one value, its <c>ColumnType</c> member and its length (0 for a scalar field) of a schema
    /// field, or null after reporting why the field cannot be a column.</summary>
    private static (string CSharpType, string Kind, int Length)? ParseColumnType(IFieldSymbol field, AttributeData? attr, int? length, DiagnosticBag bag)
    {
        if (field.Type is INamedTypeSymbol { Arity: 1 } array && array.OriginalDefinition.ToDisplayString() == FixedArrayDefinition)
        {
            var element = array.TypeArguments[0];
            var elementKind = ColumnKind(element);
            bool ok = true;
            if (elementKind is null)
            {
                bag.Add(DiagnosticDescriptors.UnsupportedArrayElementType, SymbolText.NameLocation(field), field.Name, element.ToDisplayString());
                ok = false;
            }
            if (length is null)
            {
                bag.Add(DiagnosticDescriptors.ArrayColumnWithoutLength, SymbolText.NameLocation(field), field.Name, element.ToDisplayString(), MaxArrayLength.ToString(CultureInfo.InvariantCulture));
                ok = false;
            }
            else if (length < 1 || length > MaxArrayLength)
            {
                bag.Add(DiagnosticDescriptors.ArrayLengthOutOfRange, LengthLocation(field, attr), field.Name, length.Value.ToString(CultureInfo.InvariantCulture), MaxArrayLength.ToString(CultureInfo.InvariantCulture));
                ok = false;
            }
            return ok ? (element.ToDisplayString(), elementKind!, length!.Value) : null;
        }
        var kind = ColumnKind(field.Type);
        if (kind is null)
        {
            bag.Add(DiagnosticDescriptors.UnsupportedColumnType, SymbolText.NameLocation(field), field.Name, field.Type.ToDisplayString());
            return null;
        }
        if (length is { } n && n != 0)
        {
            bag.Add(DiagnosticDescriptors.LengthOnScalarColumn, LengthLocation(field, attr), field.Name, field.Type.ToDisplayString(), n.ToString(CultureInfo.InvariantCulture));
            return null;
        }
        return (field.Type.ToDisplayString(), kind, 0);
    }

    /// <summary>The <c>Length = …</c> argument of a field's [Column], else the field's name.</summary>
    private static Location? LengthLocation(IFieldSymbol field, AttributeData? attr) => NamedLocation(field, attr, "Length");

    /// <summary>The <c><paramref name="name"/> = …</c> argument of a field's [Column], else the field's name.</summary>
    private static Location? NamedLocation(IFieldSymbol field, AttributeData? attr, string name)
    {
        if (attr?.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList: { } list })
            foreach (var arg in list.Arguments)
                if (arg.NameEquals?.Name.Identifier.ValueText == name) return arg.GetLocation();
        return SymbolText.NameLocation(field);
    }

    public static bool IsPartial(INamedTypeSymbol type)
    {
        foreach (var r in type.DeclaringSyntaxReferences)
            if (r.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax t)
                foreach (var m in t.Modifiers)
                    if (m.Text == "partial") return true;
        return false;
    }

    /// <summary>The <c>NuMM.Runtime.Data.ColumnType</c> member for a field type, or null when unsupported.</summary>
    public static string? ColumnKind(ITypeSymbol t) => t.SpecialType switch
    {
        SpecialType.System_Boolean => "Boolean",
        SpecialType.System_SByte => "SByte",
        SpecialType.System_Byte => "Byte",
        SpecialType.System_Int16 => "Int16",
        SpecialType.System_UInt16 => "UInt16",
        SpecialType.System_Int32 => "Int32",
        SpecialType.System_UInt32 => "UInt32",
        SpecialType.System_Int64 => "Int64",
        SpecialType.System_UInt64 => "UInt64",
        SpecialType.System_Single => "Single",
        SpecialType.System_Double => "Double",
        _ => null,
    };

    /// <summary>The value type bodies compute with for a C# type, or null.</summary>
    public static ValType? ValTypeOf(ITypeSymbol? t) => t?.SpecialType switch
    {
        SpecialType.System_Boolean => ValType.Bool,
        SpecialType.System_Int32 => ValType.Int,
        SpecialType.System_Single => ValType.Float,
        SpecialType.System_Double => ValType.Double,
        _ => null,
    };
}
