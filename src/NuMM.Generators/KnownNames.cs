namespace NuMM.Generators;

/// <summary>Metadata names of the DSL attributes and the runtime types the generated code uses.</summary>
internal static class KnownNames
{
    public const string EventSchemaAttribute = "NuMM.Dsl.EventSchemaAttribute";
    public const string ColumnAttribute = "NuMM.Dsl.ColumnAttribute";
    public const string AnalysisAttribute = "NuMM.Dsl.AnalysisAttribute";
    public const string CutAttribute = "NuMM.Dsl.CutAttribute";
    public const string VariableAttribute = "NuMM.Dsl.VariableAttribute";
    public const string WeightAttribute = "NuMM.Dsl.WeightAttribute";
    public const string PureAttribute = "NuMM.Dsl.PureAttribute";
    public const string HistogramAttribute = "NuMM.Dsl.HistogramAttribute";
    public const string Histogram2DAttribute = "NuMM.Dsl.Histogram2DAttribute";
    public const string ShiftAttribute = "NuMM.Dsl.ShiftAttribute";
    public const string KnobAttribute = "NuMM.Dsl.KnobAttribute";
    public const string UniversesAttribute = "NuMM.Dsl.UniversesAttribute";
    public const string FixedArray = "NuMM.Runtime.Data.FixedArray<T>";
    public const string ContractsPureAttribute = "System.Diagnostics.Contracts.PureAttribute";
    public const string ColumnBatchInterface = "NuMM.Runtime.Data.IColumnBatch";
    public const string AnalysisResult = "NuMM.Runtime.Selection.AnalysisResult";
}
