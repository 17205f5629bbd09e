using Npgsql;
using NpgsqlTypes;

namespace CxBridge.Data.Imports;

public readonly record struct CustomerRow(string CustomerId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Segment, string? Region, string? Plan);

/// <summary>The <c>customers</c> kind: who is a customer from when to when (upsert by customer_id), docs/data-contract.md.</summary>
public sealed class CustomersImport : UpsertImportKind<CustomerRow>
{
    public static CustomersImport Instance { get; } = new();

    public override string Name => "customers";

    public override string Description => "customers with start and end dates (churn, retention, CLV); updates customers imported before";

    public override IReadOnlyList<ImportField> Fields { get; } =
    [
        new("customer_id", true, "customer", "id", "client_id", "account_id", "customerid"),
        new("started_at", true, "start_date", "signup_date", "signed_up", "created_at", "since", "start"),
        new("ended_at", false, "end_date", "churned_at", "churn_date", "cancelled_at", "canceled_at", "end"),
        new("segment", false, "customer_segment", "tier"),
        new("region", false, "country", "area"),
        new("plan", false, "product", "contract", "subscription"),
    ];

    public override bool TryParse(RowReader row, out CustomerRow record)
    {
        record = default;
        var id = row.Required("customer_id", "a customer id");
        var started = row.Timestamp("started_at", required: true);
        var ended = row.Timestamp("ended_at", required: false);
        if (started is not null && ended is not null && ended < started)
        {
            row.Error("ended_at", row.Get("ended_at"), $"before started_at ({row.Get("started_at")}): expected an end on or after the start");
        }
        if (row.Errors.Count > 0 || id is null || started is null)
        {
            return false;
        }
        record = new CustomerRow(id, started.Value, ended, row.Get("segment"), row.Get("region"), row.Get("plan"));
        return true;
    }

    protected override string Table => "customers";

    protected override IReadOnlyList<string> Key { get; } = ["customer_id"];

    protected override IReadOnlyList<(string Name, string Type)> Columns { get; } =
    [
        ("customer_id", "text"),
        ("started_at", "timestamptz"),
        ("ended_at", "timestamptz"),
        ("segment", "text"),
        ("region", "text"),
        ("plan", "text"),
    ];

    public override void Write(NpgsqlBinaryImporter importer, long ordinal, in CustomerRow r)
    {
        importer.StartRow();
        importer.Write(ordinal, NpgsqlDbType.Bigint);
        importer.Write(r.CustomerId, NpgsqlDbType.Text);
        importer.Write(r.StartedAt, NpgsqlDbType.TimestampTz);
        WriteNullable(importer, r.EndedAt, NpgsqlDbType.TimestampTz);
        WriteText(importer, r.Segment);
        WriteText(importer, r.Region);
        WriteText(importer, r.Plan);
    }

    public override IReadOnlyList<KeyValuePair<string, string?>> Describe(in CustomerRow r) =>
    [
        new("customer_id", r.CustomerId), new("started_at", Text(r.StartedAt)), new("ended_at", Text(r.EndedAt)),
        new("segment", r.Segment), new("region", r.Region), new("plan", r.Plan),
    ];
}
