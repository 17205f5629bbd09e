using System.Globalization;
using CxBridge.Metrics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxBridge.Data.Queries;

/// <summary>One segment of a breakdown: its point, and whether it differs from everyone else beyond chance.</summary>
public sealed record BreakdownRow(string Value, MetricPoint Point, MetricPoint Rest, ChangeTest VersusRest);

/// <summary>A page of the rows behind a number: column names, rows as text, and how many rows there are in all.</summary>
public sealed record DrillPage(IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string?>> Rows, int Total, int Page, int PageSize);

/// <summary>The metric explorer's reads beyond the trend: distribution, breakdown by a dimension, and drill-down.</summary>
public sealed class ExplorerQuery(NpgsqlDataSource dataSource, MetricQuery metrics, IOptions<CxBridgeSettings> settings)
{
    public const int MaxSegments = 15;

    /// <summary>The most rows one drill-down read returns (a page, or a whole CSV export).</summary>
    public const int MaxRows = 100_000;

    /// <summary>Ticket durations are shown in these buckets (hours, lower bound inclusive).</summary>
    public static readonly (string Label, double From, double To)[] DurationBuckets =
    [
        ("< 1 h", 0, 1), ("1–4 h", 1, 4), ("4–8 h", 4, 8), ("8–24 h", 8, 24), ("1–3 d", 24, 72), ("3–7 d", 72, 168), ("> 7 d", 168, double.MaxValue),
    ];

    /// <summary>The dimensions a metric can be broken down by.</summary>
    public static IReadOnlyCollection<string> Dimensions(MetricDefinition definition) => MetricRows.DimensionsOf(definition.Code, definition.Source);

