using CxBridge.Metrics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxBridge.Data.Queries;

/// <summary>
/// The metrics of customers, orders and tickets (docs/metrics.md), one SQL statement per metric over all periods:
/// counts, sums and percentiles in PostgreSQL, the arithmetic in CxBridge.Metrics.
/// </summary>
public sealed class OperationalMetricQuery(NpgsqlDataSource dataSource, IOptions<CxBridgeSettings> settings)
{
    public async Task<IReadOnlyList<MetricPoint>> SeriesAsync(string code, MetricFilter filter, ChurnBasis? basis = null, CancellationToken ct = default)
    {
        var current = settings.Value; // one reading per series
        var s = current.MetricSettings;
        var windows = PeriodWindows.Of(filter, current.TimeZoneInfo);
        return code switch
        {
            "retention_rate" => (await CustomersAsync(windows, filter, ct)).Select(r => CustomerMetric.Retention(r.Period, r.Value, s)).ToList(),
            "churn_rate" => (await CustomersAsync(windows, filter, ct)).Select(r => CustomerMetric.Churn(r.Period, r.Value, basis ?? s.ChurnBasis, s)).ToList(),
            "clv" => (await ClvAsync(windows, ct)).Select(r => Clv.Evaluate(r.Period, r.Value, s.ClvGrossMargin, s.ClvMaxLifespanYears, s)).ToList(),
            "referral_rate" => (await CountsAsync(windows, filter, MetricRows.Of(code), "x.referred IS TRUE", ct))
                .Select(r => CommercialMetric.ReferralRate(r.Period, r.Part, r.Whole, s)).ToList(),
            "fcr" => (await CountsAsync(windows, filter, MetricRows.Of(code), "x.contacts = 1", ct))
                .Select(r => ServiceMetric.Fcr(r.Period, r.Part, r.Whole, s)).ToList(),
            "escalation_rate" => (await CountsAsync(windows, filter, MetricRows.Of(code), "x.escalated IS TRUE", ct))
                .Select(r => ServiceMetric.EscalationRate(r.Period, r.Part, r.Whole, s)).ToList(),
            "frt" => (await DurationsAsync(windows, filter, MetricRows.Of(code), "first_response_at", ct)).Select(r => ServiceMetric.Frt(r.Period, r.Value, s)).ToList(),
            "resolution_time" => (await DurationsAsync(windows, filter, MetricRows.Of(code), "resolved_at", ct)).Select(r => ServiceMetric.ResolutionTime(r.Period, r.Value, s)).ToList(),
            _ => throw new ArgumentException($"'{code}' is not an operational metric", nameof(code)),
        };
    }

