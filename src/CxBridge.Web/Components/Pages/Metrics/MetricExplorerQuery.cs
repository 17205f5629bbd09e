using CxBridge.Data.Queries;
using CxBridge.Metrics;
using CxBridge.Web.Infrastructure;

namespace CxBridge.Web.Components.Pages.Metrics;

/// <summary>What the explorer page (and its CSV exports) read for one metric and one URL: the same code for both.</summary>
public sealed class MetricExplorerQuery(MetricQuery metrics, ExplorerQuery explorer, FilterQuery filters)
{
    public const int PageSize = 50;

    public sealed record Request(MetricDefinition Definition, MetricFilter Filter, ChurnBasis? Basis, string? By, string? Drill, int Page, List<string> Problems)
    {
        /// <summary>The window a drill-down lists: one period ("2025-03-01"), or the whole filter ("all").</summary>
        public MetricFilter? DrillFilter
        {
            get
            {
                if (Drill is null)
                {
                    return null;
                }
                if (Drill == "all" || !DateOnly.TryParseExact(Drill, "yyyy-MM-dd", out var start))
                {
                    return Filter with { Grain = Grain.Total };
                }
                var next = Filter.Grain == Grain.Total ? Filter.To.AddDays(1) : Periods.NextStart(start, Filter.Grain);
                var from = start < Filter.From ? Filter.From : start;
                var to = next.AddDays(-1) > Filter.To ? Filter.To : next.AddDays(-1);
                return Filter with { From = from, To = to, Grain = Grain.Total };
            }
        }
    }

    public Request? Parse(string code, IQueryCollection query)
    {
        var definition = MetricCatalog.Find(code);
        if (definition is null)
        {
            return null;
        }
        var filter = filters.Parse(query, out var problems);
        ChurnBasis? basis = null;
        if (ChurnBases.TryParse(query["basis"], out var parsed))
        {
            basis = parsed;
        }
        var by = query["by"].ToString();
        var page = int.TryParse(query["page"], out var p) ? Math.Max(1, p) : 1;
        return new Request(definition, filter, basis, string.IsNullOrEmpty(by) ? null : by,
            string.IsNullOrEmpty(query["drill"]) ? null : query["drill"].ToString(), page, problems);
    }

    public Task<MetricSeries> SeriesAsync(Request r, CancellationToken ct = default) => metrics.SeriesAsync(r.Definition, r.Filter, r.Basis, ct);

    public Task<IReadOnlyList<(string Label, int Count)>> DistributionAsync(Request r, CancellationToken ct = default) =>
        explorer.DistributionAsync(r.Definition, r.Filter, ct);

    public Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(Request r, CancellationToken ct = default) =>
        r.By is null ? Task.FromResult<IReadOnlyList<BreakdownRow>>([]) : explorer.BreakdownAsync(r.Definition, r.Filter, r.By, r.Basis, ct);

    public async Task<DrillPage?> DrillAsync(Request r, CancellationToken ct = default) =>
        r.DrillFilter is { } window ? await explorer.DrillAsync(r.Definition, window, r.Basis, r.Page, PageSize, ct) : null;

    /// <summary>Every row behind the number (the drilled window, or the whole filter), up to ExplorerQuery.MaxRows, in one read.</summary>
    public Task<DrillPage> AllRowsAsync(Request r, CancellationToken ct = default) =>
        explorer.DrillAsync(r.Definition, (r with { Drill = r.Drill ?? "all" }).DrillFilter!, r.Basis, 1, ExplorerQuery.MaxRows, ct);

    public static IReadOnlyCollection<string> Dimensions(MetricDefinition definition) => ExplorerQuery.Dimensions(definition);
}
