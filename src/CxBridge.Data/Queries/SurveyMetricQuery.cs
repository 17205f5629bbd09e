using CxBridge.Metrics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxBridge.Data.Queries;

/// <summary>A survey metric over periods: the points the API and pages show.</summary>
public sealed record SurveySeries(Survey Survey, MetricFilter Filter, IReadOnlyList<MetricPoint> Points);

/// <summary>
/// Aggregates survey responses per period in SQL (counts and sums only, so the database returns one row per
/// period whatever the volume) and turns each period into a <see cref="MetricPoint"/> with CxBridge.Metrics.
/// Periods are cut in the organisation's time zone; periods with no responses are returned with n = 0.
/// </summary>
public sealed class SurveyMetricQuery(NpgsqlDataSource dataSource, IOptions<CxBridgeSettings> settings)
{
    public static readonly string[] ResponseDimensions = ["channel", "touchpoint", "region", "product", "segment", "agent", "department"];

    public async Task<SurveySeries> SeriesAsync(Survey survey, MetricFilter filter, CancellationToken ct = default)
    {
        var byPeriod = await AggregateAsync(survey, filter, ct);
        var periods = Periods.Between(filter.From, filter.To, filter.Grain);
        var metricSettings = settings.Value.MetricSettings;
        var points = periods.Select(p => SurveyMetric.Evaluate(survey, p, byPeriod.GetValueOrDefault(p, SurveyAggregate.Empty), metricSettings)).ToList();
        return new SurveySeries(survey, filter, points);
    }

    private async Task<Dictionary<DateOnly, SurveyAggregate>> AggregateAsync(Survey survey, MetricFilter filter, CancellationToken ct)
    {
        var zone = settings.Value.TimeZoneInfo; // one reading: the range and the buckets in the same zone, whatever a save does meanwhile
        var (start, end) = PeriodWindows.Whole(filter, zone);
        var bucket = filter.Grain == Grain.Total
            ? "$4::date"
            : $"date_trunc('{filter.Grain.Code()}', r.responded_at AT TIME ZONE $5)::date";
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue(survey.Code());
        command.Parameters.AddWithValue(start);
        command.Parameters.AddWithValue(end);
        command.Parameters.AddWithValue(filter.From);
        command.Parameters.AddWithValue(zone.Id);
        var dimensions = PeriodWindows.DimensionFilter(command, filter, "r", ResponseDimensions);
        command.CommandText = $"""
            SELECT {bucket} AS period,
                   count(*)::int,
                   count(*) FILTER (WHERE r.value >= 9)::int,
                   count(*) FILTER (WHERE r.value >= 7 AND r.value < 9)::int,
                   count(*) FILTER (WHERE r.value < 7)::int,
                   count(*) FILTER (WHERE r.score >= r.scale_max - 1)::int,
                   coalesce(sum(r.score), 0),
                   coalesce(sum(r.value), 0),
                   coalesce(sum(r.value * r.value), 0),
                   count(*) FILTER (WHERE r.value >= 5)::int
            FROM survey_responses r
            WHERE r.survey = $1 AND r.responded_at >= $2 AND r.responded_at < $3{dimensions}
            GROUP BY 1
            """;
        var result = new Dictionary<DateOnly, SurveyAggregate>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var period = reader.GetFieldValue<DateOnly>(0);
            result[period] = new SurveyAggregate(
                reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4), reader.GetInt32(5),
                reader.GetDouble(6), reader.GetDouble(7), reader.GetDouble(8), reader.GetInt32(9));
        }
        return result;
    }
}
