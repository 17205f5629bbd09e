using CxBridge.Metrics;

namespace CxBridge.Data.Queries;

/// <summary>
/// Revenue at risk from churn over a range: the customers lost in it (every customer whose end date falls in the range,
/// the churn metric's L) times the customer lifetime value at the range's end (trailing twelve months). Null parts
/// (no customers, no orders) leave the amount null rather than zero.
/// </summary>
public sealed record RevenueAtRisk(DateOnly From, DateOnly To, int CustomersLost, double? LifetimeValue, int LifetimeValueN)
{
    public double? Amount => LifetimeValue is { } clv ? CustomersLost * clv : null;
}

/// <summary>Reads <see cref="RevenueAtRisk"/> from the churn and CLV metrics (the same numbers their tiles show).</summary>
public sealed class RevenueAtRiskQuery(MetricQuery metrics)
{
    public async Task<RevenueAtRisk> ForAsync(MetricFilter filter, CancellationToken ct = default)
    {
        var whole = filter with { Grain = Grain.Total };
        var churn = (await metrics.SeriesAsync(MetricCatalog.Find("churn_rate")!, whole, ChurnBasis.Period, ct)).Points[0];
        var clv = (await metrics.SeriesAsync(MetricCatalog.Find("clv")!, whole, ct: ct)).Points[0];
        var lost = (int)(churn.Detail.GetValueOrDefault("lost") ?? 0);
        return new RevenueAtRisk(filter.From, filter.To, lost, clv.Value, clv.N);
    }
}
