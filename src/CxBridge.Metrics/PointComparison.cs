namespace CxBridge.Metrics;

/// <summary>
/// Whether two points of one metric (a segment and the rest, or two periods) differ beyond chance, using only
/// what each <see cref="MetricPoint"/> carries: NPS/eNPS by the adjusted-Wald test of docs/metrics.md (detail
/// promoters, passives, detractors); percentages by the pooled two-proportion z test on
/// successes = value·n/100; CES and resolution time by Welch's t test on the mean (detail sd).
/// FRT (a median) and CLV (a product of estimates) have no test here: <see cref="ChangeTest.None"/>.
/// Empty (n = 0) or suppressed points: <see cref="ChangeTest.None"/>.
/// </summary>
public static class PointComparison
{
    public static ChangeTest Compare(MetricDefinition definition, MetricPoint a, MetricPoint b)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (a.Suppressed || b.Suppressed || a.N == 0 || b.N == 0 || a.Value is null || b.Value is null)
        {
            return ChangeTest.None;
        }
        switch (definition.Code)
        {
            case "nps" or "enps":
                return Nps.Compare(NpsOf(a), NpsOf(b));
            case "ces" or "resolution_time":
                return a.Detail.GetValueOrDefault("sd") is { } sdA && b.Detail.GetValueOrDefault("sd") is { } sdB
                    ? Means.Compare(Summary(a.N, a.Value.Value, sdA), Summary(b.N, b.Value.Value, sdB))
                    : ChangeTest.None;
            case "frt" or "clv":
                return ChangeTest.None;
        }
        return definition.Unit == "%"
            ? Proportion.Compare(Successes(a), a.N, Successes(b), b.N)
            : ChangeTest.None;
    }

    private static NpsResult NpsOf(MetricPoint p) => Nps.Compute(
        (int)(p.Detail.GetValueOrDefault("promoters") ?? 0),
        (int)(p.Detail.GetValueOrDefault("passives") ?? 0),
        (int)(p.Detail.GetValueOrDefault("detractors") ?? 0));

    private static int Successes(MetricPoint p) => (int)Math.Round(p.Value!.Value * p.N / 100.0);

    private static MeanSummary Summary(int n, double mean, double sd) =>
        MeanSummary.FromSums(n, mean * n, sd * sd * (n - 1) + n * mean * mean);
}
