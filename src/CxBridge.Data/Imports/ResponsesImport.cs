using System.Globalization;
using CxBridge.Metrics;
using Npgsql;
using NpgsqlTypes;

namespace CxBridge.Data.Imports;

/// <summary>A survey answer as read from a file, before it is stored.</summary>
public readonly record struct ResponseRow(
    Survey Survey, string? ResponseId, double Score, ScoreScale Scale, double Value, DateTimeOffset RespondedAt,
    string? CustomerId, string? Comment, string? Channel, string? Touchpoint, string? Region, string? Product,
    string? Segment, string? Agent, string? Department);

/// <summary>The <c>responses</c> kind: survey answers (NPS, CSAT, CES, eNPS, PSAT), docs/data-contract.md.</summary>
public sealed class ResponsesImport : ImportKind<ResponseRow>
{
    public static ResponsesImport Instance { get; } = new();

    public override string Name => "responses";

    public override string Description => "survey answers (NPS, CSAT, CES, eNPS, PSAT): a score and a date per row";

    public override IReadOnlyList<ImportField> Fields { get; } =
    [
        new("response_id", false, "id", "responseid", "response", "submission_id", "record_id"),
        new("survey", false, "survey_type", "type", "metric"),
        new("score", true, "rating", "nps", "csat", "ces", "enps", "psat", "value", "answer", "likelihood to recommend"),
        new("responded_at", false, "timestamp", "date", "submitted_at", "submitted", "created_at", "created", "response_date", "completed_at", "time"),
        new("customer_id", false, "customer", "client_id", "account_id", "user_id", "email"),
        new("comment", false, "comments", "feedback", "why", "reason", "verbatim", "explication", "text", "open_text"),
        new("channel", false),
        new("touchpoint", false, "touch_point", "journey", "stage"),
        new("region", false, "country", "area"),
        new("product", false, "product_line", "plan"),
        new("segment", false, "customer_segment", "tier"),
        new("agent", false, "agent_name", "rep", "assignee"),
        new("department", false, "dept", "team"),
    ];

    public override IEnumerable<string> CheckColumns(HeaderMapping mapping, ImportOptions options)
    {
        if (mapping.HeaderOf("score") is null)
        {
            yield return $"no column for score: expected a header such as score, rating or nps (or map.score=<header>); the file's columns are: {Columns(mapping)}";
        }
        if (mapping.HeaderOf("responded_at") is null && options.Date is null)
        {
            yield return $"no column for responded_at: expected a header such as responded_at, timestamp or date, or one date for the whole file with date=yyyy-MM-dd; the file's columns are: {Columns(mapping)}";
        }
        if (mapping.HeaderOf("survey") is null && options.Survey is null)
        {
            yield return $"no survey: expected a survey column (nps, csat, ces, enps, psat) or survey= at upload; the file's columns are: {Columns(mapping)}";
        }
    }

    private static string Columns(HeaderMapping mapping) => string.Join(", ", mapping.Headers.Select(h => $"'{h}'"));

    public override bool TryParse(RowReader row, out ResponseRow record)
    {
        record = default;
        var options = row.Context.Options;
        var scoreText = row.Get("score");
        if (ValueParsers.IsBlank(scoreText))
        {
            row.Blank = true;
            return false;
        }

        var survey = options.Survey;
        var surveyText = row.Get("survey");
        if (surveyText is not null)
        {
            if (Surveys.TryParse(surveyText, out var parsed))
            {
                survey = parsed;
            }
            else
            {
                row.Error("survey", surveyText, $"unknown survey: expected one of {string.Join(", ", Surveys.All.Select(s => s.Code()))}");
                return false;
            }
        }
        if (survey is null)
        {
            row.Error("survey", null, "survey is empty: expected one of nps, csat, ces, enps, psat (or survey= at upload)");
            return false;
        }

        var scale = options.Scale ?? row.Context.Scales.For(survey.Value);
        var score = ValueParsers.ParseNumber(scoreText!);
        if (score is null)
        {
            row.Error("score", scoreText, $"not a number: expected a whole number from {scale.Min} to {scale.Max} ({survey.Value.Code()} scale {scale})");
        }
        else if (score.Value != Math.Floor(score.Value))
        {
            row.Error("score", scoreText, $"not a whole number: expected a whole number from {scale.Min} to {scale.Max} ({survey.Value.Code()} scale {scale})");
        }
        else if (!scale.Contains(score.Value))
        {
            row.Error("score", scoreText, $"outside the scale: expected a whole number from {scale.Min} to {scale.Max} ({survey.Value.Code()} scale {scale}; give scale= at upload for another scale)");
        }

        DateTimeOffset? respondedAt;
        if (row.Has("responded_at") && row.Get("responded_at") is not null || options.Date is null)
        {
            respondedAt = row.Timestamp("responded_at", required: true);
        }
        else
        {
            respondedAt = ValueParsers.FromLocal(options.Date.Value.ToDateTime(TimeOnly.MinValue), row.Context.TimeZone);
        }

        if (row.Errors.Count > 0 || score is null || respondedAt is null)
        {
            return false;
        }

        var polarity = survey == Survey.Ces ? options.Polarity : Polarity.Ease;
        record = new ResponseRow(
            survey.Value, row.Get("response_id"), score.Value, scale,
            ResponseValue.Of(survey.Value, score.Value, scale, polarity), respondedAt.Value,
            row.Get("customer_id"), row.Get("comment"), row.Get("channel"), row.Get("touchpoint"), row.Get("region"),
            row.Get("product"), row.Get("segment"), row.Get("agent"), row.Get("department"));
        return true;
    }

