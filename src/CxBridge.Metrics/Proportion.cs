using MathNet.Numerics.Distributions;

namespace CxBridge.Metrics;

/// <summary>Statistics of a share of successes (CSAT, PSAT, % agree).</summary>
public static class Proportion
{
    private const double Z95 = 1.96;

    /// <summary>
    /// Adjusted Wald (Agresti–Coull) 95% interval as docs/metrics.md CSAT: with z = 1.96, p̃ = (x + z²/2)/(n + z²),
    /// interval 100·(p̃ ± z·√(p̃(1 − p̃)/(n + z²))), in percent, clamped to [0, 100]. Null when n = 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n or successes negative, or successes &gt; n.</exception>
    public static Interval? AdjustedWald95(int successes, int n)
    {
        CheckCounts(successes, n);
        if (n == 0)
        {
            return null;
        }

        var trials = n + (Z95 * Z95);
        var share = (successes + (Z95 * Z95 / 2)) / trials;
        var halfWidth = Z95 * Math.Sqrt(share * (1 - share) / trials);
        return new Interval(100 * Math.Max(0, share - halfWidth), 100 * Math.Min(1, share + halfWidth));
    }

    /// <summary>
    /// Two-proportion z test with the pooled share p = (x₁ + x₂)/(n₁ + n₂):
    /// z = (x₂/n₂ − x₁/n₁)/√(p(1 − p)(1/n₁ + 1/n₂)), two-sided p from the standard normal.
    /// <see cref="ChangeTest.Delta"/> is x₂/n₂ − x₁/n₁ as a fraction 0..1 (×100 for percentage points).
    /// All fields null when either n = 0; Z and P null when the pooled share is 0 or 1 (no variation to test).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or successes &gt; n.</exception>
    public static ChangeTest Compare(int successes1, int n1, int successes2, int n2)
    {
        CheckCounts(successes1, n1);
        CheckCounts(successes2, n2);
        if (n1 == 0 || n2 == 0)
        {
            return ChangeTest.None;
        }

        var delta = ((double)successes2 / n2) - ((double)successes1 / n1);
        var pooled = (double)(successes1 + successes2) / (n1 + n2);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / n1) + (1.0 / n2)));
        if (standardError == 0)
        {
            return new ChangeTest(delta, null, null);
        }

        var z = delta / standardError;
        return new ChangeTest(delta, z, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
    }

    private static void CheckCounts(int successes, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, n);
    }
}
