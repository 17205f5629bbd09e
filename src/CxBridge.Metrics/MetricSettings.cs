namespace CxBridge.Metrics;

/// <summary>Organisation settings that change how metric points are reported (METRICS.md).</summary>
public sealed record MetricSettings
{
    /// <summary>A point with 0 &lt; n &lt; this is marked <see cref="MetricPoint.LowSample"/>; default 30.</summary>
    public int SmallSampleThreshold { get; init; } = 30;

    /// <summary>An eNPS cut with 0 &lt; n &lt; this is suppressed; default 5.</summary>
    public int AnonymityThreshold { get; init; } = 5;
}
