using CxBridge.Metrics;
using CxBridge.Web.Infrastructure;

namespace CxBridge.Web.Components.Pages.NorthStar;

/// <summary>
/// CSV downloads of the North Star page's tables, with the page's query string (range, grain, filters, q):
/// /north-star/export/{metrics|departments|linkages|stories}. Numbers unrounded and invariant, cells neutralised against
/// spreadsheet formulas (CsvExport), the same query as the page.
/// </summary>
public static class NorthStarExportEndpoints
{
    public static IEndpointRouteBuilder MapNorthStarExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/north-star/export/{table}", async (string table, HttpRequest request, FilterQuery filters, NorthStarQuery query, CancellationToken ct) =>
        {
            if (table is not ("metrics" or "departments" or "linkages" or "stories"))
            {
                return Results.Problem(statusCode: 404, title: "No such table", detail: $"'{table}' is not a table of the North Star page: expected metrics, departments, linkages or stories");
            }
            var filter = filters.Parse(request.Query, out var problems);
            if (problems.Count > 0)
            {
                return Results.Problem(statusCode: 400, title: "Cannot export", detail: string.Join("; ", problems));
            }
            var search = request.Query["q"].ToString();
            var view = await query.LoadAsync(filter, string.IsNullOrWhiteSpace(search) ? null : search, ct);
            var csv = table switch
            {
                "metrics" => CsvExport.Write(CsvExport.HeadlineColumns,
                    view.Metrics.Prepend(view.NorthStar).Select(m => CsvExport.HeadlineRow(m.Headline, m.Target, m.Status))),
                "departments" => CsvExport.Write(
                    ["department", "name", "targets_met", "targets_set", "without_value", "worst_subject", "worst_value", "worst_good", "strongest_link"],
                    view.Departments.Select(d => new object?[]
                    {
                        d.Department.Code, d.Department.Name, d.Attainment.Met, d.Attainment.Set, d.Attainment.WithoutValue,
                        d.WorstMiss?.Subject.ToString(), d.WorstMiss?.Value, d.WorstMiss?.Target.Good,
                        d.StrongestLink is { } l ? $"{l.Driver.Code} -> {l.Outcome.Code}" : null,
                    })),
                "linkages" => CsvExport.Write(
                    ["department", "driver", "outcome", "expected_sign", "strongest_lag", "n", "r", "p", "q", "slope", "slope_low", "slope_high", "verdict"],
                    view.Linkages.Select(x => (x.Department, Link: x.Link, Lag: x.Link.Result.Strongest!)).Select(x => new object?[]
                    {
                        x.Department.Code, x.Link.Driver.Ref.ToString(), x.Link.Outcome.Ref.ToString(), x.Link.Pair.ExpectedSign, x.Lag.Lag, x.Lag.N,
                        x.Lag.Pearson, x.Lag.P, x.Lag.Q, x.Lag.Slope, x.Lag.SlopeInterval95?.Low, x.Lag.SlopeInterval95?.High,
                        Api.DepartmentsApi.Code(x.Link.Result.Verdict!.Value),
                    })),
                _ => CsvExport.Write(
                    ["kind", "responded_at", "survey", "score", "segment", "channel", "comment"],
                    view.Promoters.Select(c => ("promoter", c)).Concat(view.Detractors.Select(c => ("detractor", c))).Select(x => new object?[]
                    {
                        x.Item1, x.c.RespondedAt, x.c.Survey, x.c.Score, x.c.Segment, x.c.Channel, x.c.Comment,
                    })),
            };
            return CsvExport.File(csv, $"north-star-{table}-{filter.From:yyyyMMdd}-{filter.To:yyyyMMdd}.csv");
        }).ExcludeFromDescription();
        return app;
    }
}
