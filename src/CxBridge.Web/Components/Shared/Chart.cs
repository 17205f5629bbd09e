using CxBridge.Data.Entities;
using CxBridge.Data.Queries;
using CxBridge.Web.Components.Charts;

namespace CxBridge.Web.Components.Shared;

/// <summary>Chart data from metric series.</summary>
public static class Chart
{
    /// <summary>One chart point per period: value, interval, n, small-sample and "so far" (partial period) flags.</summary>
    public static IReadOnlyList<ChartPoint> Points(MetricSeries series) =>
        series.Points.Select((p, i) => new ChartPoint(p.Period, p.Value, p.Low, p.High, p.N, p.LowSample,
            i < series.Coverage.Count && series.Coverage[i].IsPartial)).ToList();

    /// <summary>Events as a trend draws and lists them: "3/15/2026 · release: Release 3.2 (product)".</summary>
    public static IReadOnlyList<ChartEvent> Events(IEnumerable<Event> events, DisplayFormat format, bool withDepartment = true) =>
        events.Select(e => new ChartEvent(e.OccurredOn,
            $"{format.Date(e.OccurredOn)} · {e.Kind.Code().Replace('_', ' ')}: {e.Title}{(withDepartment && e.Department is { } d ? $" ({d})" : "")}",
            e.Kind.Code())).ToList();
}
