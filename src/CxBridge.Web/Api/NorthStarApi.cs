using CxBridge.Data.Queries;
using CxBridge.Metrics;
using CxBridge.Web.Components.Pages.NorthStar;
using CxBridge.Web.Components.Shared;
using CxBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using static CxBridge.Web.Api.DepartmentsApi;

namespace CxBridge.Web.Api;

/// <summary>
/// GET /api/north-star?from=&amp;to=&amp;grain=&amp;q=&amp;&lt;filters&gt;: the North Star page's content as JSON — the North Star metric with
/// its target and its changes (each with its p and whether it is significant), every other metric's headline, each
/// department's attainment, the strongest links across departments, customer stories (q searches them) and revenue at
/// risk from churn. The same query as the page; numbers unrounded, null where a value does not exist.
/// </summary>
public static class NorthStarApi
{
    public static IEndpointRouteBuilder MapNorthStarApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/north-star", GetAsync).WithTags("North Star");
        return app;
    }

    /// <summary>The North Star: its headline (as a department metric) and its changes.</summary>
    public sealed record NorthStarItem(
        string Code, string Name, DateOnly Period, double? Value, int N, double? Low, double? High, bool Partial, LevelsItem? Target, string? Status,
        IReadOnlyList<ChangeItem> Changes);

    /// <summary>
    /// A change of the North Star: <see cref="Against"/> previous (the previous comparable window: the whole previous period,
    /// or its same days when the latest is partial) or year_earlier; the window compared with, its value, the change and the test.
    /// </summary>
    public sealed record ChangeItem(string Against, DateOnly From, DateOnly To, double? Value, int N, double? Change, double? P, bool Significant);

    /// <summary>A department's line: targets met of set, and its worst miss.</summary>
    public sealed record DepartmentAttainmentItem(string Code, string Name, int TargetsMet, int TargetsSet, int WithoutValue, MissItem? Worst);

    /// <summary>A link that holds in a department, with the department.</summary>
    public sealed record DepartmentLinkItem(string Department, LinkageItem Link);

    /// <summary>A customer's words.</summary>
    public sealed record StoryItem(string Kind, string? ResponseId, string Survey, DateTimeOffset RespondedAt, double Score, string Comment, string? Segment, string? Channel);

    /// <summary>Customers lost in the range × CLV at its end.</summary>
    public sealed record RevenueAtRiskItem(DateOnly From, DateOnly To, int CustomersLost, double? LifetimeValue, int LifetimeValueN, double? Amount);

    public sealed record NorthStarPage(
        DateOnly From, DateOnly To, string Grain, NorthStarItem NorthStar, IReadOnlyList<MetricItem> Metrics,
        IReadOnlyList<DepartmentAttainmentItem> Departments, IReadOnlyList<DepartmentLinkItem> Linkages, IReadOnlyList<StoryItem> Stories,
        RevenueAtRiskItem RevenueAtRisk);

    private static async Task<Results<Ok<NorthStarPage>, ValidationProblem>> GetAsync(
        HttpRequest request, FilterQuery filters, NorthStarQuery query, DisplayFormat format, CancellationToken ct)
    {
        var filter = filters.Parse(request.Query, out var problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [.. problems] }, detail: string.Join("; ", problems));
        }
        var search = request.Query["q"].ToString();
        var view = await query.LoadAsync(filter, string.IsNullOrWhiteSpace(search) ? null : search, ct);
        var hero = view.NorthStar;
        var latest = hero.Headline.Latest;
        var northStar = new NorthStarItem(
            hero.Headline.Definition.Code, hero.Headline.Definition.Name, latest.Period, latest.Value, latest.N, latest.Low, latest.High,
            hero.Headline.Coverage.IsPartial, Levels(hero.Target), hero.Status?.Code(),
            view.Changes.Select(c => new ChangeItem(c.Against, c.Window.Start, c.Window.End.AddDays(-1), c.Point.Value, c.Point.N, c.Delta(latest),
                c.Test.P, c.Test.Significant)).ToList());
        return TypedResults.Ok(new NorthStarPage(
            filter.From, filter.To, filter.Grain.Code(), northStar,
            view.Metrics.Select(Item).ToList(),
            view.Departments.Select(d => new DepartmentAttainmentItem(d.Department.Code, d.Department.Name, d.Attainment.Met, d.Attainment.Set,
                d.Attainment.WithoutValue, Item(d.Attainment, d.WorstMiss).Worst)).ToList(),
            view.Linkages.Select(l => new DepartmentLinkItem(l.Department.Code, Item(l.Link, format))).ToList(),
            view.Promoters.Select(c => Story("promoter", c)).Concat(view.Detractors.Select(c => Story("detractor", c))).ToList(),
            new RevenueAtRiskItem(view.RevenueAtRisk.From, view.RevenueAtRisk.To, view.RevenueAtRisk.CustomersLost, view.RevenueAtRisk.LifetimeValue,
                view.RevenueAtRisk.LifetimeValueN, view.RevenueAtRisk.Amount)));
    }

    private static StoryItem Story(string kind, CustomerComment c) =>
        new(kind, c.ResponseId, c.Survey, c.RespondedAt, c.Score, c.Comment, c.Segment, c.Channel);
}
