namespace CxBridge.Metrics;

/// <summary>
/// What SQL returns from <c>customers</c> for one period [s, e) (docs/metrics.md, Customer metrics):
/// <see cref="Start"/> S = customers active at s (<c>started_at &lt; s</c> and <c>ended_at</c> empty or ≥ s);
/// <see cref="New"/> N = customers with s ≤ <c>started_at</c> &lt; e; <see cref="LostFromStart"/> L_S = customers
/// of S with <c>ended_at</c> &lt; e; <see cref="Lost"/> L = all customers with s ≤ <c>ended_at</c> &lt; e.
/// Consistent counts satisfy 0 ≤ L_S ≤ S and L_S ≤ L ≤ S + N (L_S is part of L; everyone lost was in S or N).
/// </summary>
public sealed record CustomerAggregate(int Start, int New, int LostFromStart, int Lost)
{
    /// <summary>No customers: every count 0.</summary>
    public static CustomerAggregate Empty { get; } = new(0, 0, 0, 0);
}

/// <summary>The denominator of the churn rate (setting <see cref="MetricSettings.ChurnBasis"/>, URL <c>basis=start|period</c>).</summary>
public enum ChurnBasis
{
    /// <summary>Default: 100·L_S/S, the start cohort's losses over the start cohort; the complement of retention.</summary>
    Start,

    /// <summary>100·L/(S + N), all customers lost over all customers served in the period.</summary>
    Period,
}

/// <summary>Codes and parsing of <see cref="ChurnBasis"/>.</summary>
public static class ChurnBases
{
    /// <summary>Every basis, in declaration order (start, period).</summary>
    public static IReadOnlyList<ChurnBasis> All { get; } = [ChurnBasis.Start, ChurnBasis.Period];

    /// <summary>The lower-case code used in settings and URLs: "start", "period".</summary>
    public static string Code(this ChurnBasis b) => b switch
    {
        ChurnBasis.Start => "start",
        ChurnBasis.Period => "period",
        _ => throw new ArgumentOutOfRangeException(nameof(b), b, "Unknown churn basis."),
    };

    /// <summary>Parses a basis code, case-insensitive, ignoring surrounding white space. Null or empty text → false.</summary>
    public static bool TryParse(string? code, out ChurnBasis b)
    {
        var trimmed = code?.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                b = candidate;
                return true;
            }
        }

        b = default;
        return false;
    }
}
