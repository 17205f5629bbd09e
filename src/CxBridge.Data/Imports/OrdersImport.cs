using Npgsql;
using NpgsqlTypes;

namespace CxBridge.Data.Imports;

public readonly record struct OrderRow(string OrderId, string CustomerId, DateTimeOffset OrderedAt, decimal Amount, bool? Referred, string? Channel);

/// <summary>The <c>orders</c> kind: purchases with their amount and whether they came through a referral (upsert by order_id).</summary>
public sealed class OrdersImport : UpsertImportKind<OrderRow>
{
    public static OrdersImport Instance { get; } = new();

    public override string Name => "orders";

    public override string Description => "orders with amounts (CLV, referral rate); updates orders imported before";

    public override IReadOnlyList<ImportField> Fields { get; } =
    [
        new("order_id", true, "order", "id", "order_number", "invoice_id", "transaction_id"),
        new("customer_id", true, "customer", "client_id", "account_id"),
        new("ordered_at", true, "order_date", "date", "created_at", "purchased_at", "timestamp"),
        new("amount", true, "total", "revenue", "value", "price", "order_total"),
        new("referred", false, "referral", "is_referral", "referred_by_friend"),
        new("channel", false, "source", "sales_channel"),
    ];

    public override bool TryParse(RowReader row, out OrderRow record)
    {
        record = default;
        var id = row.Required("order_id", "an order id");
        var customer = row.Required("customer_id", "the id of the customer who ordered");
        var at = row.Timestamp("ordered_at", required: true);
        var amount = row.Amount("amount", required: true);
        var referred = row.Boolean("referred");
        if (row.Errors.Count > 0 || id is null || customer is null || at is null || amount is null)
        {
            return false;
        }
        record = new OrderRow(id, customer, at.Value, amount.Value, referred, row.Get("channel"));
        return true;
    }

    protected override string Table => "orders";

    protected override IReadOnlyList<string> Key { get; } = ["order_id"];

    protected override IReadOnlyList<(string Name, string Type)> Columns { get; } =
    [
        ("order_id", "text"),
        ("customer_id", "text"),
        ("ordered_at", "timestamptz"),
        ("amount", "numeric(14,2)"),
        ("referred", "boolean"),
        ("channel", "text"),
    ];

    public override void Write(NpgsqlBinaryImporter importer, long ordinal, in OrderRow r)
    {
        importer.StartRow();
        importer.Write(ordinal, NpgsqlDbType.Bigint);
        importer.Write(r.OrderId, NpgsqlDbType.Text);
        importer.Write(r.CustomerId, NpgsqlDbType.Text);
        importer.Write(r.OrderedAt, NpgsqlDbType.TimestampTz);
        importer.Write(r.Amount, NpgsqlDbType.Numeric);
        WriteNullable(importer, r.Referred, NpgsqlDbType.Boolean);
        WriteText(importer, r.Channel);
    }

    public override IReadOnlyList<KeyValuePair<string, string?>> Describe(in OrderRow r) =>
    [
        new("order_id", r.OrderId), new("customer_id", r.CustomerId), new("ordered_at", Text(r.OrderedAt)),
        new("amount", Text(r.Amount)), new("referred", Text(r.Referred)), new("channel", r.Channel),
    ];
}
