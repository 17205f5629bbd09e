using CxBridge.Data;
using CxBridge.Data.Departments;
using CxBridge.Data.Entities;
using CxBridge.Data.Queries;
using CxBridge.Metrics;
using Microsoft.Extensions.Options;

namespace CxBridge.Web.Components.Pages.Departments;

/// <summary>A metric broken down by a dimension over the page's range (each segment against the rest).</summary>
public sealed record BreakdownPanel(MetricDefinition Definition, string Dimension, IReadOnlyList<BreakdownRow> Rows);

/// <summary>A CX metric in the days before a release against the days after it, and whether the difference is real.</summary>
public sealed record ReleaseEffect(Event Release, MetricDefinition Definition, MetricPoint Before, MetricPoint After, ChangeTest Test);

/// <summary>
/// The panels a department's page adds to its tiles and linkages, in its own terms (docs/departments.md): finance,
/// revenue at risk; service, FCR, FRT and escalations by channel and agent; HR, eNPS beside NPS and the agents whose
/// customers rate them highest; product, effort and satisfaction around releases; success, recent detractors to reach.
/// </summary>
public sealed record DepartmentPanelsView(
    RevenueAtRisk? RevenueAtRisk,
    IReadOnlyList<BreakdownPanel> ServiceBreakdowns,
    MetricHeadline? Nps,
    MetricHeadline? Enps,
    IReadOnlyList<BreakdownPanel> TopAgents,
    IReadOnlyList<ReleaseEffect> Releases,
    IReadOnlyList<CustomerComment> Detractors)
{
    public static DepartmentPanelsView None { get; } = new(null, [], null, null, [], [], []);
}

/// <summary>Reads the panels of <see cref="DepartmentPanelsView"/> for the department that has them.</summary>
public sealed class DepartmentPanelsQuery(
    RevenueAtRiskQuery revenueAtRisk, ExplorerQuery explorer, HeadlineQuery headlines, MetricQuery metrics, CommentsQuery comments,
    IOptions<CxBridgeSettings> settings)
{
    /// <summary>Days before and after a release that its effect is read over.</summary>
    public const int ReleaseWindowDays = 28;

    public async Task<DepartmentPanelsView> LoadAsync(DepartmentView view, CancellationToken ct = default)
    {
        var filter = view.Filter;
        switch (view.Code)
        {
            case "finance":
            case "executive":
                return DepartmentPanelsView.None with { RevenueAtRisk = await revenueAtRisk.ForAsync(filter, ct) };
            case "service":
                var service = new List<BreakdownPanel>();
                foreach (var code in new[] { "fcr", "frt", "escalation_rate" })
                {
                    foreach (var dimension in new[] { "channel", "agent" })
                    {
                        service.Add(await BreakdownAsync(code, dimension, filter, ct));
                    }
                }
                return DepartmentPanelsView.None with { ServiceBreakdowns = service };
            case "hr":
                var agents = new List<BreakdownPanel>();
                foreach (var code in new[] { "csat", "ces" })
                {
                    var panel = await BreakdownAsync(code, "agent", filter, ct);
                    // Only agents with enough answers to say something, best first.
                    agents.Add(panel with
                    {
                        Rows = panel.Rows.Where(r => r.Point.N >= settings.Value.SmallSampleThreshold && r.Point.Value is not null)
                            .OrderByDescending(r => panel.Definition.HigherIsBetter ? r.Point.Value : -r.Point.Value).Take(10).ToList(),
                    });
                }
                return DepartmentPanelsView.None with
                {
                    Nps = await headlines.ForAsync(MetricCatalog.Find("nps")!, filter, ct: ct),
                    Enps = await headlines.ForAsync(MetricCatalog.Find("enps")!, filter, ct: ct),
                    TopAgents = agents,
                };
            case "product":
                var effects = new List<ReleaseEffect>();
                foreach (var release in view.Events.Where(e => e.Kind == EventKind.Release).OrderByDescending(e => e.OccurredOn).Take(6))
                {
                    foreach (var code in new[] { "ces", "psat" })
                    {
                        effects.Add(await ReleaseEffectAsync(release, MetricCatalog.Find(code)!, filter, ct));
                    }
                }
                return DepartmentPanelsView.None with { Releases = effects };
            case "success":
                return DepartmentPanelsView.None with
                {
                    Detractors = await comments.RecentAsync(Survey.Nps, filter, maxScore: 6, limit: 15, ct: ct),
                };
            default:
                return DepartmentPanelsView.None;
        }
    }

    private async Task<BreakdownPanel> BreakdownAsync(string code, string dimension, MetricFilter filter, CancellationToken ct)
    {
        var definition = MetricCatalog.Find(code)!;
        return new BreakdownPanel(definition, dimension, await explorer.BreakdownAsync(definition, filter, dimension, ct: ct));
    }

    private async Task<ReleaseEffect> ReleaseEffectAsync(Event release, MetricDefinition definition, MetricFilter filter, CancellationToken ct)
    {
        var day = release.OccurredOn;
        var before = (await metrics.SeriesAsync(definition, filter with { From = day.AddDays(-ReleaseWindowDays), To = day.AddDays(-1), Grain = Grain.Total }, ct: ct)).Points[0];
        var after = (await metrics.SeriesAsync(definition, filter with { From = day, To = day.AddDays(ReleaseWindowDays - 1), Grain = Grain.Total }, ct: ct)).Points[0];
        return new ReleaseEffect(release, definition, before, after, PointComparison.Compare(definition, before, after));
    }
}
