namespace CxBridge.Metrics;

/// <summary>Shared shape of the count-over-count metrics (retention, churn, FCR, escalation, referral).</summary>
internal static class RatePoint
{
    /// <summary>
    /// Value 100·successes/n (null when n = 0), low/high <see cref="Proportion.AdjustedWald95"/>,
    /// lowSample 0 &lt; n &lt; SmallSampleThreshold, never suppressed.
    /// </summary>
    public static MetricPoint Of(DateOnly period, int successes, int n, MetricSettings settings, IReadOnlyDictionary<string, double?> detail)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var interval = Proportion.AdjustedWald95(successes, n);
        return new MetricPoint(period, Percent(successes, n), n, interval?.Low, interval?.High, IsLowSample(n, settings), Suppressed: false, detail);
    }

    public static bool IsLowSample(int n, MetricSettings settings) => n > 0 && n < settings.SmallSampleThreshold;

    public static double? Percent(int part, int n) => n == 0 ? null : 100.0 * part / n;
}
