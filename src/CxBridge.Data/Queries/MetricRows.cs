namespace CxBridge.Data.Queries;

/// <summary>
/// Which rows a metric counts (its n): the table, the time column that puts a row in a period, and the condition
/// a row must meet. The aggregates and the drill-down read the same definition, so a drill-down lists exactly
/// the rows counted in n. Survey metrics and the customer metrics have their own rules (see the queries).
/// </summary>
public sealed record MetricRows(string Table, string Key, string TimeColumn, string Counted, IReadOnlyCollection<string> Dimensions)
{
    public static readonly string[] CustomerDimensions = ["segment", "region"];
    public static readonly string[] OrderDimensions = ["channel"];
    public static readonly string[] TicketDimensions = ["channel", "agent", "team"];

    private static readonly Dictionary<string, MetricRows> ByCode = new()
    {
        ["referral_rate"] = new("orders", "order_id", "ordered_at", "true", OrderDimensions),
        ["fcr"] = new("tickets", "ticket_id", "resolved_at", "x.contacts IS NOT NULL", TicketDimensions),
        ["escalation_rate"] = new("tickets", "ticket_id", "opened_at", "true", TicketDimensions),
        ["frt"] = new("tickets", "ticket_id", "opened_at", "x.first_response_at IS NOT NULL", TicketDimensions),
        ["resolution_time"] = new("tickets", "ticket_id", "resolved_at", "true", TicketDimensions),
        ["clv"] = new("orders", "order_id", "ordered_at", "true", []),
    };

    /// <summary>The rows of a ticket or order metric; throws for the others.</summary>
    public static MetricRows Of(string code) => ByCode.TryGetValue(code, out var rows)
        ? rows
        : throw new ArgumentException($"'{code}' has no simple row set", nameof(code));

    public static MetricRows? Find(string code) => ByCode.GetValueOrDefault(code);

    /// <summary>The dimensions a metric's rows have (for filters and breakdowns).</summary>
    public static IReadOnlyCollection<string> DimensionsOf(string code, string source) => source switch
    {
        "responses" => SurveyMetricQuery.ResponseDimensions,
        "customers" => CustomerDimensions,
        _ => Find(code)?.Dimensions ?? [],
    };
}
