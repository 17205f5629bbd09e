namespace CxBridge.Metrics;

/// <summary>Ticket metrics (docs/metrics.md, Service metrics). Durations are calendar hours.</summary>
public static class ServiceMetric
{
    /// <summary>
    /// First contact resolution over tickets resolved in period with a known <c>contacts</c>:
    /// value = 100·<paramref name="firstContact"/>/<paramref name="resolvedWithContacts"/> (contacts = 1 over all);
    /// n = resolved; value and interval null when n = 0; low/high = <see cref="Proportion.AdjustedWald95"/>;
    /// lowSample = 0 &lt; n &lt; SmallSampleThreshold. Detail: first_contact, resolved (counts).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or first contact &gt; resolved.</exception>
    public static MetricPoint Fcr(DateOnly period, int firstContact, int resolvedWithContacts, MetricSettings settings)
    {
        var detail = new Dictionary<string, double?>
        {
            ["first_contact"] = firstContact,
            ["resolved"] = resolvedWithContacts,
        };
        return RatePoint.Of(period, firstContact, resolvedWithContacts, settings, detail);
    }

    /// <summary>
    /// First response time over tickets opened in period with a <c>first_response_at</c>: value = the median of
    /// <c>first_response_at − opened_at</c> (<see cref="DurationAggregate.Median"/>); n = N; value null when n = 0;
    /// no interval (low/high null: a median interval needs the raw order statistics);
    /// lowSample = 0 &lt; n &lt; SmallSampleThreshold. Detail: mean (Sum/N), median, p90, count (N);
    /// mean, median and p90 null when n = 0.
    /// </summary>
    /// <exception cref="ArgumentException">N is negative, or N &gt; 0 without a median.</exception>
    public static MetricPoint Frt(DateOnly period, DurationAggregate aggregate, MetricSettings settings)
    {
        Check(aggregate, settings);
        if (aggregate.N > 0 && aggregate.Median is null)
        {
            throw new ArgumentException($"FRT needs the median of the {aggregate.N} durations.", nameof(aggregate));
        }

        var n = aggregate.N;
        var detail = DurationDetail(aggregate);
        return new MetricPoint(period, n == 0 ? null : aggregate.Median, n, null, null, RatePoint.IsLowSample(n, settings), Suppressed: false, detail);
    }

    /// <summary>
    /// Average resolution time over tickets resolved in period: value = the mean of <c>resolved_at − opened_at</c>,
    /// Sum/N; n = N; value null when n = 0; low/high = Student t 95% interval from Sum and SumOfSquares
    /// (<see cref="MeanSummary.FromSums"/>; null when n &lt; 2); lowSample = 0 &lt; n &lt; SmallSampleThreshold.
    /// Detail: mean, median, p90, count (N), sd (sample standard deviation, null when n &lt; 2);
    /// mean, median and p90 null when n = 0 (median and p90 also when SQL did not return them).
    /// </summary>
    /// <exception cref="ArgumentException">N is negative.</exception>
    public static MetricPoint ResolutionTime(DateOnly period, DurationAggregate aggregate, MetricSettings settings)
    {
        Check(aggregate, settings);
        var summary = MeanSummary.FromSums(aggregate.N, aggregate.Sum, aggregate.SumOfSquares);
        var detail = DurationDetail(aggregate);
        detail["sd"] = summary.StandardDeviation;
        return new MetricPoint(
            period,
            summary.Mean,
            summary.N,
            summary.Interval95?.Low,
            summary.Interval95?.High,
            RatePoint.IsLowSample(summary.N, settings),
            Suppressed: false,
            detail);
    }

    /// <summary>
    /// Escalation rate over tickets opened in period: value = 100·<paramref name="escalated"/>/<paramref name="opened"/>;
    /// n = opened; value and interval null when n = 0; low/high = <see cref="Proportion.AdjustedWald95"/>;
    /// lowSample = 0 &lt; n &lt; SmallSampleThreshold. Detail: escalated, opened (counts).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or escalated &gt; opened.</exception>
    public static MetricPoint EscalationRate(DateOnly period, int escalated, int opened, MetricSettings settings)
    {
        var detail = new Dictionary<string, double?>
        {
            ["escalated"] = escalated,
            ["opened"] = opened,
        };
        return RatePoint.Of(period, escalated, opened, settings, detail);
    }

    private static void Check(DurationAggregate aggregate, MetricSettings settings)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        ArgumentNullException.ThrowIfNull(settings);
        if (aggregate.N < 0)
        {
            throw new ArgumentException($"A count cannot be negative: N = {aggregate.N}.", nameof(aggregate));
        }
    }

    private static Dictionary<string, double?> DurationDetail(DurationAggregate aggregate)
    {
        var empty = aggregate.N == 0;
        return new Dictionary<string, double?>
        {
            ["mean"] = empty ? null : aggregate.Sum / aggregate.N,
            ["median"] = empty ? null : aggregate.Median,
            ["p90"] = empty ? null : aggregate.P90,
            ["count"] = aggregate.N,
        };
    }
}
