namespace CxBridge.Metrics;

/// <summary>Order statistics of durations (hours) for FRT and resolution time, the same as PostgreSQL computes them.</summary>
public static class Durations
{
    /// <summary>
    /// Median of the values, in any order (the list is not changed): the middle value of the sorted values,
    /// with an even count the mean of the two middle values; null when empty.
    /// Equal to <see cref="Percentile"/> at p = 0.5 and to PostgreSQL <c>percentile_cont(0.5)</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static double? Median(IReadOnlyList<double> sortedOrNot)
    {
        var sorted = Sorted(sortedOrNot);
        if (sorted.Length == 0)
        {
            return null;
        }

        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>
    /// Percentile with linear interpolation between closest ranks (PostgreSQL <c>percentile_cont</c>, Excel
    /// PERCENTILE.INC, R type 7): with the n values sorted x₀ ≤ … ≤ xₙ₋₁, h = (n − 1)·p, k = ⌊h⌋,
    /// result xₖ + (h − k)·(xₖ₊₁ − xₖ) (xₖ when k = n − 1). Values 1..10 at p = 0.9 → 9.1. Null when empty.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">p is not in [0, 1].</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static double? Percentile(IReadOnlyList<double> values, double p)
    {
        if (!(p is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "A percentile is a fraction from 0 to 1.");
        }

        var sorted = Sorted(values);
        if (sorted.Length == 0)
        {
            return null;
        }

        var h = (sorted.Length - 1) * p;
        var k = (int)Math.Floor(h);
        if (k >= sorted.Length - 1)
        {
            return sorted[^1];
        }

        return sorted[k] + ((h - k) * (sorted[k + 1] - sorted[k]));
    }

    private static double[] Sorted(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var sorted = values.ToArray();
        if (sorted.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("Durations must be finite numbers.", nameof(values));
        }

        Array.Sort(sorted);
        return sorted;
    }
}
