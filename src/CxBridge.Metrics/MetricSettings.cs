namespace CxBridge.Metrics;

/// <summary>Organisation settings that change how metric points are reported (docs/metrics.md).</summary>
public sealed record MetricSettings
{
    /// <summary>A point with 0 &lt; n &lt; this is marked <see cref="MetricPoint.LowSample"/>; default 30.</summary>
    public int SmallSampleThreshold { get; init; } = 30;

    /// <summary>An eNPS cut with 0 &lt; n &lt; this is suppressed; default 5.</summary>
    public int AnonymityThreshold { get; init; } = 5;

    /// <summary>
    /// Denominator of <c>churn_rate</c> when the request names none (<c>basis=start|period</c>); default
    /// <see cref="ChurnBasis.Start"/>. Configuration key <c>CxBridge:ChurnBasis</c>.
    /// </summary>
    public ChurnBasis ChurnBasis { get; init; } = ChurnBasis.Start;

    /// <summary>
    /// Gross margin (fraction 0..1) applied to CLV; default 1.0, CLV in revenue. Configuration key <c>CxBridge:Clv:GrossMargin</c>.
    /// </summary>
    public double ClvGrossMargin { get; init; } = 1.0;

    /// <summary>
    /// Cap on the CLV lifespan in years, also the lifespan when no customer left or S = 0; default 10.
    /// Configuration key <c>CxBridge:Clv:MaxLifespanYears</c>.
    /// </summary>
    public double ClvMaxLifespanYears { get; init; } = 10;
}
