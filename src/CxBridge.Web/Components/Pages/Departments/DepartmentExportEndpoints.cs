using CxBridge.Data.Departments;
using CxBridge.Data.Entities;
using CxBridge.Data.Queries;
using CxBridge.Metrics;
using CxBridge.Web.Api;
using CxBridge.Web.Infrastructure;

namespace CxBridge.Web.Components.Pages.Departments;

/// <summary>
/// CSV downloads of the department pages' tables, with the page's query string (range, grain, filters):
/// /departments/{code}/export/{table} — metrics, kpis, linkages (one row per pair and lag), events, and the tables of
/// the department's own panel (revenue_at_risk, breakdowns, chain, top_agents, releases, detractors; see
/// <see cref="DepartmentPanelsQuery"/>) — and /departments/export for the list. The same queries as the pages, so the
/// same numbers and the same eNPS suppression; numbers unrounded and invariant, cells neutralised (CsvExport).
/// </summary>
public static class DepartmentExportEndpoints
{
    public static IEndpointRouteBuilder MapDepartmentExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/departments/export", async (HttpRequest request, FilterQuery filters, DepartmentQuery departments, CancellationToken ct) =>
        {
            var filter = filters.Parse(request.Query, out var problems);
            if (problems.Count > 0)
            {
                return BadFilter(problems);
            }
            var csv = CsvExport.Write(
                ["department", "name", "targets_met", "targets_set", "without_value", "worst_subject", "worst_value", "worst_good",
                    "strongest_link", "strongest_lag", "strongest_r", "strongest_q", "strongest_n"],
                (await departments.OverviewAsync(filter, ct)).Select(d => new object?[]
                {
                    d.Department.Code, d.Department.Name, d.Attainment.Met, d.Attainment.Set, d.Attainment.WithoutValue,
                    d.WorstMiss?.Subject.ToString(), d.WorstMiss?.Value, d.WorstMiss?.Target.Good,
                    d.StrongestLink is { } l ? $"{l.Driver.Ref} -> {l.Outcome.Ref}" : null, d.StrongestLink?.Result.StrongestLag,
                    d.StrongestLink?.Result.Strongest?.Pearson, d.StrongestLink?.Result.Strongest?.Q, d.StrongestLink?.Result.Strongest?.N,
                }));
            return CsvExport.File(csv, $"departments-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv");
        }).ExcludeFromDescription();

        app.MapGet("/departments/{code}/export/{table}", async (string code, string table, HttpRequest request, FilterQuery filters,
            DepartmentCatalogQuery catalog, DepartmentQuery departments, DepartmentPanelsQuery panels, CancellationToken ct) =>
        {
            if (!await catalog.ExistsAsync(code, ct))
            {
                return Results.Problem(statusCode: 404, title: "Unknown department",
                    detail: $"'{code}' is not a department: expected one of {string.Join(", ", DepartmentCatalog.Codes)}");
            }
            var filter = filters.Parse(request.Query, out var problems);
            if (problems.Count > 0)
            {
                return BadFilter(problems);
            }
            if (await departments.LoadAsync(code, filter, ct) is not { } view)
            {
                return Results.Problem(statusCode: 404, title: "Unknown department", detail: $"'{code}' is not a department");
            }
            // The page's own tables first; the panel's (more reads) only when one of them is asked for.
            var tables = PageTables(view);
            if (!tables.ContainsKey(table))
            {
                foreach (var (name, write) in PanelTables(view, await panels.LoadAsync(view, ct)))
                {
                    tables[name] = write;
                }
            }
            if (!tables.TryGetValue(table, out var csv))
            {
                return Results.Problem(statusCode: 404, title: "No such table",
                    detail: $"'{table}' is not a table of the {view.Name} page: expected {string.Join(", ", tables.Keys)}");
            }
            return CsvExport.File(csv(), $"{view.Code}-{table}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv");
        }).ExcludeFromDescription();
        return app;
    }

    /// <summary>The tables every department page has: its CX metric tiles, its KPIs by month, its pairs by lag, its events.</summary>
    private static Dictionary<string, Func<string>> PageTables(DepartmentView view) => new()
    {
        ["metrics"] = () => CsvExport.Write(CsvExport.HeadlineColumns, view.Metrics.Select(m => CsvExport.HeadlineRow(m.Headline, m.Target, m.Status))),
        // A KPI without a value in the range still has its line, as it has its tile; its target and status go with its latest month.
        ["kpis"] = () => CsvExport.Write(
            ["kpi", "name", "unit", "currency", "direction", "period", "value", "latest", "good", "better", "best", "status"],
            view.Kpis.SelectMany(k => k.Points.DefaultIfEmpty().Select(p => new object?[]
            {
                k.Kpi.Code, k.Kpi.Name, k.Kpi.Unit, k.Kpi.Currency, k.Kpi.Direction.Code(), p?.Period, p?.Value, p is not null && p == k.Latest,
                k.Target?.Good, k.Target?.Better, k.Target?.Best, p is not null && p == k.Latest ? k.Status?.Code() : null,
            }))),
        ["linkages"] = () => CsvExport.Write(
            ["driver", "outcome", "expected_sign", "lag", "status", "n", "r", "r_low", "r_high", "p", "q", "spearman", "slope", "slope_low",
                "slope_high", "strongest", "verdict"],
            view.Linkages.SelectMany(l => l.Result.Lags.Select(x => new object?[]
            {
                l.Driver.Ref.ToString(), l.Outcome.Ref.ToString(), l.Pair.ExpectedSign, x.Lag, DepartmentsApi.Code(x.Status), x.N, x.Pearson,
                x.PearsonInterval95?.Low, x.PearsonInterval95?.High, x.P, x.Q, x.Spearman, x.Slope, x.SlopeInterval95?.Low, x.SlopeInterval95?.High,
                x.Lag == l.Result.StrongestLag, DepartmentsApi.Code(l.Result.Verdict!.Value),
            }))),
        ["events"] = () => CsvExport.Write(["date", "kind", "title", "department", "link"],
            view.Events.Select(e => new object?[] { e.OccurredOn, e.Kind.Code(), e.Title, e.Department, e.Link })),
    };

    /// <summary>The tables of the department's own panel, exactly those <see cref="DepartmentPanels"/> shows.</summary>
    private static IEnumerable<(string Name, Func<string> Write)> PanelTables(DepartmentView view, DepartmentPanelsView panels)
    {
        if (panels.RevenueAtRisk is { } risk)
        {
            yield return ("revenue_at_risk", () => CsvExport.Write(["from", "to", "customers_lost", "lifetime_value", "lifetime_value_n", "amount"],
                [[risk.From, risk.To, risk.CustomersLost, risk.LifetimeValue, risk.LifetimeValueN, risk.Amount]]));
        }
        if (panels.ServiceBreakdowns.Count > 0)
        {
            yield return ("breakdowns", () => Breakdowns(panels.ServiceBreakdowns));
        }
        if (panels is { Enps: { } enps, Nps: { } nps })
        {
            yield return ("chain", () => CsvExport.Write(CsvExport.HeadlineColumns, [CsvExport.HeadlineRow(enps, null, null), CsvExport.HeadlineRow(nps, null, null)]));
        }
        if (panels.TopAgents.Count > 0)
        {
            yield return ("top_agents", () => Breakdowns(panels.TopAgents));
        }
        if (panels.Releases.Count > 0)
        {
            yield return ("releases", () => CsvExport.Write(
                ["release_date", "release", "metric", "before", "before_n", "after", "after_n", "p", "significant"],
                panels.Releases.Select(e => new object?[]
                {
                    e.Release.OccurredOn, e.Release.Title, e.Definition.Code, e.Before.Value, e.Before.N, e.After.Value, e.After.N, e.Test.P, e.Test.Significant,
                })));
        }
        if (view.Code == "success")
        {
            yield return ("detractors", () => CsvExport.Write(["responded_at", "score", "customer", "segment", "comment"],
                panels.Detractors.Select(c => new object?[] { c.RespondedAt, c.Score, c.CustomerId, c.Segment, c.Comment })));
        }
    }

    /// <summary>
    /// Breakdown cards as rows: each segment's value and n and its test against the rest, as the card shows it. The rest's own
    /// value and n are not written: the page does not show them, and with the total they would give back a hidden cut.
    /// </summary>
    private static string Breakdowns(IEnumerable<BreakdownPanel> panels) => CsvExport.Write(
        ["metric", "dimension", "segment", "value", "n", "low", "high", "p_vs_rest", "significant"],
        panels.SelectMany(panel => panel.Rows.Select(r => new object?[]
        {
            panel.Definition.Code, panel.Dimension, r.Value, r.Point.Value, r.Point.N, r.Point.Low, r.Point.High, r.VersusRest.P, r.VersusRest.Significant,
        })));

    private static IResult BadFilter(List<string> problems) =>
        Results.Problem(statusCode: 400, title: "Cannot export", detail: string.Join("; ", problems));
}
