using Npgsql;
using NpgsqlTypes;

namespace CxBridge.Data.Imports;

public readonly record struct CustomerRow(string CustomerId, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string? Segment, string? Region, string? Plan);

/// <summary>The <c>customers</c> kind: who is a customer from when to when (upsert by customer_id), DESIGN.md §3.</summary>
public sealed class CustomersImport : ImportKind<CustomerRow>
{
    public static CustomersImport Instance { get; } = new();

    public override string Name => "customers";

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

    public override string StagingTableSql =>
        "CREATE TEMP TABLE import_staging (ordinal bigint, customer_id text, started_at timestamptz, ended_at timestamptz, segment text, region text, plan text) ON COMMIT DROP";

    public override string CopyCommand =>
        "COPY import_staging (ordinal, customer_id, started_at, ended_at, segment, region, plan) FROM STDIN (FORMAT BINARY)";

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

    // A key seen twice in one file: the later row wins (the earlier counts as a duplicate skipped).
    public override string MergeSql => """
        WITH merged AS (
            INSERT INTO customers AS c (customer_id, batch_id, started_at, ended_at, segment, region, plan)
            SELECT DISTINCT ON (customer_id) customer_id, $1, started_at, ended_at, segment, region, plan
            FROM import_staging ORDER BY customer_id, ordinal DESC
            ON CONFLICT (customer_id) DO UPDATE SET batch_id = EXCLUDED.batch_id, started_at = EXCLUDED.started_at,
                ended_at = EXCLUDED.ended_at, segment = EXCLUDED.segment, region = EXCLUDED.region, plan = EXCLUDED.plan
            RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted)::int, count(*) FILTER (WHERE NOT inserted)::int, NULL::bigint, NULL::bigint FROM merged
        """;

    public override string UndoSql => "DELETE FROM customers WHERE batch_id = $1";

    public override IReadOnlyList<KeyValuePair<string, string?>> Describe(in CustomerRow r) =>
    [
        new("customer_id", r.CustomerId), new("started_at", Text(r.StartedAt)), new("ended_at", Text(r.EndedAt)),
        new("segment", r.Segment), new("region", r.Region), new("plan", r.Plan),
    ];
}
