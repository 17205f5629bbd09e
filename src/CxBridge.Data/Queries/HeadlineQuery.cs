using CxBridge.Metrics;

namespace CxBridge.Data.Queries;

/// <summary>What the latest value is compared with: the point over <see cref="Window"/>, and the test of the change.</summary>
public sealed record MetricComparison(MetricPoint Point, PeriodCoverage Window, ChangeTest Test);

/// <summary>
/// A metric's headline for a filter: the series, its latest point and the part of the period that point covers,
/// and the comparison that is fair for it (<see cref="Comparison"/> is null when there is nothing to compare with).
/// </summary>
public sealed record MetricHeadline(MetricSeries Series, MetricPoint Latest, PeriodCoverage Coverage, MetricComparison? Comparison)
{
    public MetricDefinition Definition => Series.Definition;

    /// <summary>True when the change is significant at p &lt; 0.05 by the metric's own test.</summary>
    public bool Significant => Comparison?.Test.Significant == true;
}

/// <summary>
/// Headlines for tiles, the API and digests. A complete latest period is compared with the whole previous period;
/// a partial one ("so far": cut by the range or not finished yet) only with the same elapsed part of the previous
/// period, never with a whole one (docs/metrics.md, "Periods and partial periods").
/// </summary>
public sealed class HeadlineQuery(MetricQuery metrics)
{
    public async Task<MetricHeadline> ForAsync(MetricDefinition definition, MetricFilter filter, ChurnBasis? basis = null, CancellationToken ct = default)
    {
        var series = await metrics.SeriesAsync(definition, filter, basis, ct);
        var latest = series.Points[^1];
        var coverage = series.Coverage[^1];
        var window = coverage.Previous(filter.Grain);
        MetricPoint? previous;
        if (filter.Grain != Grain.Total && series.Points.Count > 1 && !coverage.IsPartial && !series.Coverage[^2].IsPartial)
        {
            previous = series.Points[^2];
        }
        else if (window.Days > 0)
        {
            var cut = filter with { From = window.Start, To = window.End.AddDays(-1), Grain = Grain.Total };
            previous = (await metrics.SeriesAsync(definition, cut, basis, ct)).Points[0];
        }
        else
        {
            previous = null;
        }
        var comparison = previous is null ? null : new MetricComparison(previous, window, PointComparison.Compare(definition, previous, latest));
        return new MetricHeadline(series, latest, coverage, comparison);
    }
}
