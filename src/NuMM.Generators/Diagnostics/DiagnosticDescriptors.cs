using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace NuMM.Generators.Diagnostics;

/// <summary>Every diagnostic the generator reports. Ids appear only here; docs/diagnostics.md explains each.</summary>
internal static class DiagnosticDescriptors
{
    private const string Shape = "NuMM.Analysis";
    private const string Cuts = "NuMM.Cuts";
    private const string Variables = "NuMM.Variables";
    private const string Weights = "NuMM.Weights";
    private const string Histograms = "NuMM.Histograms";
    private const string Units = "NuMM.Units";
    private const string Purity = "NuMM.Purity";
    private const string Environment = "NuMM.Environment";
    private const string Systematics = "NuMM.Systematics";

    public static readonly DiagnosticDescriptor CutSignature = Error("NUMM0001", "Cut has the wrong signature",
        "Cut '{0}' must be declared 'static bool {0}(in {1} e)'", Shape);
    public static readonly DiagnosticDescriptor VariableSignature = Error("NUMM0002", "Variable has the wrong signature",
        "Variable '{0}' must be declared 'static float|double|int {0}(in {1} e)'", Shape);
    public static readonly DiagnosticDescriptor DuplicateCutOrder = Error("NUMM0003", "Two cuts share an order",
        "Cut order {0} is used by both '{1}' and '{2}'; give every cut its own position in the cut flow", Shape);
    public static readonly DiagnosticDescriptor DuplicateCutName = Error("NUMM0004", "Two cuts share a name",
        "Cut name '{0}' is used by both '{1}' and '{2}'; cut-flow rows need distinct names", Shape);
    public static readonly DiagnosticDescriptor AnalysisNotPartial = Error("NUMM0005", "Analysis class is not partial",
        "Analysis class '{0}' must be declared 'partial' so the generator can add its kernel", Shape);
    public static readonly DiagnosticDescriptor UnsupportedTypeShape = Error("NUMM0006", "Generic or nested analysis or schema",
        "'{0}' must not be generic or nested in another type; declare it directly in a namespace", Shape);
    public static readonly DiagnosticDescriptor SchemaNotEventSchema = Error("NUMM0007", "Analysis reads a type that is not an event schema",
        "Analysis '{0}' reads '{1}', which is not a struct marked [EventSchema]", Shape);
    public static readonly DiagnosticDescriptor SchemaNotPartialStruct = Error("NUMM0008", "Event schema is not a partial struct",
        "Event schema '{0}' must be declared 'partial struct' so the generator can add its batch type", Shape);
    public static readonly DiagnosticDescriptor SchemaWithoutColumns = Error("NUMM0009", "Event schema has no columns",
        "Event schema '{0}' declares no instance fields; every column is a field such as 'public float Energy;'", Shape);
    public static readonly DiagnosticDescriptor EmptyCutName = Error("NUMM0010", "Cut has no name",
        "Cut '{0}' needs a non-empty name for the cut-flow table", Shape);

    public static readonly DiagnosticDescriptor NameCollision = Error("NUMM0011", "Name collides with generated code",
        "{0} '{1}' collides with {2} that the generator adds; rename it", Shape);

    public static readonly DiagnosticDescriptor DeclarationOutsideAnalysis = Error("NUMM0012", "Declaration outside an analysis",
        "'{0}' is marked [{1}] but '{2}' is not an [Analysis] class, so nothing is generated for it; move it into the analysis class", Shape);
    public static readonly DiagnosticDescriptor AnalysisNotClass = Error("NUMM0013", "Analysis is not a class",
        "'{0}' is marked [Analysis] but is a {1}; an analysis is a 'static partial class' (or a partial class or record class)", Shape);

