using CxBridge.Data;
using CxBridge.Data.Departments;
using CxBridge.Data.Queries;
using CxBridge.Metrics;
using Microsoft.Extensions.Options;

namespace CxBridge.Web.Components.Pages.NorthStar;

/// <summary>A change of the North Star value against another window, tested as the metric's own change test says.</summary>
public sealed record NorthStarChange(string Against, PeriodCoverage Window, MetricPoint Point, ChangeTest Test)
{
    public double? Delta(MetricPoint latest) => latest.Value is { } now && Point.Value is { } then ? now - then : null;
}

/// <summary>A department's strongest link, for the links across departments.</summary>
public sealed record DepartmentLink(DepartmentSummary Department, LinkageView Link);

/// <summary>
/// Everything the North Star page (and GET /api/north-star) shows for a filter: the North Star metric's headline with its
/// target and two changes (the previous comparable window, the same window a year earlier), every metric's headline
/// (the executive department's tiles, with their targets), each department's attainment, the strongest links across
/// departments, customer stories behind the movement, and revenue at risk from churn.
/// </summary>
public sealed record NorthStarView(
    MetricFilter Filter,
    DepartmentMetricView NorthStar,
    IReadOnlyList<NorthStarChange> Changes,
    IReadOnlyList<DepartmentMetricView> Metrics,
    IReadOnlyList<DepartmentOverview> Departments,
    IReadOnlyList<DepartmentLink> Linkages,
    IReadOnlyList<CustomerComment> Promoters,
    IReadOnlyList<CustomerComment> Detractors,
    RevenueAtRisk RevenueAtRisk,
    IReadOnlyList<CxBridge.Data.Entities.Event> Events,
    string? Search);

/// <summary>Reads the <see cref="NorthStarView"/> from the same queries the department pages and the metric API use.</summary>
public sealed class NorthStarQuery(
    DepartmentQuery departments, MetricQuery metrics, CommentsQuery comments, RevenueAtRiskQuery revenueAtRisk, IOptions<CxBridgeSettings> settings)
{
    /// <summary>How many links across departments the page lists, strongest (smallest q) first.</summary>
    public const int TopLinks = 5;

    /// <summary>How many promoter and how many detractor comments the page shows.</summary>
    public const int Stories = 5;

    public async Task<NorthStarView> LoadAsync(MetricFilter filter, string? search = null, CancellationToken ct = default)
    {
        var northStar = settings.Value.NorthStarMetric;
        // Every department's page at once (they share their metric reads); the executive one gives every metric's tile.
        var pages = await departments.PagesAsync(filter, ct);
        var executive = pages.FirstOrDefault(p => p.Summary.Code == "executive").View
            ?? await departments.LoadAsync("executive", filter, ct)
            ?? throw new InvalidOperationException("the executive department is missing from the catalog");
        var overview = pages.Select(p => DepartmentQuery.Overview(p.Summary, p.View)).ToList();
        var hero = executive.Metrics.FirstOrDefault(m => m.Headline.Definition.Code == northStar.Code)
            ?? new DepartmentMetricView(await new HeadlineQuery(metrics).ForAsync(northStar, filter, ct: ct), null, null);

        var changes = new List<NorthStarChange>();
        if (hero.Headline.Comparison is { } previous)
        {
            changes.Add(new NorthStarChange("previous", previous.Window, previous.Point, previous.Test));
        }
        var coverage = hero.Headline.Coverage;
        var yearAgo = new PeriodCoverage(coverage.PeriodStart.AddYears(-1), coverage.PeriodEnd.AddYears(-1), coverage.Start.AddYears(-1), coverage.End.AddYears(-1))
        {
            IsPartial = coverage.IsPartial,
        };
        if (yearAgo.Days > 0)
        {
            var point = (await metrics.SeriesAsync(northStar, filter with { From = yearAgo.Start, To = yearAgo.End.AddDays(-1), Grain = Grain.Total }, ct: ct)).Points[0];
            changes.Add(new NorthStarChange("year_earlier", yearAgo, point, PointComparison.Compare(northStar, point, hero.Headline.Latest)));
        }

        var links = overview.Where(d => d.StrongestLink is not null)
            .OrderBy(d => d.StrongestLink!.Result.Strongest!.Q)
            .Take(TopLinks)
            .Select(d => new DepartmentLink(d.Department, d.StrongestLink!))
            .ToList();

        // Stories come from the North Star's own survey when it is one, otherwise from NPS: promoters and detractors.
        var survey = Surveys.TryParse(northStar.Code, out var s) ? s : Survey.Nps;
        var (high, low) = survey switch
        {
            Survey.Nps or Survey.Enps => (9.0, 6.0),
            Survey.Ces => (6.0, 2.0),
            _ => (5.0, 2.0),
        };
        var promoters = await comments.RecentAsync(survey, filter, minScore: high, search: search, limit: Stories, ct: ct);
        var detractors = await comments.RecentAsync(survey, filter, maxScore: low, search: search, limit: Stories, ct: ct);

        return new NorthStarView(filter, hero, changes, executive.Metrics.Where(m => m != hero).ToList(), overview, links,
            promoters, detractors, await revenueAtRisk.ForAsync(filter, ct), executive.Events, search);
    }
}
