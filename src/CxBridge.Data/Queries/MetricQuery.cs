using CxBridge.Metrics;
using Microsoft.Extensions.Options;

namespace CxBridge.Data.Queries;

/// <summary>
/// A metric over the periods of a filter, whatever table it comes from. <see cref="Coverage"/> says, point by point,
/// which part of its period the value covers (partial periods are "so far"); <see cref="NotApplied"/> names the
/// dimension filters of the request that this metric's rows do not carry, which were therefore not applied.
/// </summary>
public sealed record MetricSeries(MetricDefinition Definition, MetricFilter Filter, IReadOnlyList<MetricPoint> Points)
{
    /// <summary>Dimension filters this metric cannot honour (its rows lack the column): its values are unfiltered by them.</summary>
    public IReadOnlyList<string> NotApplied { get; init; } = [];

    /// <summary>One entry per point: the days of its period the value covers, and whether that is the whole, finished period.</summary>
    public IReadOnlyList<PeriodCoverage> Coverage { get; init; } = [];
}

/// <summary>The one entry point pages and the API use to read any of the thirteen metrics.</summary>
public sealed class MetricQuery(SurveyMetricQuery surveys, OperationalMetricQuery operational, IOptions<CxBridgeSettings> settings, TimeProvider clock)
{
    /// <summary>The organisation's date today (its time zone).</summary>
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), settings.Value.TimeZoneInfo).DateTime);

    /// <summary>The dimensions rows of this metric carry: the only filters and breakdowns that apply to it.</summary>
    public static IReadOnlyCollection<string> DimensionsOf(MetricDefinition definition) => MetricRows.DimensionsOf(definition.Code, definition.Source);

    public async Task<MetricSeries> SeriesAsync(MetricDefinition definition, MetricFilter filter, ChurnBasis? basis = null, CancellationToken ct = default)
    {
        var carried = DimensionsOf(definition);
        var notApplied = filter.Dimensions.Where(d => d.Value.Count > 0 && !carried.Contains(d.Key)).Select(d => d.Key).ToList();
        var applied = notApplied.Count == 0
            ? filter
            : filter with { Dimensions = filter.Dimensions.Where(d => carried.Contains(d.Key)).ToDictionary() };
        var points = Surveys.TryParse(definition.Code, out var survey)
            ? (await surveys.SeriesAsync(survey, applied, ct)).Points
            : await operational.SeriesAsync(definition.Code, applied, basis, ct);
        var today = Today;
        return new MetricSeries(definition, filter, points)
        {
            NotApplied = notApplied,
            Coverage = points.Select(p => PeriodCoverage.Of(p.Period, filter.Grain, filter.From, filter.To, today)).ToList(),
        };
    }
}
