using MathNet.Numerics.Distributions;

namespace CxBridge.Metrics;

/// <summary>
/// Net Promoter Score of a set of 0–10 answers (docs/metrics.md, NPS). Every value is null when n = 0.
/// </summary>
public sealed record NpsResult(int Promoters, int Passives, int Detractors)
{
    private const double Z95 = 1.96;

    /// <summary>Responses: promoters + passives + detractors.</summary>
    public int N => Promoters + Passives + Detractors;

    /// <summary>Raw NPS, 100·(P − D)/n, in points −100..100; null when n = 0.</summary>
    public double? Value => N == 0 ? null : 100.0 * (Promoters - Detractors) / N;

    /// <summary>Adjusted-Wald share of promoters, (P + ¾)/(n + 3); null when n = 0.</summary>
    public double? AdjustedPromoterShare => N == 0 ? null : (Promoters + 0.75) / (N + 3);

    /// <summary>Adjusted-Wald share of detractors, (D + ¾)/(n + 3); null when n = 0.</summary>
    public double? AdjustedDetractorShare => N == 0 ? null : (Detractors + 0.75) / (N + 3);

    /// <summary>Adjusted NPS, 100·(p − d) with the adjusted-Wald p and d; null when n = 0.</summary>
    public double? AdjustedValue => 100 * (AdjustedPromoterShare - AdjustedDetractorShare);

    /// <summary>Per-respondent variance p + d − (p − d)² with the adjusted p and d, on the −1..1 scale; null when n = 0.</summary>
    public double? AdjustedVariance => Variance(AdjustedPromoterShare, AdjustedDetractorShare);

    /// <summary>
    /// Adjusted-Wald 95% interval (Sauro/Lewis): 100·((p − d) ± 1.96·√(var/(n + 3))), clamped to [−100, 100];
    /// null when n = 0.
    /// </summary>
    public Interval? Interval95
    {
        get
        {
            if (N == 0 || AdjustedValue is not { } center || AdjustedVariance is not { } variance)
            {
                return null;
            }

            var halfWidth = 100 * Z95 * Math.Sqrt(variance / (N + 3));
            return new Interval(Math.Max(-100, center - halfWidth), Math.Min(100, center + halfWidth));
        }
    }

    /// <summary>
    /// Unadjusted per-respondent variance of the −1/0/+1 scores: p + d − (p − d)² with p = P/n, d = D/n
    /// (e.g. (D, Pa, P) = (1, 2, 3) → 5/9).
    /// </summary>
    /// <exception cref="ArgumentException">n = 0: the variance of no respondents is undefined and the return type has no null.</exception>
    public static double RespondentVariance(int promoters, int passives, int detractors)
    {
        var n = Nps.CheckedTotal(promoters, passives, detractors);
        if (n == 0)
        {
            throw new ArgumentException("The variance of zero respondents is undefined.");
        }

        return Variance((double)promoters / n, (double)detractors / n)!.Value;
    }

    private static double? Variance(double? p, double? d) => p + d - ((p - d) * (p - d));
}

/// <summary>NPS calculations of docs/metrics.md.</summary>
public static class Nps
{
    /// <summary>NPS of the given counts (see <see cref="NpsResult"/>); all values null when every count is 0.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative.</exception>
    public static NpsResult Compute(int promoters, int passives, int detractors)
    {
        CheckedTotal(promoters, passives, detractors);
        return new NpsResult(promoters, passives, detractors);
    }

    /// <summary>
    /// Period-over-period test of docs/metrics.md: z = (adj₂ − adj₁)/√(var₁/(n₁ + 3) + var₂/(n₂ + 3)) on the −1..1 scale,
    /// with adjusted values and variances; two-sided p from the standard normal; significant at p &lt; 0.05.
    /// <see cref="ChangeTest.Delta"/> is adj₂ − adj₁ on the −1..1 scale (×100 for points).
    /// All fields null when either n = 0.
    /// </summary>
    public static ChangeTest Compare(NpsResult before, NpsResult after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        if (before.N == 0 || after.N == 0)
        {
            return ChangeTest.None;
        }

        var delta = (after.AdjustedValue!.Value - before.AdjustedValue!.Value) / 100;
        var standardError = Math.Sqrt((before.AdjustedVariance!.Value / (before.N + 3)) + (after.AdjustedVariance!.Value / (after.N + 3)));
        var z = delta / standardError;
        return new ChangeTest(delta, z, 2 * Normal.CDF(0, 1, -Math.Abs(z)));
    }

    internal static int CheckedTotal(int promoters, int passives, int detractors)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(promoters);
        ArgumentOutOfRangeException.ThrowIfNegative(passives);
        ArgumentOutOfRangeException.ThrowIfNegative(detractors);
        return promoters + passives + detractors;
    }
}
