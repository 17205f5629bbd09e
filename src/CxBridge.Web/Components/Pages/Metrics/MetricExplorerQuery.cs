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
        /// <summary>The drill-down's sort: a column name, "-name" for descending; null = time order.</summary>
        public string? Sort { get; init; }

        public string? SortColumn => Sort?.TrimStart('-');

        public bool SortDescending => Sort?.StartsWith('-') == true;

        /// <summary>The window a drill-down lists: one period ("2025-03-01"), or the whole filter ("all").</summary>
        public MetricFilter? DrillFilter
        {
            get
            {
                if (Drill is null)
                {
                    return null;
                }
                // "all", text that is not a date, or a date outside the range: the whole range.
                if (Drill == "all" || !DateOnly.TryParseExact(Drill, "yyyy-MM-dd", out var start)
                    || start > Filter.To || start < Periods.StartOf(Filter.From, Filter.Grain, Filter.From))
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

    /// <summary>The explorer's view named by a query string (the page and its CSV exports read the same parameters).</summary>
    public Request? Parse(string code, IQueryCollection query)
    {
        var definition = MetricCatalog.Find(code);
        if (definition is null)
        {
            return null;
        }
        var filter = filters.Parse(query, out var problems);
        return Create(definition, filter, problems, query["basis"], query["by"], query["drill"], query["page"], query["sort"]);
    }

    /// <summary>The explorer's view from its parameters as text (as they come in a URL).</summary>
    public static Request Create(MetricDefinition definition, MetricFilter filter, List<string> problems,
        string? basisText, string? by, string? drill, string? pageText, string? sort)
    {
        ChurnBasis? basis = null;
        if (ChurnBases.TryParse(basisText, out var parsed))
        {
            basis = parsed;
        }
        var page = int.TryParse(pageText, out var p) ? Math.Clamp(p, 1, 1_000_000) : 1;
        by = string.IsNullOrEmpty(by) || !Dimensions(definition).Contains(by) ? null : by;
        return new Request(definition, filter, basis, by, string.IsNullOrEmpty(drill) ? null : drill, page, problems)
        {
            Sort = string.IsNullOrEmpty(sort) ? null : sort,
        };
    }

    public Task<MetricSeries> SeriesAsync(Request r, CancellationToken ct = default) => metrics.SeriesAsync(r.Definition, r.Filter, r.Basis, ct);

    public Task<IReadOnlyList<(string Label, int Count)>> DistributionAsync(Request r, CancellationToken ct = default) =>
        explorer.DistributionAsync(r.Definition, r.Filter, ct);

    public Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(Request r, CancellationToken ct = default) =>
        r.By is null ? Task.FromResult<IReadOnlyList<BreakdownRow>>([]) : explorer.BreakdownAsync(r.Definition, r.Filter, r.By, r.Basis, ct);

    public async Task<DrillPage?> DrillAsync(Request r, CancellationToken ct = default) =>
        r.DrillFilter is { } window ? await explorer.DrillAsync(r.Definition, window, r.Basis, r.Page, PageSize, ct, r.SortColumn, r.SortDescending) : null;

    /// <summary>Every row behind the number (the drilled window, or the whole filter), up to ExplorerQuery.MaxRows, in one read.</summary>
    public Task<DrillPage> AllRowsAsync(Request r, CancellationToken ct = default) =>
        explorer.DrillAsync(r.Definition, (r with { Drill = r.Drill ?? "all" }).DrillFilter!, r.Basis, 1, ExplorerQuery.MaxRows, ct, r.SortColumn, r.SortDescending);

    public static IReadOnlyCollection<string> Dimensions(MetricDefinition definition) => MetricQuery.DimensionsOf(definition);
}
