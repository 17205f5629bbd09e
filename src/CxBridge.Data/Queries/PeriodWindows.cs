using CxBridge.Data.Imports;
using CxBridge.Metrics;
using Npgsql;
using NpgsqlTypes;

namespace CxBridge.Data.Queries;

/// <summary>
/// The periods of a filter as UTC instants: each period [start, end) cut in the organisation's time zone and
/// clipped to the filter's inclusive from/to, passed to SQL as three arrays (period, start, end) to unnest.
/// </summary>
public sealed record PeriodWindows(IReadOnlyList<DateOnly> Periods, DateTimeOffset[] Starts, DateTimeOffset[] Ends)
{
    public static PeriodWindows Of(MetricFilter filter, TimeZoneInfo zone)
    {
        var periods = Metrics.Periods.Between(filter.From, filter.To, filter.Grain);
        var end = filter.To.AddDays(1);
        var starts = periods.Select(p => p < filter.From ? filter.From : p).ToArray();
        var ends = periods.Select(p =>
        {
            var next = filter.Grain == Grain.Total ? end : Metrics.Periods.NextStart(p, filter.Grain);
            return next > end ? end : next;
        }).ToArray();
        return new PeriodWindows(periods,
            starts.Select(d => ValueParsers.FromLocal(d.ToDateTime(TimeOnly.MinValue), zone)).ToArray(),
            ends.Select(d => ValueParsers.FromLocal(d.ToDateTime(TimeOnly.MinValue), zone)).ToArray());
    }

    /// <summary>The whole filter as one UTC window: local midnight of From up to local midnight after To.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Whole(MetricFilter filter, TimeZoneInfo zone) =>
        (ValueParsers.FromLocal(filter.From.ToDateTime(TimeOnly.MinValue), zone),
         ValueParsers.FromLocal(filter.To.AddDays(1).ToDateTime(TimeOnly.MinValue), zone));

    /// <summary>SQL for a CTE named p(period, s, e) over parameters $1, $2, $3.</summary>
    public const string Cte = "p AS (SELECT * FROM unnest($1::date[], $2::timestamptz[], $3::timestamptz[]) AS p(period, s, e))";

    public void AddParameters(NpgsqlCommand command)
    {
        command.Parameters.Add(new NpgsqlParameter { Value = Periods.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date });
        command.Parameters.Add(new NpgsqlParameter { Value = Starts, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter { Value = Ends, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz });
    }

    /// <summary>
    /// "AND alias.col = ANY($k)" for each filtered dimension the rows have. A dimension they lack does not apply to them
    /// and is left out (<see cref="MetricSeries.NotApplied"/> tells the reader), so a drill-down lists the same rows a
    /// value was computed from.
    /// </summary>
    public static string DimensionFilter(NpgsqlCommand command, MetricFilter filter, string alias, IReadOnlyCollection<string> columns)
    {
        var sql = "";
        foreach (var (dimension, values) in filter.Dimensions.Where(d => d.Value.Count > 0))
        {
            if (!columns.Contains(dimension))
            {
                continue;
            }
            command.Parameters.AddWithValue(values.ToArray());
            sql += $" AND {alias}.{dimension} = ANY(${command.Parameters.Count})";
        }
        foreach (var (dimension, values) in filter.Excluded.Where(d => d.Value.Count > 0 && columns.Contains(d.Key)))
        {
            command.Parameters.AddWithValue(values.ToArray());
            sql += $" AND ({alias}.{dimension} IS NULL OR NOT {alias}.{dimension} = ANY(${command.Parameters.Count}))";
        }
        return sql;
    }
}