    public static readonly DiagnosticDescriptor UnknownColumnOrVariable = Error("NUMM0101", "Unknown column or variable",
        "'{0}' is neither a column of '{1}' nor a [Variable] of the analysis", Cuts);
    public static readonly DiagnosticDescriptor CutNeverPasses = Error("NUMM0102", "Cut can never pass",
        "Cut '{0}' can never pass: {1}", Cuts);
    public static readonly DiagnosticDescriptor CutRedundant = Warning("NUMM0103", "Cut is redundant",
        "Cut '{0}' never removes an event that passed cut '{1}': {2} already holds; remove or tighten it", Cuts);
    public static readonly DiagnosticDescriptor CutRemovesEverything = Warning("NUMM0105", "Cut removes every event the earlier cuts leave",
        "Cut '{0}' removes every event that passes {1}: {2}; every later cut-flow row and every histogram stays empty", Cuts);
    public static readonly DiagnosticDescriptor FloatEquality = Warning("NUMM0104", "Exact comparison of floating-point values",
        "'{0}' tests floating-point values for exact (in)equality, which rounding rarely satisfies; compare with a range instead", Cuts);

    public static readonly DiagnosticDescriptor UnsupportedColumnType = Error("NUMM0201", "Unsupported column type",
        "Column '{0}' has type '{1}'; schema columns must be bool, sbyte, byte, short, ushort, int, uint, long, ulong, float or double", Variables);
    public static readonly DiagnosticDescriptor ArrayColumnWithoutLength = Error("NUMM0205", "Array column without a length",
        "Column '{0}' is a FixedArray<{1}> but gives no length; declare the values per event with [Column(Length = N)], 1 ≤ N ≤ {2}", Variables);
    public static readonly DiagnosticDescriptor LengthOnScalarColumn = Error("NUMM0206", "Length on a column that is not an array",
        "Column '{0}' has type '{1}' but declares Length = {2}; only FixedArray<T> columns hold several values per event (declare it 'FixedArray<{1}>', or drop Length)", Variables);
    public static readonly DiagnosticDescriptor ArrayLengthOutOfRange = Error("NUMM0207", "Array column length out of range",
        "Column '{0}' declares Length = {1}; an array column holds 1 to {2} values per event", Variables);
    public static readonly DiagnosticDescriptor UnsupportedArrayElementType = Error("NUMM0208", "Unsupported array element type",
        "Array column '{0}' has elements of type '{1}'; FixedArray<T> columns hold bool, sbyte, byte, short, ushort, int, uint, long, ulong, float or double", Variables);
    public static readonly DiagnosticDescriptor LayoutOnScalarColumn = Error("NUMM0209", "Array layout on a column that is not an array, or not an ArrayLayout",
        "Column '{0}' declares Layout = {1}; {2}", Variables);
    public static readonly DiagnosticDescriptor ScalarPerLane = Info("NUMM0202", "Per-event scalar calls in the vector loop",
        "Analysis '{0}' makes {1} per-event scalar {2} inside the vector loop (no vector form; each runs once per event lane, for the events the C# runs it for): {3}", Variables);
    public static readonly DiagnosticDescriptor NotTranslatable = Error("NUMM0203", "Body cannot be translated to vector code",
        "The generator cannot translate {0} in '{1}': {2}", Variables);
    public static readonly DiagnosticDescriptor UnsupportedValueType = Error("NUMM0204", "Unsupported value type in a body",
        "'{0}' has type '{1}'; cut, variable and weight bodies compute with bool, int, float and double only", Variables);

    public static readonly DiagnosticDescriptor WeightSignature = Error("NUMM0301", "Weight has the wrong signature",
        "Weight '{0}' must be declared 'static float|double {0}(in {1} e, …)' with optional run-time parameters after the event", Weights);
    public static readonly DiagnosticDescriptor WeightParameterType = Error("NUMM0302", "Unsupported weight parameter",
        "Parameter '{0}' of weight '{1}' is declared '{2}'; run-time parameters are double, float or int passed by value (no 'in', 'ref' or 'out')", Weights);
    public static readonly DiagnosticDescriptor WeightParameterConflict = Error("NUMM0303", "Conflicting weight parameters",
        "Parameter '{0}' is declared as '{1}' in one weight and '{2}' in another; a kernel parameter needs one type and default", Weights);