    /// <summary>S, N, L_S and L of docs/metrics.md for each period.</summary>
    private async Task<List<(DateOnly Period, CustomerAggregate Value)>> CustomersAsync(PeriodWindows windows, MetricFilter filter, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        windows.AddParameters(command);
        var dims = PeriodWindows.DimensionFilter(command, filter, "c", MetricRows.CustomerDimensions);
        command.CommandText = $"""
            WITH {PeriodWindows.Cte}
            SELECT p.period,
                   count(c.customer_id) FILTER (WHERE c.started_at < p.s AND (c.ended_at IS NULL OR c.ended_at >= p.s))::int,
                   count(c.customer_id) FILTER (WHERE c.started_at >= p.s AND c.started_at < p.e)::int,
                   count(c.customer_id) FILTER (WHERE c.started_at < p.s AND c.ended_at >= p.s AND c.ended_at < p.e)::int,
                   count(c.customer_id) FILTER (WHERE c.ended_at >= p.s AND c.ended_at < p.e)::int
            FROM p LEFT JOIN customers c ON c.started_at < p.e AND (c.ended_at IS NULL OR c.ended_at >= p.s){dims}
            GROUP BY p.period ORDER BY p.period
            """;
        var rows = new List<(DateOnly, CustomerAggregate)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetFieldValue<DateOnly>(0), new CustomerAggregate(reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4))));
        }
        return rows;
    }

    /// <summary>For each period ending at e, the trailing twelve months W = [e − 12 months, e): revenue, orders, buyers, S and L_S.</summary>
    private async Task<List<(DateOnly Period, ClvInputs Value)>> ClvAsync(PeriodWindows windows, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        windows.AddParameters(command);
        command.CommandText = $"""
            WITH {PeriodWindows.Cte},
                 w AS (SELECT period, e - interval '12 months' AS ws, e AS we, row_number() OVER (ORDER BY e, period) AS i FROM p),
                 ends AS (SELECT array_agg(we ORDER BY i) AS we FROM w),
                 -- l: until when an order makes its customer a buyer: 12 months later, or the customer's next order.
                 -- A customer bought in [ws, we) exactly when one of its orders has t in [ws, we) and l >= we, so
                 -- distinct buyers are counted without a DISTINCT (which sorted 18M rows on disk at 2M orders).
                 ord AS (SELECT amount, ordered_at AS t,
                                least(ordered_at + interval '12 months', lead(ordered_at) OVER (PARTITION BY customer_id ORDER BY ordered_at)) AS l
                         -- Only orders some window can see; cutting the later ones only shortens l past every window's end.
                         FROM orders WHERE ordered_at >= (SELECT min(ws) FROM w) AND ordered_at < (SELECT max(we) FROM w)),
                 -- The windows holding an order are those with t < we <= t + 12 months: numbers first..last in window
                 -- order (width_bucket counts the window ends <= its argument); it makes a buyer in first..buyer.
                 idx AS (SELECT o.amount, width_bucket(o.t, ends.we) + 1 AS first, width_bucket(o.t + interval '12 months', ends.we) AS last,
                                width_bucket(o.l, ends.we) AS buyer
                         FROM ord o, ends),
                 -- Each order adds to windows first..last: +1 at first, -1 after last; a running sum over the windows
                 -- gives each window's totals without joining every order to every window.
                 d AS (SELECT first AS i, sum(amount) AS revenue, count(*) AS orders, 0 AS buyers FROM idx WHERE first <= last GROUP BY first
                       UNION ALL SELECT last + 1, -sum(amount), -count(*), 0 FROM idx WHERE first <= last GROUP BY last
                       UNION ALL SELECT first, 0, 0, count(*) FROM idx WHERE first <= buyer GROUP BY first
                       UNION ALL SELECT buyer + 1, 0, 0, -count(*) FROM idx WHERE first <= buyer GROUP BY buyer),
                 o AS (SELECT w.period, coalesce(sum(d.revenue), 0) AS revenue, coalesce(sum(d.orders), 0)::int AS orders,
                              coalesce(sum(d.buyers), 0)::int AS buyers
                       FROM w LEFT JOIN d ON d.i <= w.i GROUP BY w.period),
                 c AS (SELECT w.period,
                              count(c.customer_id) FILTER (WHERE c.started_at < w.ws AND (c.ended_at IS NULL OR c.ended_at >= w.ws))::int AS s,
                              count(c.customer_id) FILTER (WHERE c.started_at < w.ws AND c.ended_at >= w.ws AND c.ended_at < w.we)::int AS ls
                       FROM w LEFT JOIN customers c ON c.started_at < w.ws AND (c.ended_at IS NULL OR c.ended_at >= w.ws) GROUP BY w.period)
            SELECT o.period, o.revenue, o.orders, o.buyers, c.s, c.ls FROM o JOIN c USING (period) ORDER BY o.period
            """;
        var rows = new List<(DateOnly, ClvInputs)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add((reader.GetFieldValue<DateOnly>(0),
                new ClvInputs(reader.GetDecimal(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5))));
        }
        return rows;
    }

    /// <summary>Per period: the rows <paramref name="rows"/> counts (n), and of those the ones matching <paramref name="part"/>.</summary>
    private async Task<List<(DateOnly Period, int Part, int Whole)>> CountsAsync(PeriodWindows windows, MetricFilter filter, MetricRows rows,
        string part, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        windows.AddParameters(command);
        var dims = PeriodWindows.DimensionFilter(command, filter, "x", rows.Dimensions);
        command.CommandText = $"""
            WITH {PeriodWindows.Cte}
            SELECT p.period, count(x.{rows.Key}) FILTER (WHERE {part})::int, count(x.{rows.Key})::int
            FROM p LEFT JOIN {rows.Table} x ON x.{rows.TimeColumn} >= p.s AND x.{rows.TimeColumn} < p.e AND {rows.Counted}{dims}
            GROUP BY p.period ORDER BY p.period
            """;
        var result = new List<(DateOnly, int, int)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add((reader.GetFieldValue<DateOnly>(0), reader.GetInt32(1), reader.GetInt32(2)));
        }
        return result;
    }

    /// <summary>
    /// Hours from opened_at to <paramref name="untilColumn"/> of the tickets <paramref name="rows"/> counts (FRT: opened in
    /// the period, with a first response; resolution time: resolved in the period): count, sum, sum of squares, median
    /// and p90 (percentile_cont: linear interpolation between closest ranks, as docs/metrics.md says).
    /// </summary>
    private async Task<List<(DateOnly Period, DurationAggregate Value)>> DurationsAsync(PeriodWindows windows, MetricFilter filter,
        MetricRows rows, string untilColumn, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand();
        windows.AddParameters(command);
        var dims = PeriodWindows.DimensionFilter(command, filter, "x", rows.Dimensions);
        command.CommandText = $"""
            WITH {PeriodWindows.Cte},
                 d AS (SELECT p.period, extract(epoch FROM x.{untilColumn} - x.opened_at)::double precision / 3600 AS hours
                       FROM p JOIN tickets x ON x.{rows.TimeColumn} >= p.s AND x.{rows.TimeColumn} < p.e AND {rows.Counted}{dims})
            SELECT p.period, count(d.hours)::int, coalesce(sum(d.hours), 0), coalesce(sum(d.hours * d.hours), 0),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY d.hours), percentile_cont(0.9) WITHIN GROUP (ORDER BY d.hours)
            FROM p LEFT JOIN d ON d.period = p.period
            GROUP BY p.period ORDER BY p.period
            """;
        var result = new List<(DateOnly, DurationAggregate)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add((reader.GetFieldValue<DateOnly>(0), new DurationAggregate(reader.GetInt32(1), reader.GetDouble(2),
                reader.IsDBNull(4) ? null : reader.GetDouble(4), reader.IsDBNull(5) ? null : reader.GetDouble(5), reader.GetDouble(3))));
        }
        return result;
    }
}
