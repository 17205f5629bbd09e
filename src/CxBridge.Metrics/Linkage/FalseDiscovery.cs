namespace CxBridge.Metrics;

/// <summary>False-discovery control for many tests at once (every pair × lag of a department page).</summary>
public static class FalseDiscovery
{
    /// <summary>
    /// Benjamini–Hochberg (1995) q-values, the same as R's <c>p.adjust(p, method = "BH")</c>: with the m p-values
    /// sorted ascending, p₍₁₎ ≤ … ≤ p₍ₘ₎, q₍ᵢ₎ = min over j ≥ i of p₍ⱼ₎·m/j, capped at 1. The q-values come back in
    /// the order of the input; they never decrease as p increases, and equal p-values get equal q-values.
    /// Calling q &lt; α a discovery keeps the expected share of false discoveries at most α.
    /// Empty input → empty output.
    /// </summary>
    /// <exception cref="ArgumentException">A p-value is not in [0, 1] (or is NaN).</exception>
    public static IReadOnlyList<double> BenjaminiHochberg(IReadOnlyList<double> p)
    {
        ArgumentNullException.ThrowIfNull(p);
        if (p.Any(value => !(value is >= 0 and <= 1)))
        {
            throw new ArgumentException("p-values must be between 0 and 1.", nameof(p));
        }

        var m = p.Count;
        var ascending = Enumerable.Range(0, m).OrderBy(i => p[i]).ToArray();
        var q = new double[m];
        var smallestSoFar = 1.0;
        for (var rank = m; rank >= 1; rank--)
        {
            var index = ascending[rank - 1];
            smallestSoFar = Math.Min(smallestSoFar, p[index] * m / rank);
            q[index] = smallestSoFar;
        }

        return q;
    }
}
