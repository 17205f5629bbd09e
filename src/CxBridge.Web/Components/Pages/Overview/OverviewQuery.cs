using CxBridge.Data.Queries;
using CxBridge.Metrics;

namespace CxBridge.Web.Components.Pages.Overview;

/// <summary>What the overview page shows, from the same queries the API uses.</summary>
public sealed class OverviewQuery(HeadlineQuery headlines, DimensionValuesQuery dimensions)
{
    /// <summary>A headline per metric, in catalog order; the metrics are read at the same time, each on its own connection.</summary>
    public async Task<IReadOnlyList<MetricHeadline>> HeadlinesAsync(MetricFilter filter, CancellationToken ct = default) =>
        await Task.WhenAll(MetricCatalog.All.Select(definition => headlines.ForAsync(definition, filter, ct: ct)));

    /// <summary>The values every dimension takes in any source (the overview's metrics come from all of them).</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> DimensionValuesAsync(CancellationToken ct = default)
    {
        var merged = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var source in new[] { MetricSources.Responses, MetricSources.Tickets, MetricSources.Customers, MetricSources.Orders })
        {
            foreach (var (dimension, values) in await dimensions.ForAsync(source, ct))
            {
                merged[dimension] = merged.TryGetValue(dimension, out var known) ? known.Concat(values).Distinct().ToList() : values;
            }
        }
        return merged;
    }
}
