using CxBridge.Data.Queries;
using CxBridge.Metrics;

namespace CxBridge.Web.Components.Pages.Overview;

/// <summary>One tile: the latest period of a metric, the one before, whether the change is real, and the series.</summary>
public sealed record MetricTile(MetricDefinition Definition, MetricSeries Series, MetricPoint Latest, MetricPoint? Previous, ChangeTest Change);

/// <summary>What the overview page shows, from the same queries the API uses.</summary>
public sealed class OverviewQuery(MetricQuery metrics, DimensionValuesQuery dimensions)
{
    /// <summary>A tile per metric: the last period of the filter against the one before it (for grain total: the window before).</summary>
    public async Task<IReadOnlyList<MetricTile>> TilesAsync(MetricFilter filter, CancellationToken ct = default)
    {
        var tiles = new List<MetricTile>();
        foreach (var definition in MetricCatalog.All)
        {
            var series = await metrics.SeriesAsync(definition, filter, ct: ct);
            var latest = series.Points[^1];
            var previous = filter.Grain == Grain.Total
                ? (await metrics.SeriesAsync(definition, filter.Previous(), ct: ct)).Points[0]
                : series.Points.Count > 1 ? series.Points[^2] : null;
            var change = previous is null ? ChangeTest.None : PointComparison.Compare(definition, previous, latest);
            tiles.Add(new MetricTile(definition, series, latest, previous, change));
        }
        return tiles;
    }

    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DimensionValuesAsync(CancellationToken ct = default) =>
        dimensions.ForAsync("responses", ct);
}