    public override string StagingTableSql => """
        CREATE TEMP TABLE import_staging (
            ordinal bigint, survey text, response_id text, score double precision, scale_min smallint, scale_max smallint,
            value double precision, responded_at timestamptz, customer_id text, comment text, channel text,
            touchpoint text, region text, product text, segment text, agent text, department text
        ) ON COMMIT DROP
        """;

    public override string CopyCommand =>
        "COPY import_staging (ordinal, survey, response_id, score, scale_min, scale_max, value, responded_at, customer_id, comment, channel, touchpoint, region, product, segment, agent, department) FROM STDIN (FORMAT BINARY)";

    public override void Write(NpgsqlBinaryImporter importer, long ordinal, in ResponseRow r)
    {
        importer.StartRow();
        importer.Write(ordinal, NpgsqlDbType.Bigint);
        importer.Write(r.Survey.Code(), NpgsqlDbType.Text);
        WriteText(importer, r.ResponseId);
        importer.Write(r.Score, NpgsqlDbType.Double);
        importer.Write((short)r.Scale.Min, NpgsqlDbType.Smallint);
        importer.Write((short)r.Scale.Max, NpgsqlDbType.Smallint);
        importer.Write(r.Value, NpgsqlDbType.Double);
        importer.Write(r.RespondedAt, NpgsqlDbType.TimestampTz);
        WriteText(importer, r.CustomerId);
        WriteText(importer, r.Comment);
        WriteText(importer, r.Channel);
        WriteText(importer, r.Touchpoint);
        WriteText(importer, r.Region);
        WriteText(importer, r.Product);
        WriteText(importer, r.Segment);
        WriteText(importer, r.Agent);
        WriteText(importer, r.Department);
    }

    public override string MergeSql => """
        WITH inserted AS (
            INSERT INTO survey_responses (batch_id, survey, response_id, score, scale_min, scale_max, value, responded_at,
                customer_id, comment, channel, touchpoint, region, product, segment, agent, department)
            SELECT $1, survey, response_id, score, scale_min, scale_max, value, responded_at,
                customer_id, comment, channel, touchpoint, region, product, segment, agent, department
            FROM import_staging
            ON CONFLICT (survey, response_id) WHERE response_id IS NOT NULL DO NOTHING
            RETURNING id)
        SELECT count(*)::int, 0, min(id), max(id) FROM inserted
        """;

    public override bool UndoByRowIdRange => true;

    public override string UndoSql => "DELETE FROM survey_responses WHERE batch_id = $1 AND id BETWEEN $2 AND $3";

    public override IReadOnlyList<KeyValuePair<string, string?>> Describe(in ResponseRow r) =>
    [
        new("response_id", r.ResponseId),
        new("survey", r.Survey.Code()),
        new("score", r.Score.ToString(CultureInfo.InvariantCulture)),
        new("responded_at", r.RespondedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
        new("customer_id", r.CustomerId),
        new("comment", r.Comment),
        new("channel", r.Channel),
        new("touchpoint", r.Touchpoint),
        new("region", r.Region),
        new("product", r.Product),
        new("segment", r.Segment),
        new("agent", r.Agent),
        new("department", r.Department),
    ];
}
