using System;
using System.Numerics;

namespace NuMM.Runtime.Physics.Mixing;

/// <summary>An immutable 3×3 complex matrix (rows and columns indexed 0–2): the PMNS mixing matrix and the
/// neutrino magnetic and electric dipole moment matrices (in Bohr magnetons) in the mass basis.</summary>
public sealed class ComplexMatrix3
{
    private readonly Complex[] _m; // row-major

    private ComplexMatrix3(Complex[] elements) => _m = elements;

    /// <summary>Creates a matrix from a 3×3 array.</summary>
    /// <exception cref="ArgumentException">Not 3×3, or an element not finite (naming the element).</exception>
    public ComplexMatrix3(Complex[,] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.GetLength(0) != 3 || elements.GetLength(1) != 3)
            throw new ArgumentException($"Expected a 3×3 matrix, got {elements.GetLength(0)}×{elements.GetLength(1)}.", nameof(elements));
        _m = new Complex[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                var z = elements[i, j];
                if (!double.IsFinite(z.Real) || !double.IsFinite(z.Imaginary))
                    throw new ArgumentException($"Element [{i},{j}] = {z} is not finite.", nameof(elements));
                _m[3 * i + j] = z;
            }
    }

    /// <summary>Creates a real matrix from a 3×3 array of doubles.</summary>
    /// <exception cref="ArgumentException">Not 3×3, or an element not finite.</exception>
    public static ComplexMatrix3 FromReal(double[,] elements)
    {
        ArgumentNullException.ThrowIfNull(elements);
        if (elements.GetLength(0) != 3 || elements.GetLength(1) != 3)
            throw new ArgumentException($"Expected a 3×3 matrix, got {elements.GetLength(0)}×{elements.GetLength(1)}.", nameof(elements));
        var c = new Complex[3, 3];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) c[i, j] = elements[i, j];
        return new ComplexMatrix3(c);
    }

    /// <summary>The diagonal matrix diag(a, b, c).</summary>
    public static ComplexMatrix3 Diagonal(Complex a, Complex b, Complex c)
        => new(new Complex[,] { { a, 0, 0 }, { 0, b, 0 }, { 0, 0, c } });

    /// <summary>The zero matrix.</summary>
    public static ComplexMatrix3 Zero { get; } = new(new Complex[9]);

    /// <summary>The identity matrix.</summary>
    public static ComplexMatrix3 Identity { get; } = Diagonal(1, 1, 1);

    /// <summary>Element in row <paramref name="row"/>, column <paramref name="column"/> (0-based).</summary>
    public Complex this[int row, int column]
    {
        get
        {
            if ((uint)row > 2) throw new ArgumentOutOfRangeException(nameof(row), row, "Row must be 0, 1 or 2.");
            if ((uint)column > 2) throw new ArgumentOutOfRangeException(nameof(column), column, "Column must be 0, 1 or 2.");
            return _m[3 * row + column];
        }
    }

    /// <summary>Matrix product.</summary>
    public static ComplexMatrix3 operator *(ComplexMatrix3 a, ComplexMatrix3 b)
    {
        var r = new Complex[9];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                Complex s = 0;
                for (int k = 0; k < 3; k++) s += a._m[3 * i + k] * b._m[3 * k + j];
                r[3 * i + j] = s;
            }
        return new ComplexMatrix3(r);
    }

    /// <summary>Element-wise sum.</summary>
    public static ComplexMatrix3 operator +(ComplexMatrix3 a, ComplexMatrix3 b) => Map(a, b, static (x, y) => x + y);

    /// <summary>Element-wise difference.</summary>
    public static ComplexMatrix3 operator -(ComplexMatrix3 a, ComplexMatrix3 b) => Map(a, b, static (x, y) => x - y);

    /// <summary>Scalar multiple.</summary>
    public static ComplexMatrix3 operator *(Complex s, ComplexMatrix3 a) => Map(a, a, (x, _) => s * x);

    /// <summary>Conjugate transpose (hermitian adjoint) A†.</summary>
    public ComplexMatrix3 Adjoint()
    {
        var r = new Complex[9];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) r[3 * i + j] = Complex.Conjugate(_m[3 * j + i]);
        return new ComplexMatrix3(r);
    }

    /// <summary>Element-wise complex conjugate A* (not transposed).</summary>
    public ComplexMatrix3 Conjugate() => Map(this, this, static (x, _) => Complex.Conjugate(x));

    /// <summary>True when ‖A − A†‖_max ≤ <paramref name="relativeTolerance"/> × ‖A‖_max.</summary>
    public bool IsHermitian(double relativeTolerance = 1e-12)
    {
        double scale = 0, diff = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                scale = Math.Max(scale, Complex.Abs(_m[3 * i + j]));
                diff = Math.Max(diff, Complex.Abs(_m[3 * i + j] - Complex.Conjugate(_m[3 * j + i])));
            }
        return diff <= relativeTolerance * scale;
    }

    /// <summary>True when A A† = 1 to within <paramref name="tolerance"/> element-wise.</summary>
    public bool IsUnitary(double tolerance = 1e-12)
    {
        var p = this * Adjoint();
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
                if (Complex.Abs(p[i, j] - (i == j ? 1 : 0)) > tolerance) return false;
        return true;
    }

    private static ComplexMatrix3 Map(ComplexMatrix3 a, ComplexMatrix3 b, Func<Complex, Complex, Complex> f)
    {
        var r = new Complex[9];
        for (int i = 0; i < 9; i++) r[i] = f(a._m[i], b._m[i]);
        return new ComplexMatrix3(r);
    }
}
