using System;

namespace NuMM.Dsl;

/// <summary>Books a 1-D histogram on an <see cref="AnalysisAttribute"/> class, filled with the events that pass
/// every cut, weighted by the product of the declared weights. Give either <see cref="Bins"/>, <see cref="Min"/>
/// and <see cref="Max"/> (regular binning) or <see cref="Edges"/> (variable binning).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class HistogramAttribute : Attribute
{
    /// <summary>Books a histogram.</summary>
    /// <param name="name">The histogram's name in the result; unique within the analysis.</param>
    /// <param name="variable">The name of a <see cref="VariableAttribute"/> method or of a schema column.</param>
    public HistogramAttribute(string name, string variable)
    {
        Name = name;
        Variable = variable;
    }

    /// <summary>The histogram's name.</summary>
    public string Name { get; }

    /// <summary>The variable or column on the axis.</summary>
    public string Variable { get; }

    /// <summary>The number of equal-width bins (regular binning).</summary>
    public int Bins { get; set; }

    /// <summary>The lower edge of the first bin, in the variable's unit.</summary>
    public double Min { get; set; }

    /// <summary>The upper edge of the last bin, in the variable's unit.</summary>
    public double Max { get; set; }

    /// <summary>Strictly increasing bin edges, in the variable's unit (variable binning).</summary>
    public double[]? Edges { get; set; }
}

/// <summary>Books a 2-D histogram on an <see cref="AnalysisAttribute"/> class (see <see cref="HistogramAttribute"/>);
/// each axis takes either bins, min and max or edges.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class Histogram2DAttribute : Attribute
{
    /// <summary>Books a 2-D histogram.</summary>
    /// <param name="name">The histogram's name in the result; unique within the analysis.</param>
    /// <param name="xVariable">The variable or column on the x axis.</param>
    /// <param name="yVariable">The variable or column on the y axis.</param>
    public Histogram2DAttribute(string name, string xVariable, string yVariable)
    {
        Name = name;
        XVariable = xVariable;
        YVariable = yVariable;
    }

    /// <summary>The histogram's name.</summary>
    public string Name { get; }

    /// <summary>The variable or column on the x axis.</summary>
    public string XVariable { get; }

    /// <summary>The variable or column on the y axis.</summary>
    public string YVariable { get; }

    /// <summary>Equal-width bins on x.</summary>
    public int XBins { get; set; }

    /// <summary>Lower edge of x, in the x variable's unit.</summary>
    public double XMin { get; set; }

    /// <summary>Upper edge of x, in the x variable's unit.</summary>
    public double XMax { get; set; }

    /// <summary>Strictly increasing x edges (variable binning).</summary>
    public double[]? XEdges { get; set; }

    /// <summary>Equal-width bins on y.</summary>
    public int YBins { get; set; }

    /// <summary>Lower edge of y, in the y variable's unit.</summary>
    public double YMin { get; set; }

    /// <summary>Upper edge of y, in the y variable's unit.</summary>
    public double YMax { get; set; }

    /// <summary>Strictly increasing y edges (variable binning).</summary>
    public double[]? YEdges { get; set; }
}
