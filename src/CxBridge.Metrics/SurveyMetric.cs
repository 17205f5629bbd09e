namespace CxBridge.Metrics;

/// <summary>Turns a <see cref="SurveyAggregate"/> into the reported point and change test of its survey (docs/metrics.md).</summary>
public static class SurveyMetric
{
    /// <summary>
    /// The API point of <paramref name="survey"/> for one period. Every survey: n = N; value null when n = 0;
    /// lowSample = 0 &lt; n &lt; SmallSampleThreshold.
    /// <list type="bullet">
    /// <item>nps/enps: value = raw NPS 100·(P − D)/n; low/high = adjusted-Wald interval; detail: promoters, passives,
    /// detractors, promoters_pct, passives_pct, detractors_pct, adjusted. eNPS with 0 &lt; n &lt; AnonymityThreshold
    /// is suppressed: value, low, high and every detail value null, n still reported.</item>
    /// <item>csat/psat: value = 100·TopTwo/n; low/high = <see cref="Proportion.AdjustedWald95"/>; detail: satisfied,
    /// mean (ScoreSum/n on the native scale).</item>
    /// <item>ces: value = ValueSum/n, the mean on 1–7; low/high = Student t interval (null when n &lt; 2);
    /// detail: agree_pct (100·Agree/n), sd.</item>
    /// </list>
    /// Percentages and means in detail are null when n = 0; counts stay counts (0).
    /// </summary>
    /// <exception cref="ArgumentException">nps/enps counts that do not add up to N.</exception>
    public static MetricPoint Evaluate(Survey survey, DateOnly period, SurveyAggregate aggregate, MetricSettings settings)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(settings);
        var n = aggregate.N;
        var lowSample = n > 0 && n < settings.SmallSampleThreshold;
        return survey switch
        {
            Survey.Nps => NpsPoint(period, aggregate, lowSample, suppressed: false),
            Survey.Enps => NpsPoint(period, aggregate, lowSample, suppressed: n > 0 && n < settings.AnonymityThreshold),
            Survey.Csat or Survey.Psat => SatisfactionPoint(period, aggregate, lowSample),
            Survey.Ces => EffortPoint(period, aggregate, lowSample),
            _ => throw new ArgumentOutOfRangeException(nameof(survey), survey, "Unknown survey."),
        };
    }

    /// <summary>
    /// Significance of the change from <paramref name="before"/> to <paramref name="after"/>:
    /// <see cref="Nps.Compare"/> for nps/enps (delta on −1..1), <see cref="Proportion.Compare"/> on TopTwo of N for
    /// csat/psat (delta as a fraction), <see cref="Means.Compare"/> on the stored values for ces (delta on 1–7).
    /// Null fields when a side is empty (or, for ces, has n &lt; 2).
    /// </summary>
    public static ChangeTest Compare(Survey survey, SurveyAggregate before, SurveyAggregate after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return survey switch
        {
            Survey.Nps or Survey.Enps => Nps.Compare(ToNps(before), ToNps(after)),
            Survey.Csat or Survey.Psat => Proportion.Compare(before.TopTwo, before.N, after.TopTwo, after.N),
            Survey.Ces => Means.Compare(ToMean(before), ToMean(after)),
            _ => throw new ArgumentOutOfRangeException(nameof(survey), survey, "Unknown survey."),
        };
    }

    private static MetricPoint NpsPoint(DateOnly period, SurveyAggregate aggregate, bool lowSample, bool suppressed)
    {
        var nps = ToNps(aggregate);
        var detail = new Dictionary<string, double?>
        {
            ["promoters"] = nps.Promoters,
            ["passives"] = nps.Passives,
            ["detractors"] = nps.Detractors,
            ["promoters_pct"] = Percent(nps.Promoters, nps.N),
            ["passives_pct"] = Percent(nps.Passives, nps.N),
            ["detractors_pct"] = Percent(nps.Detractors, nps.N),
            ["adjusted"] = nps.AdjustedValue,
        };
        if (suppressed)
        {
            foreach (var key in detail.Keys.ToList())
            {
                detail[key] = null;
            }

            return new MetricPoint(period, null, nps.N, null, null, lowSample, Suppressed: true, detail);
        }

        var interval = nps.Interval95;
        return new MetricPoint(period, nps.Value, nps.N, interval?.Low, interval?.High, lowSample, Suppressed: false, detail);
    }

    private static MetricPoint SatisfactionPoint(DateOnly period, SurveyAggregate aggregate, bool lowSample)
    {
        var n = aggregate.N;
        var interval = Proportion.AdjustedWald95(aggregate.TopTwo, n);
        var detail = new Dictionary<string, double?>
        {
            ["satisfied"] = aggregate.TopTwo,
            ["mean"] = n == 0 ? null : aggregate.ScoreSum / n,
        };
        return new MetricPoint(period, Percent(aggregate.TopTwo, n), n, interval?.Low, interval?.High, lowSample, Suppressed: false, detail);
    }

    private static MetricPoint EffortPoint(DateOnly period, SurveyAggregate aggregate, bool lowSample)
    {
        var mean = ToMean(aggregate);
        var detail = new Dictionary<string, double?>
        {
            ["agree_pct"] = Percent(aggregate.Agree, aggregate.N),
            ["sd"] = mean.StandardDeviation,
        };
        return new MetricPoint(period, mean.Mean, mean.N, mean.Interval95?.Low, mean.Interval95?.High, lowSample, Suppressed: false, detail);
    }

    private static NpsResult ToNps(SurveyAggregate aggregate)
    {
        var nps = Nps.Compute(aggregate.Promoters, aggregate.Passives, aggregate.Detractors);
        if (nps.N != aggregate.N)
        {
            throw new ArgumentException(
                $"Promoters + passives + detractors = {nps.N}, but N = {aggregate.N}.", nameof(aggregate));
        }

        return nps;
    }

    private static MeanSummary ToMean(SurveyAggregate aggregate) =>
        MeanSummary.FromSums(aggregate.N, aggregate.ValueSum, aggregate.ValueSumOfSquares);

    private static double? Percent(int part, int n) => n == 0 ? null : 100.0 * part / n;
}