    public static readonly DiagnosticDescriptor HistogramNoBins = Error("NUMM0401", "Histogram axis has no bins",
        "Histogram '{0}' needs at least one bin on its {1} axis; got {2}", Histograms);
    public static readonly DiagnosticDescriptor HistogramEmptyRange = Error("NUMM0402", "Histogram axis range is empty",
        "Histogram '{0}' needs a finite {1}-axis minimum below its maximum; got min {2}, max {3}", Histograms);
    public static readonly DiagnosticDescriptor HistogramEdgesNotIncreasing = Error("NUMM0403", "Histogram edges are not increasing",
        "Histogram '{0}' needs at least two finite, strictly increasing {1}-axis edges; {2}", Histograms);
    public static readonly DiagnosticDescriptor HistogramUnknownVariable = Error("NUMM0404", "Histogram of an unknown variable",
        "Histogram '{0}' fills '{1}', which is neither a [Variable] of the analysis nor a numeric column of '{2}'", Histograms);
    public static readonly DiagnosticDescriptor DuplicateHistogramName = Error("NUMM0405", "Two histograms share a name",
        "Histogram name '{0}' is booked twice; results look histograms up by name", Histograms);
    public static readonly DiagnosticDescriptor HistogramNoName = Error("NUMM0407", "Histogram has no name or quantity",
        "Histogram {0} is null; give the histogram a name and the variable or column it fills", Histograms);
    public static readonly DiagnosticDescriptor HistogramOutsideCuts = Warning("NUMM0408", "Histogram axis outside the window the cuts allow",
        "Histogram '{0}' is filled for events passing every cut, but none of them has its {1}-axis quantity '{2}' in [{3}, {4}){5}; every entry lands in the underflow or overflow", Histograms);
    public static readonly DiagnosticDescriptor HistogramAmbiguousBinning = Error("NUMM0406", "Histogram gives two binnings",
        "Histogram '{0}' gives both edges and bins/min/max on its {1} axis; keep one", Histograms);

    public static readonly DiagnosticDescriptor UnitMismatch = Warning("NUMM0501", "Quantities of different units combined",
        "'{0}' is {1} but '{2}' is {3}; {4}", Units);
    public static readonly DiagnosticDescriptor DeclaredUnitMismatch = Warning("NUMM0502", "Declared unit differs from the body's unit",
        "Variable '{0}' is declared {1} but its body computes a value {2} ('{3}'); declare the unit the body computes, or fix the body", Units);

    public static readonly DiagnosticDescriptor SideEffect = Error("NUMM0601", "Side effect in a body",
        "'{0}' in '{1}' {2}; cut, variable and weight bodies must be side-effect-free expressions", Purity);

    public static readonly DiagnosticDescriptor RuntimeNotReferenced = Error("NUMM0902", "NuMM.Runtime is not referenced",
        "'{0}' needs the NuMM.Runtime library; add a reference to it", Environment);

    public static readonly DiagnosticDescriptor InternalError = Error("NUMM0903", "The NuMM generator failed",
        "The NuMM generator failed on '{0}' ({1}); no kernel was generated. Please report this with the declaration.", Environment);

