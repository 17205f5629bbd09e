using CxBridge.Data.Queries;
using CxBridge.Metrics;

namespace CxBridge.Web.Components.Pages.Overview;

/// <summary>One tile: the latest period of a metric, the one before, whether the change is real, and the series.</summary>
public sealed record MetricTile(MetricDefinition Definition, SurveySeries Series, MetricPoint Latest, MetricPoint? Previous, ChangeTest Change);

/// <summary>What the overview page shows, from the same survey queries the API uses.</summary>
public sealed class OverviewQuery(SurveyMetricQuery surveys)
{
    public async Task<IReadOnlyList<MetricTile>> TilesAsync(MetricFilter filter, CancellationToken ct = default)
    {
        var tiles = new List<MetricTile>();
        foreach (var definition in MetricCatalog.All)
        {
            if (!Surveys.TryParse(definition.Code, out var survey))
            {
                continue;
            }
            var series = await surveys.SeriesAsync(survey, filter, ct);
            var latest = series.Points[^1];
            SurveyAggregate? before = null;
            MetricPoint? previous = null;
            if (filter.Grain == Grain.Total)
            {
                var window = filter.Previous();
                before = await surveys.TotalAsync(survey, window, ct);
                previous = SurveyMetric.Evaluate(survey, window.From, before, surveys.MetricSettings);
            }
            else if (series.Points.Count > 1)
            {
                before = series.Aggregates[^2];
                previous = series.Points[^2];
            }
            var comparable = before is not null && previous is { Suppressed: false, Value: not null } && latest is { Suppressed: false, Value: not null };
            var change = comparable ? SurveyMetric.Compare(survey, before!, series.Aggregates[^1]) : ChangeTest.None;
            tiles.Add(new MetricTile(definition, series, latest, previous, change));
        }
        return tiles;
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DimensionValuesAsync(CancellationToken ct = default) =>
        surveys.DimensionValuesAsync(ct);
}
