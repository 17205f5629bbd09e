using Npgsql;
using NpgsqlTypes;

namespace CxBridge.Data.Imports;

public readonly record struct TicketRow(
    string TicketId, string? CustomerId, DateTimeOffset OpenedAt, DateTimeOffset? FirstResponseAt, DateTimeOffset? ResolvedAt,
    int? Contacts, bool? Escalated, string? Channel, string? Agent, string? Team);

/// <summary>The <c>tickets</c> kind: help-desk tickets (upsert by ticket_id: a later export updates a ticket, e.g. now resolved).</summary>
public sealed class TicketsImport : UpsertImportKind<TicketRow>
{
    public static TicketsImport Instance { get; } = new();

    public override string Name => "tickets";

    public override string Description => "help-desk tickets (FCR, response and resolution times, escalations); updates tickets imported before";

    public override IReadOnlyList<ImportField> Fields { get; } =
    [
        new("ticket_id", true, "ticket", "id", "case_id", "case_number", "ticket_number", "conversation_id"),
        new("opened_at", true, "created_at", "created", "opened", "submitted_at", "date_opened"),
        new("customer_id", false, "customer", "requester_id", "client_id", "account_id"),
        new("first_response_at", false, "first_reply_at", "first_responded_at", "first_response"),
        new("resolved_at", false, "closed_at", "solved_at", "resolved", "closed"),
        new("contacts", false, "contact_count", "touches", "replies", "interactions"),
        new("escalated", false, "is_escalated", "escalation"),
        new("channel", false, "via", "source"),
        new("agent", false, "assignee", "agent_name", "owner"),
        new("team", false, "group", "queue"),
    ];

    public override bool TryParse(RowReader row, out TicketRow record)
    {
        record = default;
        var id = row.Required("ticket_id", "a ticket id");
        var opened = row.Timestamp("opened_at", required: true);
        var firstResponse = row.Timestamp("first_response_at", required: false);
        var resolved = row.Timestamp("resolved_at", required: false);
        if (opened is not null && firstResponse < opened)
        {
            row.Error("first_response_at", row.Get("first_response_at"), $"before opened_at ({row.Get("opened_at")}): expected a first response on or after the opening");
        }
        if (opened is not null && resolved < opened)
        {
            row.Error("resolved_at", row.Get("resolved_at"), $"before opened_at ({row.Get("opened_at")}): expected a resolution on or after the opening");
        }
        var contacts = row.WholeNumber("contacts", min: 1);
        var escalated = row.Boolean("escalated");
        if (row.Errors.Count > 0 || id is null || opened is null)
        {
            return false;
        }
        record = new TicketRow(id, row.Get("customer_id"), opened.Value, firstResponse, resolved, contacts, escalated,
            row.Get("channel"), row.Get("agent"), row.Get("team"));
        return true;
    }

    protected override string Table => "tickets";

    protected override IReadOnlyList<string> Key { get; } = ["ticket_id"];

    protected override IReadOnlyList<(string Name, string Type)> Columns { get; } =
    [
        ("ticket_id", "text"),
        ("customer_id", "text"),
        ("opened_at", "timestamptz"),
        ("first_response_at", "timestamptz"),
        ("resolved_at", "timestamptz"),
        ("contacts", "integer"),
        ("escalated", "boolean"),
        ("channel", "text"),
        ("agent", "text"),
        ("team", "text"),
    ];

    public override void Write(NpgsqlBinaryImporter importer, long ordinal, in TicketRow r)
    {
        importer.StartRow();
        importer.Write(ordinal, NpgsqlDbType.Bigint);
        importer.Write(r.TicketId, NpgsqlDbType.Text);
        WriteText(importer, r.CustomerId);
        importer.Write(r.OpenedAt, NpgsqlDbType.TimestampTz);
        WriteNullable(importer, r.FirstResponseAt, NpgsqlDbType.TimestampTz);
        WriteNullable(importer, r.ResolvedAt, NpgsqlDbType.TimestampTz);
        WriteNullable(importer, r.Contacts, NpgsqlDbType.Integer);
        WriteNullable(importer, r.Escalated, NpgsqlDbType.Boolean);
        WriteText(importer, r.Channel);
        WriteText(importer, r.Agent);
        WriteText(importer, r.Team);
    }

    public override IReadOnlyList<KeyValuePair<string, string?>> Describe(in TicketRow r) =>
    [
        new("ticket_id", r.TicketId), new("customer_id", r.CustomerId), new("opened_at", Text(r.OpenedAt)),
        new("first_response_at", Text(r.FirstResponseAt)), new("resolved_at", Text(r.ResolvedAt)),
        new("contacts", r.Contacts?.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("escalated", Text(r.Escalated)),
        new("channel", r.Channel), new("agent", r.Agent), new("team", r.Team),
    ];
}
