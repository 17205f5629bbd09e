using CxBridge.Data.Queries;
using CxBridge.Metrics;
using CxBridge.Web.Infrastructure;

namespace CxBridge.Web.Api;

/// <summary>GET /api/metrics (the catalog) and GET /api/metrics/{code} (a metric over periods), docs/data-contract.md.</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/metrics").WithTags("Metrics");
        api.MapGet("/", () => MetricCatalog.All.Select(d => new { d.Code, d.Name, d.Unit, d.HigherIsBetter, d.Definition, d.Version }));
        api.MapGet("/{code}", SeriesAsync);
        return app;
    }

    private static async Task<IResult> SeriesAsync(string code, HttpRequest request, FilterQuery filters, MetricQuery metrics, CancellationToken ct)
    {
        var definition = MetricCatalog.Find(code);
        if (definition is null)
        {
            return Results.Problem(statusCode: 404, title: "Unknown metric",
                detail: $"'{code}' is not a metric: expected one of {string.Join(", ", MetricCatalog.All.Select(m => m.Code))}");
        }
        var filter = filters.Parse(request.Query, out var problems);
        ChurnBasis? basis = null;
        var basisText = request.Query["basis"].ToString();
        if (!string.IsNullOrEmpty(basisText))
        {
            if (ChurnBases.TryParse(basisText, out var parsed)) basis = parsed;
            else problems.Add($"basis '{basisText}' is not known: expected start or period");
        }
        if (problems.Count > 0)
        {
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["query"] = problems.ToArray() }, detail: string.Join("; ", problems));
        }
        var series = await metrics.SeriesAsync(definition, filter, basis, ct);
        return Results.Ok(new
        {
            metric = definition.Code,
            unit = definition.Unit,
            grain = filter.Grain.Code(),
            from = filter.From,
            to = filter.To,
            // Dimension filters this metric's rows do not carry: not applied, the values are unfiltered by them.
            notApplied = series.NotApplied,
            // partial: the range or today cuts the period short; coveredFrom/coveredTo (inclusive) say which days the value covers.
            points = series.Points.Select((p, i) => new
            {
                period = p.Period, p.Value, p.N, p.Low, p.High, p.LowSample, p.Suppressed,
                partial = series.Coverage[i].IsPartial,
                coveredFrom = series.Coverage[i].Start,
                coveredTo = series.Coverage[i].End.AddDays(-1),
                p.Detail,
            }),
        });
    }
}
