using MathNet.Numerics.Distributions;

namespace CxBridge.Metrics;

/// <summary>
/// Mean of a sample with its sample standard deviation and Student t 95% interval.
/// Mean null when n = 0; standard deviation and interval null when n &lt; 2.
/// </summary>
public sealed record MeanSummary(int N, double? Mean, double? StandardDeviation, Interval? Interval95)
{
    /// <summary>
    /// From the aggregates SQL returns (count, sum, sum of squares): mean = sum/n; sample SD
    /// √((Σx² − (Σx)²/n)/(n − 1)); interval mean ± t(0.975, n − 1)·SD/√n.
    /// n = 0 → mean, SD and interval null; n = 1 → mean only.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n is negative.</exception>
    public static MeanSummary FromSums(int n, double sum, double sumOfSquares)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        if (n == 0)
        {
            return new MeanSummary(0, null, null, null);
        }

        var mean = sum / n;
        if (n == 1)
        {
            return new MeanSummary(1, mean, null, null);
        }

        // Rounding in Σx² − (Σx)²/n can dip just below zero when every value is equal.
        var variance = Math.Max(0, (sumOfSquares - (sum * sum / n)) / (n - 1));
        var sd = Math.Sqrt(variance);
        var halfWidth = StudentT.InvCDF(0, 1, n - 1, 0.975) * sd / Math.Sqrt(n);
        return new MeanSummary(n, mean, sd, new Interval(mean - halfWidth, mean + halfWidth));
    }
}

/// <summary>Tests on means.</summary>
public static class Means
{
    /// <summary>
    /// Welch t test of b against a: t = (mean_b − mean_a)/√(s_a²/n_a + s_b²/n_b) with Welch–Satterthwaite
    /// degrees of freedom; two-sided p from Student t. <see cref="ChangeTest.Delta"/> is mean_b − mean_a
    /// in the unit of the values; <see cref="ChangeTest.Z"/> holds t.
    /// All fields null when either n &lt; 2; Z and P null when both standard deviations are 0.
    /// </summary>
    public static ChangeTest Compare(MeanSummary a, MeanSummary b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a is not { N: >= 2, Mean: { } meanA, StandardDeviation: { } sdA }
            || b is not { N: >= 2, Mean: { } meanB, StandardDeviation: { } sdB })
        {
            return ChangeTest.None;
        }

        var delta = meanB - meanA;
        var varianceA = sdA * sdA / a.N;
        var varianceB = sdB * sdB / b.N;
        var standardError = Math.Sqrt(varianceA + varianceB);
        if (standardError == 0)
        {
            return new ChangeTest(delta, null, null);
        }

        var degreesOfFreedom = Math.Pow(varianceA + varianceB, 2)
            / ((varianceA * varianceA / (a.N - 1)) + (varianceB * varianceB / (b.N - 1)));
        var t = delta / standardError;
        return new ChangeTest(delta, t, 2 * StudentT.CDF(0, 1, degreesOfFreedom, -Math.Abs(t)));
    }
}
