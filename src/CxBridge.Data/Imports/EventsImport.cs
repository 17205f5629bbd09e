using System.Globalization;
using CxBridge.Data.Entities;
using CxBridge.Data.Events;
using Npgsql;
using NpgsqlTypes;

namespace CxBridge.Data.Imports;

public readonly record struct EventRow(string? EventId, DateOnly Date, EventKind Kind, string Title, string? Department, string? Link);

/// <summary>
/// The <c>events</c> kind: dated annotations on the trends (release, campaign, incident, price_change, other), with a
/// title, an optional department (empty: the whole company) and an optional http(s) link. Upsert: a row with an
/// <c>event_id</c> updates the event with that id; a row without one updates the id-less event with the same date and
/// title (so re-uploading a file without ids does not duplicate it, and correcting a title makes a new event). Dates
/// may be in the future (a planned launch); a date with a time is the day it falls on in the organisation's time zone.
/// </summary>
public sealed class EventsImport : UpsertImportKind<EventRow>
{
    public static EventsImport Instance { get; } = new();

    public override string Name => "events";

    public override string Description => "dated events (releases, campaigns, incidents, price changes) drawn on the trends";

    public override IReadOnlyList<ImportField> Fields { get; } =
    [
        new("event_id", false, "id", "eventid", "annotation_id"),
        new("date", true, "occurred_on", "event_date", "day", "when"),
        new("kind", true, "type", "event_type", "category"),
        new("title", true, "name", "event", "summary", "annotation"),
        new("department", false, "dept", "team", "function"),
        new("link", false, "url", "href", "web_link"),
    ];

    public override bool TryParse(RowReader row, out EventRow record)
    {
        record = default;
        var eventId = row.Get("event_id");
        if (eventId is not null && EventRules.EventIdProblem(eventId) is { } idProblem)
        {
            row.Error("event_id", eventId, idProblem);
        }

        DateOnly? date = null;
        var dateText = row.Required("date", "a date such as 2025-03-14");
        if (dateText is not null)
        {
            var at = ValueParsers.ParseTimestamp(dateText, row.Context.TimeZone, row.Context.Options.DateFormat, out var expected);
            if (at is null)
            {
                row.Error("date", dateText, $"not a date I can read without guessing: expected {expected}");
            }
            else
            {
                date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(at.Value, row.Context.TimeZone).DateTime);
            }
        }

        EventKind kind = default;
        var kindText = row.Required("kind", $"an event kind: {EventKinds.Expected}");
        if (kindText is not null && !EventKinds.TryParse(kindText, out kind))
        {
            row.Error("kind", kindText, $"not an event kind: expected {EventKinds.Expected}");
        }

        var title = row.Required("title", "a title such as \"Release 3.2\"");
        if (title is not null && EventRules.TitleProblem(title) is { } titleProblem)
        {
            row.Error("title", title, titleProblem);
        }

        string? department = null;
        if (row.Get("department") is { } departmentText)
        {
            department = EventRules.Department(departmentText);
            if (department is null)
            {
                row.Error("department", departmentText, $"unknown department: expected {EventRules.DepartmentExpected}");
            }
        }

        var link = row.Get("link");
        if (link is not null && EventRules.LinkProblem(link) is { } linkProblem)
        {
            row.Error("link", link, linkProblem);
        }

        if (row.Errors.Count > 0 || date is null || kindText is null || title is null)
        {
            return false;
        }
        record = new EventRow(eventId, date.Value, kind, title, department, link);
        return true;
    }

    protected override string Table => "events";

    /// <summary>The key of rows with an id; rows without one are keyed by (occurred_on, title) in <see cref="MergeSql"/>.</summary>
    protected override IReadOnlyList<string> Key { get; } = ["event_id"];

    protected override IReadOnlyList<(string Name, string Type)> Columns { get; } =
    [
        ("event_id", "text"),
        ("occurred_on", "date"),
        ("kind", "text"),
        ("title", "text"),
        ("department", "text"),
        ("link", "text"),
    ];

    /// <summary>Two upserts in one statement: by event_id, and by (occurred_on, title) for rows without an id; in each, a key repeated in the file keeps its later row.</summary>
    public override string MergeSql => """
        WITH with_id AS (
            INSERT INTO events (event_id, occurred_on, kind, title, department, link, batch_id)
            SELECT DISTINCT ON (event_id) event_id, occurred_on, kind, title, department, link, $1
            FROM import_staging WHERE event_id IS NOT NULL ORDER BY event_id, ordinal DESC
            ON CONFLICT (event_id) DO UPDATE SET batch_id = EXCLUDED.batch_id, occurred_on = EXCLUDED.occurred_on,
                kind = EXCLUDED.kind, title = EXCLUDED.title, department = EXCLUDED.department, link = EXCLUDED.link
            RETURNING (xmax = 0) AS inserted),
        without_id AS (
            INSERT INTO events (event_id, occurred_on, kind, title, department, link, batch_id)
            SELECT DISTINCT ON (occurred_on, title) NULL, occurred_on, kind, title, department, link, $1
            FROM import_staging WHERE event_id IS NULL ORDER BY occurred_on, title, ordinal DESC
            ON CONFLICT (occurred_on, title) WHERE event_id IS NULL DO UPDATE SET batch_id = EXCLUDED.batch_id,
                kind = EXCLUDED.kind, department = EXCLUDED.department, link = EXCLUDED.link
            RETURNING (xmax = 0) AS inserted),
        merged AS (SELECT inserted FROM with_id UNION ALL SELECT inserted FROM without_id)
        SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int, NULL::bigint, NULL::bigint FROM merged
        """;

    public override void Write(NpgsqlBinaryImporter importer, long ordinal, in EventRow r)
    {
        importer.StartRow();
        importer.Write(ordinal, NpgsqlDbType.Bigint);
        WriteText(importer, r.EventId);
        importer.Write(r.Date, NpgsqlDbType.Date);
        importer.Write(r.Kind.Code(), NpgsqlDbType.Text);
        importer.Write(r.Title, NpgsqlDbType.Text);
        WriteText(importer, r.Department);
        WriteText(importer, r.Link);
    }

    public override IReadOnlyList<KeyValuePair<string, string?>> Describe(in EventRow r) =>
    [
        new("event_id", r.EventId), new("date", r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), new("kind", r.Kind.Code()),
        new("title", r.Title), new("department", r.Department), new("link", r.Link),
    ];
}
