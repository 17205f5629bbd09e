namespace CxBridge.Metrics;

/// <summary>
/// Result of a test for a difference between two samples (a period against the previous one, a segment against another).
/// <see cref="Delta"/> is second minus first on the scale the test works on (see each Compare method);
/// <see cref="Z"/> is the test statistic (z, or t for Welch); <see cref="P"/> the two-sided p-value.
/// All three are null when a sample is empty or too small for the test.
/// </summary>
public sealed record ChangeTest(double? Delta, double? Z, double? P)
{
    /// <summary>A test with nothing to compare.</summary>
    public static ChangeTest None { get; } = new(null, null, null);

    /// <summary>True when p &lt; 0.05; false when p is null.</summary>
    public bool Significant => P < 0.05;
}
