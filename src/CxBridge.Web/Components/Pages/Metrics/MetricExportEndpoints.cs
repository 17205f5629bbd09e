using CxBridge.Web.Infrastructure;

namespace CxBridge.Web.Components.Pages.Metrics;

/// <summary>
/// CSV downloads of the explorer's tables: /metrics/{code}/export/{periods|breakdown|rows}?(the page's query). The rows
/// export is the drill-down's rows in one read, up to ExplorerQuery.MaxRows.
/// </summary>
public static class MetricExportEndpoints
{
    public static IEndpointRouteBuilder MapMetricExports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics/{code}/export/{table}", async (string code, string table, HttpRequest request, MetricExplorerQuery query, CancellationToken ct) =>
        {
            var r = query.Parse(code, request.Query);
            if (r is null || r.Problems.Count > 0)
            {
                return Results.Problem(statusCode: r is null ? 404 : 400, title: "Cannot export", detail: r is null ? $"'{code}' is not a metric" : string.Join("; ", r.Problems));
            }
            string csv;
            switch (table)
            {
                case "periods":
                    var series = await query.SeriesAsync(r, ct);
                    var keys = series.Points.SelectMany(p => p.Detail.Keys).Distinct().ToList();
                    csv = CsvExport.Write(["period", "value", "n", "low", "high", "low_sample", "suppressed", .. keys],
                        series.Points.Select(p => new object?[] { p.Period, p.Value, p.N, p.Low, p.High, p.LowSample, p.Suppressed }
                            .Concat(keys.Select(k => (object?)p.Detail.GetValueOrDefault(k)))));
                    break;
                case "breakdown":
                    var rows = await query.BreakdownAsync(r, ct);
                    csv = CsvExport.Write([r.By ?? "segment", "value", "n", "low", "high", "rest_value", "rest_n", "p_vs_rest", "significant"],
                        rows.Select(b => new object?[] { b.Value, b.Point.Value, b.Point.N, b.Point.Low, b.Point.High, b.Rest.Value, b.Rest.N, b.VersusRest.P, b.VersusRest.Significant }));
                    break;
                case "rows":
                    var drill = await query.AllRowsAsync(r, ct);
                    csv = CsvExport.Write(drill.Columns, drill.Rows.Select(row => row.Cast<object?>()));
                    break;
                default:
                    return Results.Problem(statusCode: 404, title: "No such table", detail: "expected periods, breakdown or rows");
            }
            return CsvExport.File(csv, $"{r.Definition.Code}-{table}-{r.Filter.From:yyyyMMdd}-{r.Filter.To:yyyyMMdd}.csv");
        }).ExcludeFromDescription();
        return app;
    }
}
