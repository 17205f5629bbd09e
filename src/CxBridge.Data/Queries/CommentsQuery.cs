using CxBridge.Metrics;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxBridge.Data.Queries;

/// <summary>A customer's (or employee's) words: one survey answer with a comment, and where it came from.</summary>
public sealed record CustomerComment(
    string? ResponseId, string Survey, DateTimeOffset RespondedAt, double Score, string Comment,
    string? CustomerId, string? Segment, string? Channel, string? Touchpoint, string? Product);

/// <summary>
/// Recent comments of a survey in a cut (range and dimension filters), most recent first, optionally only low or high
/// scores and only those containing words. eNPS comments come only from a cut with at least the anonymity threshold of
/// answers (docs/metrics.md, eNPS): below it, none.
/// </summary>
public sealed class CommentsQuery(NpgsqlDataSource dataSource, IOptions<CxBridgeSettings> settings)
{
    public const int MaxComments = 200;

    /// <param name="survey">The survey the answers belong to.</param>
    /// <param name="filter">Range (its grain does not matter) and dimension filters.</param>
    /// <param name="maxScore">Only answers scoring at most this (e.g. 6 for NPS detractors); null = any.</param>
    /// <param name="minScore">Only answers scoring at least this (e.g. 9 for promoters); null = any.</param>
    /// <param name="search">Words the comment must contain (case- and accent-sensitive substring for now); null = any.</param>
    /// <param name="limit">At most this many (capped at <see cref="MaxComments"/>).</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IReadOnlyList<CustomerComment>> RecentAsync(Survey survey, MetricFilter filter, double? maxScore = null, double? minScore = null,
        string? search = null, int limit = 20, CancellationToken ct = default)
    {
        var (start, end) = PeriodWindows.Whole(filter, settings.Value.TimeZoneInfo);
        await using var command = dataSource.CreateCommand();
        command.Parameters.AddWithValue(survey.Code());
        command.Parameters.AddWithValue(start);
        command.Parameters.AddWithValue(end);
        var dims = PeriodWindows.DimensionFilter(command, filter, "r", SurveyMetricQuery.ResponseDimensions);
        var where = $"r.survey = $1 AND r.responded_at >= $2 AND r.responded_at < $3{dims}";
        if (survey == Survey.Enps)
        {
            command.CommandText = $"SELECT count(*)::int FROM survey_responses r WHERE {where}";
            if ((int)(await command.ExecuteScalarAsync(ct))! < settings.Value.AnonymityThreshold)
            {
                return [];
            }
        }
        if (maxScore is { } max)
        {
            command.Parameters.AddWithValue(max);
            where += $" AND r.score <= ${command.Parameters.Count}";
        }
        if (minScore is { } min)
        {
            command.Parameters.AddWithValue(min);
            where += $" AND r.score >= ${command.Parameters.Count}";
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            command.Parameters.AddWithValue("%" + search.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%");
            where += $" AND r.comment ILIKE ${command.Parameters.Count}";
        }
        command.CommandText = $"""
            SELECT r.response_id, r.survey, r.responded_at, r.score, r.comment, r.customer_id, r.segment, r.channel, r.touchpoint, r.product
            FROM survey_responses r
            WHERE {where} AND r.comment IS NOT NULL AND btrim(r.comment) <> ''
            ORDER BY r.responded_at DESC, r.id DESC
            LIMIT {Math.Clamp(limit, 1, MaxComments)}
            """;
        var result = new List<CustomerComment>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add(new CustomerComment(
                reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetDouble(3),
                reader.GetString(4), Text(reader, 5), Text(reader, 6), Text(reader, 7), Text(reader, 8), Text(reader, 9)));
        }
        return result;
    }

    private static string? Text(NpgsqlDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
}
