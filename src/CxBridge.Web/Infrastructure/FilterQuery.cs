using System.Globalization;
using CxBridge.Data;
using CxBridge.Data.Queries;
using CxBridge.Metrics;
using Microsoft.Extensions.Options;

namespace CxBridge.Web.Infrastructure;

/// <summary>
/// Reads the common filter (from, to, grain, dimension values) from a query string, for the API and the pages
/// alike, so a page URL and an API URL with the same parameters mean the same cut.
/// </summary>
public sealed class FilterQuery(IOptions<CxBridgeSettings> settings, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), settings.Value.TimeZoneInfo).DateTime);

    public MetricFilter Parse(IQueryCollection query, out List<string> problems, Grain defaultGrain = Grain.Month)
    {
        problems = [];
        var (defaultFrom, defaultTo) = MetricFilter.DefaultRange(Today);
        var from = ParseDate(query["from"], "from", defaultFrom, problems);
        var to = ParseDate(query["to"], "to", defaultTo, problems);
        if (to < from)
        {
            problems.Add($"to ({to:yyyy-MM-dd}) is before from ({from:yyyy-MM-dd}): expected from <= to");
        }
        var grain = defaultGrain;
        var grainText = query["grain"].ToString();
        if (!string.IsNullOrEmpty(grainText) && !Grains.TryParse(grainText, out grain))
        {
            problems.Add($"grain '{grainText}' is not known: expected week, month, quarter, year or total");
        }
        var dimensions = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var dimension in MetricFilter.KnownDimensions)
        {
            var values = query[dimension].SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct().ToList();
            if (values.Count > 0)
            {
                dimensions[dimension] = values;
            }
        }
        return new MetricFilter(from, to, grain, dimensions);
    }

    private static DateOnly ParseDate(string? text, string name, DateOnly fallback, List<string> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problems.Add($"{name} '{text}' is not a date: expected yyyy-MM-dd");
        return fallback;
    }
}
