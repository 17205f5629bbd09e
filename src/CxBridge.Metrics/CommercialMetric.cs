namespace CxBridge.Metrics;

/// <summary>Order metrics (docs/metrics.md, Commercial metrics).</summary>
public static class CommercialMetric
{
    /// <summary>
    /// Referral rate over orders in period: value = 100·<paramref name="referred"/>/<paramref name="orders"/>
    /// (1% = one purchase in 100 came through referral); n = orders; value and interval null when n = 0;
    /// low/high = <see cref="Proportion.AdjustedWald95"/>; lowSample = 0 &lt; n &lt; SmallSampleThreshold.
    /// Detail: referred, orders (counts).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or referred &gt; orders.</exception>
    public static MetricPoint ReferralRate(DateOnly period, int referred, int orders, MetricSettings settings)
    {
        var detail = new Dictionary<string, double?>
        {
            ["referred"] = referred,
            ["orders"] = orders,
        };
        return RatePoint.Of(period, referred, orders, settings, detail);
    }
}