    /// <summary>Score histogram for surveys, duration histogram for FRT and resolution time; empty for the others.</summary>
    public async Task<IReadOnlyList<(string Label, int Count)>> DistributionAsync(MetricDefinition definition, MetricFilter filter, CancellationToken ct = default)
    {
        var (s, e) = PeriodWindows.Whole(filter, settings.Value.TimeZoneInfo);
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue(s);
        command.Parameters.AddWithValue(e);
        if (Surveys.TryParse(definition.Code, out var survey))
        {
            command.Parameters.AddWithValue(survey.Code());
            var dims = PeriodWindows.DimensionFilter(command, filter, "r", SurveyMetricQuery.ResponseDimensions);
            command.CommandText = $"""
                SELECT r.score, count(*)::int FROM survey_responses r
                WHERE r.survey = $3 AND r.responded_at >= $1 AND r.responded_at < $2{dims}
                GROUP BY r.score ORDER BY r.score
                """;
            var result = new List<(string, int)>();
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                result.Add((reader.GetDouble(0).ToString(CultureInfo.InvariantCulture), reader.GetInt32(1)));
            }
            return result;
        }
        if (definition.Code is "frt" or "resolution_time")
        {
            var rows = MetricRows.Of(definition.Code);
            var until = definition.Code == "frt" ? "first_response_at" : "resolved_at";
            var dims = PeriodWindows.DimensionFilter(command, filter, "x", rows.Dimensions);
            command.CommandText = $"""
                SELECT extract(epoch FROM x.{until} - x.opened_at)::double precision / 3600 FROM tickets x
                WHERE x.{rows.TimeColumn} >= $1 AND x.{rows.TimeColumn} < $2 AND {rows.Counted}{dims}
                """;
            var counts = new int[DurationBuckets.Length];
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var hours = reader.GetDouble(0);
                counts[Array.FindIndex(DurationBuckets, b => hours >= b.From && hours < b.To)]++;
            }
            return DurationBuckets.Select((b, i) => (b.Label, counts[i])).ToList();
        }
        return [];
    }

    /// <summary>
    /// The metric over the whole filter for each of the most frequent values of <paramref name="dimension"/>, each
    /// compared with all other rows (<see cref="PointComparison"/>).
    /// </summary>
    public async Task<IReadOnlyList<BreakdownRow>> BreakdownAsync(MetricDefinition definition, MetricFilter filter, string dimension,
        ChurnBasis? basis = null, CancellationToken ct = default)
    {
        if (!Dimensions(definition).Contains(dimension))
        {
            return [];
        }
        var total = filter with { Grain = Grain.Total };
        var values = await ValuesAsync(definition, total, dimension, ct);
        // Segments are independent reads, each on its own pooled connection: a few at once, kept in the values' order.
        var rows = new BreakdownRow[values.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = SegmentReadsAtOnce, CancellationToken = ct };
        await Parallel.ForAsync(0, values.Count, options, async (i, token) =>
        {
            var point = (await metrics.SeriesAsync(definition, total.With(dimension, values[i]), basis, token)).Points.Single();
            var rest = (await metrics.SeriesAsync(definition, total.Without(dimension, values[i]), basis, token)).Points.Single();
            rows[i] = new BreakdownRow(values[i], point, rest, PointComparison.Compare(definition, point, rest));
        });
        return rows;
    }

    /// <summary>How many segments of a breakdown are read at once (each takes one connection while it is read).</summary>
    private const int SegmentReadsAtOnce = 4;

    private async Task<List<string>> ValuesAsync(MetricDefinition definition, MetricFilter filter, string dimension, CancellationToken ct)
    {
        var (table, time) = definition.Source switch
        {
            "responses" => ("survey_responses", "responded_at"),
            "customers" => ("customers", "started_at"),
            _ => (MetricRows.Of(definition.Code).Table, MetricRows.Of(definition.Code).TimeColumn),
        };
        var (s, e) = PeriodWindows.Whole(filter, settings.Value.TimeZoneInfo);
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue(s);
        command.Parameters.AddWithValue(e);
        // Customers: every customer who was active in the window; other rows: those whose time falls in it.
        var when = definition.Source == "customers"
            ? "x.started_at < $2 AND (x.ended_at IS NULL OR x.ended_at >= $1)"
            : $"x.{time} >= $1 AND x.{time} < $2";
        command.CommandText = $"""
            SELECT x.{dimension} FROM {table} x WHERE {when} AND x.{dimension} IS NOT NULL
            GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT {MaxSegments}
            """;
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    /// <summary>
    /// The rows counted in n for the whole filter window (one period when the page drills into a period), one page at a
    /// time, in time order or sorted by one of the returned columns (<paramref name="sort"/> = a column name, descending
    /// when <paramref name="descending"/>; an unknown name keeps time order). eNPS rows are only listed for cuts at or
    /// above the anonymity threshold.
    /// </summary>
    public async Task<DrillPage> DrillAsync(MetricDefinition definition, MetricFilter filter, ChurnBasis? basis, int page, int pageSize,
        CancellationToken ct = default, string? sort = null, bool descending = false)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxRows);
        page = Math.Clamp(page, 1, int.MaxValue / pageSize);
        var (s, e) = PeriodWindows.Whole(filter, settings.Value.TimeZoneInfo);
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue(s);
        command.Parameters.AddWithValue(e);
        string[] columns;
        string from, order;
        if (Surveys.TryParse(definition.Code, out var survey))
        {
            command.Parameters.AddWithValue(survey.Code());
            var dims = PeriodWindows.DimensionFilter(command, filter, "x", SurveyMetricQuery.ResponseDimensions);
            columns = ["x.responded_at", "x.score", "x.comment", "x.customer_id", "x.channel", "x.touchpoint", "x.region", "x.product", "x.segment", "x.agent", "x.department", "x.response_id"];
            from = $"survey_responses x WHERE x.survey = $3 AND x.responded_at >= $1 AND x.responded_at < $2{dims}";
            order = "x.responded_at, x.id";
        }
        else if (definition.Source == "customers")
        {
            var dims = PeriodWindows.DimensionFilter(command, filter, "x", MetricRows.CustomerDimensions);
            var periodBasis = definition.Code == "churn_rate" && (basis ?? settings.Value.MetricSettings.ChurnBasis) == ChurnBasis.Period;
            // Start cohort S (retention, churn on the start basis) or S + N (churn on the period basis).
            var cohort = "x.started_at < $1 AND (x.ended_at IS NULL OR x.ended_at >= $1)";
            columns = ["x.customer_id", "x.started_at", "x.ended_at", "(x.ended_at IS NOT NULL AND x.ended_at < $2) AS lost_in_period", "x.segment", "x.region", "x.plan"];
            from = $"customers x WHERE ({cohort}{(periodBasis ? " OR (x.started_at >= $1 AND x.started_at < $2)" : "")}){dims}";
            order = "x.customer_id";
        }
        else if (definition.Code == "clv")
        {
            // n = distinct purchasing customers over the trailing twelve months ending at the window's end.
            command.Parameters[0].Value = e.AddMonths(-12);
            columns = ["x.customer_id", "count(*) AS orders", "sum(x.amount) AS revenue", "min(x.ordered_at) AS first_order", "max(x.ordered_at) AS last_order"];
            from = "orders x WHERE x.ordered_at >= $1 AND x.ordered_at < $2 GROUP BY x.customer_id";
            order = "x.customer_id";
        }
        else
        {
            var rows = MetricRows.Of(definition.Code);
            var dims = PeriodWindows.DimensionFilter(command, filter, "x", rows.Dimensions);
            columns = rows.Table == "tickets"
                ? ["x.ticket_id", "x.opened_at", "x.first_response_at", "x.resolved_at",
                    "round((extract(epoch FROM x.first_response_at - x.opened_at) / 3600)::numeric, 2) AS first_response_hours",
                    "round((extract(epoch FROM x.resolved_at - x.opened_at) / 3600)::numeric, 2) AS resolution_hours",
                    "x.contacts", "x.escalated", "x.channel", "x.agent", "x.team", "x.customer_id"]
                : ["x.order_id", "x.ordered_at", "x.customer_id", "x.amount", "x.referred", "x.channel"];
            from = $"{rows.Table} x WHERE x.{rows.TimeColumn} >= $1 AND x.{rows.TimeColumn} < $2 AND {rows.Counted}{dims}";
            order = $"x.{rows.TimeColumn}, 1";
        }

        var names = columns.Select(ColumnName).ToList();
        var sortIndex = sort is null ? -1 : names.IndexOf(sort);
        if (sortIndex >= 0)
        {
            // By the column's position in the select list (names are only checked against that list, never inserted).
            order = $"{sortIndex + 1} {(descending ? "DESC NULLS LAST" : "ASC NULLS FIRST")}, {order}";
        }
        command.CommandText = $"SELECT count(*)::int FROM (SELECT 1 FROM {from}) n";
        var total = (int)(await command.ExecuteScalarAsync(ct))!;
        var threshold = settings.Value.AnonymityThreshold;
        if (definition.Code == "enps" && total < threshold)
        {
            return new DrillPage(["note"], [[$"hidden: {total} responses, below the anonymity threshold of {threshold}"]], 0, page, pageSize);
        }
        command.CommandText = $"SELECT {string.Join(", ", columns)} FROM {from} ORDER BY {order} LIMIT {pageSize} OFFSET {(long)(page - 1) * pageSize}";
        var result = new List<IReadOnlyList<string?>>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Text(reader.GetValue(i));
            }
            result.Add(row);
        }
        return new DrillPage(names, result, total, page, pageSize);
    }

    /// <summary>"x.score" → "score"; "count(*) AS orders" → "orders".</summary>
    private static string ColumnName(string column)
    {
        var alias = column.LastIndexOf(" AS ", StringComparison.Ordinal);
        return alias >= 0 ? column[(alias + 4)..] : column[(column.IndexOf('.') + 1)..];
    }

    private static string Text(object value) => value switch
    {
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
