namespace NuMM.Examples.NuOnE.Simulation;

/// <summary>The random draws the simulation needs, over a seeded <see cref="Random"/> (the same seed gives the same
/// sequence on every machine).</summary>
internal sealed class Sampler(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Uniform in [0, 1).</summary>
    public double Uniform() => _random.NextDouble();

    /// <summary>Uniform integer in [0, n).</summary>
    public int Next(int n) => _random.Next(n);

    /// <summary>Standard normal (Box–Muller).</summary>
    public double Gaussian()
    {
        double u1 = 1.0 - _random.NextDouble(), u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Exponential with the given mean.</summary>
    public double Exponential(double mean) => -mean * Math.Log(1.0 - _random.NextDouble());

    /// <summary>Gamma with integer shape <paramref name="k"/> and scale <paramref name="theta"/> (a sum of k exponentials).</summary>
    public double Gamma(int k, double theta)
    {
        double sum = 0;
        for (int i = 0; i < k; i++) sum += Exponential(theta);
        return sum;
    }
}
