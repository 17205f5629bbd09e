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
}
