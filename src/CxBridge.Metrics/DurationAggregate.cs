namespace CxBridge.Metrics;

/// <summary>
/// What SQL returns for one duration metric (FRT, resolution time) and one period, in hours: <see cref="N"/> durations,
/// their <see cref="Sum"/> and <see cref="SumOfSquares"/>, and <see cref="Median"/> and <see cref="P90"/>
/// (<c>percentile_cont(0.5)</c> and <c>percentile_cont(0.9)</c>, null when N = 0).
/// </summary>
public sealed record DurationAggregate(int N, double Sum, double? Median, double? P90, double SumOfSquares)
{
    /// <summary>No durations: count and sums 0, median and p90 null.</summary>
    public static DurationAggregate Empty { get; } = new(0, 0, null, null, 0);

    /// <summary>
    /// The aggregate SQL returns for these durations (hours, any order): count, sum, <see cref="Durations.Median"/>,
    /// <see cref="Durations.Percentile"/> at 0.9, sum of squares. For raw rows already in memory (drill-downs, tests).
    /// </summary>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static DurationAggregate Of(IReadOnlyList<double> hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return new DurationAggregate(
            hours.Count,
            hours.Sum(),
            Durations.Median(hours),
            Durations.Percentile(hours, 0.9),
            hours.Sum(h => h * h));
    }
}