    public static readonly DiagnosticDescriptor SystematicSignature = Error("NUMM0701", "Systematic has the wrong signature",
        "'{0}' must be declared '{1}'", Systematics);
    public static readonly DiagnosticDescriptor UnknownShiftedColumn = Error("NUMM0702", "Shift of an unknown column",
        "Shift '{0}' moves '{1}', which is not a column of '{2}'{3}", Systematics);
    public static readonly DiagnosticDescriptor ShiftUnused = Warning("NUMM0703", "Shifted column is read by nothing",
        "Shift '{0}' moves column '{1}', which no cut, weight or histogram of the analysis reads; its variations equal the nominal result", Systematics);
    public static readonly DiagnosticDescriptor UniverseCount = Error("NUMM0704", "Universe count out of range",
        "Universes '{0}' declares {1} universes; give 1 to {2}", Systematics);
    public static readonly DiagnosticDescriptor SigmaPoints = Error("NUMM0705", "Bad σ points",
        "Systematic '{0}': the σ points {1}", Systematics);
    public static readonly DiagnosticDescriptor DuplicateSystematicName = Error("NUMM0706", "Two systematics share a name",
        "Systematic name '{0}' is used by both '{1}' and '{2}'; every variation needs its own name (only [Shift]s that move different columns together may share one)", Systematics);
    public static readonly DiagnosticDescriptor ShiftChangesUnit = Error("NUMM0707", "Shift changes the column's unit",
        "Shift '{0}' returns a value {1} for column '{2}', which is {3}", Systematics);
    public static readonly DiagnosticDescriptor ShiftNotSupported = Error("NUMM0708", "Column cannot be shifted",
        "Shift '{0}' cannot move column '{1}': {2}", Systematics);
    public static readonly DiagnosticDescriptor UniverseBeyondArray = Error("NUMM0709", "Universe index beyond the array",
        "Universes '{0}' declares {1} universes but reads element [{2}] of the array column '{3}', which holds {4} values per event", Systematics);
    public static readonly DiagnosticDescriptor UnknownCutFlowMode = Error("NUMM0710", "Unknown cut-flow mode",
        "Weight variation '{0}' sets CutFlow = {1}, which is not a VariationCutFlow value; use VariationCutFlow.Full or VariationCutFlow.FinalOnly", Systematics);

    /// <summary>All descriptors, for lookup by id.</summary>
    public static readonly IReadOnlyList<DiagnosticDescriptor> All = new[]
    {
        CutSignature, VariableSignature, DuplicateCutOrder, DuplicateCutName, AnalysisNotPartial, UnsupportedTypeShape,
        SchemaNotEventSchema, SchemaNotPartialStruct, SchemaWithoutColumns, EmptyCutName, NameCollision, DeclarationOutsideAnalysis, AnalysisNotClass, HistogramNoName,
        UnknownColumnOrVariable, CutNeverPasses, CutRedundant, FloatEquality, CutRemovesEverything,
        UnsupportedColumnType, ScalarPerLane, NotTranslatable, UnsupportedValueType,
        ArrayColumnWithoutLength, LengthOnScalarColumn, ArrayLengthOutOfRange, UnsupportedArrayElementType, LayoutOnScalarColumn,
        WeightSignature, WeightParameterType, WeightParameterConflict,
        HistogramNoBins, HistogramEmptyRange, HistogramEdgesNotIncreasing, HistogramUnknownVariable,
        DuplicateHistogramName, HistogramAmbiguousBinning, HistogramOutsideCuts,
        UnitMismatch, DeclaredUnitMismatch, SideEffect, RuntimeNotReferenced, InternalError,
        SystematicSignature, UnknownShiftedColumn, ShiftUnused, UniverseCount, SigmaPoints, DuplicateSystematicName,
        ShiftChangesUnit, ShiftNotSupported, UniverseBeyondArray, UnknownCutFlowMode,
    };

    public static DiagnosticDescriptor ById(string id)
    {
        foreach (var d in All) if (d.Id == id) return d;
        return NotTranslatable;
    }

    private static DiagnosticDescriptor Error(string id, string title, string message, string category)
        => new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true);

    private static DiagnosticDescriptor Warning(string id, string title, string message, string category)
        => new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true);

    private static DiagnosticDescriptor Info(string id, string title, string message, string category)
        => new(id, title, message, category, DiagnosticSeverity.Info, isEnabledByDefault: true);
}
