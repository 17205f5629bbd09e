using System.Globalization;

namespace CxBridge.Data.Tests.Demo;

/// <summary>The canonical columns of each import kind (docs/data-contract.md), in the order the demo and the samples write them.</summary>
internal static class KindRules
{
    public static readonly IReadOnlyDictionary<string, string[]> Headers = new Dictionary<string, string[]>
    {
        ["responses"] = ResponseRules.Header,
        ["customers"] = CustomerRules.Header,
        ["orders"] = OrderRules.Header,
        ["tickets"] = TicketRules.Header,
        ["kpis"] = KpiRules.Header,
        ["events"] = EventRules.Header,
    };

    /// <summary>ISO 8601 with offset 0: <c>2025-03-14T09:26:00Z</c>.</summary>
    public static DateTime Time(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static DateOnly Date(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}

internal static class CustomerRules
{
    public static readonly string[] Header = ["customer_id", "started_at", "ended_at", "segment", "region", "plan"];

    public const int Id = 0, StartedAt = 1, EndedAt = 2, Segment = 3, Region = 4, Plan = 5;

    public static readonly string[] Plans = ["basic", "plus", "pro", "enterprise"];

    /// <summary>A customer on <paramref name="day"/>: started on or before it, and not ended on or before it.</summary>
    public static bool ActiveOn(string[] customer, DateOnly day) =>
        KindRules.Date(customer[StartedAt]) <= day
        && (customer[EndedAt] == "" || day < KindRules.Date(customer[EndedAt]));
}

internal static class OrderRules
{
    public static readonly string[] Header = ["order_id", "customer_id", "ordered_at", "amount", "referred", "channel"];

    public const int Id = 0, CustomerId = 1, OrderedAt = 2, Amount = 3, Referred = 4, Channel = 5;

    public static readonly string[] Channels = ["web", "app", "store", "phone"];

    /// <summary>The boolean spellings the import takes (docs/data-contract.md).</summary>
    public static readonly string[] Booleans = ["true", "false", "yes", "no", "1", "0"];

    public static bool IsReferred(string[] row) => row[Referred] is "true" or "yes" or "1";

    /// <summary>An amount as people write it: <c>49.90</c>, <c>-25.00</c>, <c>$1,234.50</c>.</summary>
    public static decimal AmountOf(string[] row) =>
        decimal.Parse(row[Amount], NumberStyles.Currency, CultureInfo.GetCultureInfo("en-US"));
}

internal static class TicketRules
{
    public static readonly string[] Header =
    [
        "ticket_id", "customer_id", "opened_at", "first_response_at", "resolved_at", "contacts", "escalated", "channel",
        "agent", "team",
    ];

    public const int Id = 0, CustomerId = 1, OpenedAt = 2, FirstResponseAt = 3, ResolvedAt = 4, Contacts = 5,
        Escalated = 6, Channel = 7, Agent = 8, Team = 9;

    public static readonly string[] Channels = ["email", "phone", "chat", "web", "app"];
    public static readonly string[] Teams = ["tier1", "tier2", "billing", "technical"];

    /// <summary>The support agents of the responses.</summary>
    public static readonly string[] Agents =
    [
        "Ana Ruiz", "Ben Okafor", "Chloe Martin", "David Kim", "Elena Petrova", "Farid Haddad",
        "Grace Liu", "Hugo Santos", "Isla Murphy", "Jonas Weber", "Keiko Tanaka", "Tom Becker",
    ];

    public static int ContactsOf(string[] row) => int.Parse(row[Contacts], NumberStyles.None, CultureInfo.InvariantCulture);

    public static double Hours(string[] row, int column) =>
        (KindRules.Time(row[column]) - KindRules.Time(row[OpenedAt])).TotalHours;
}

internal static class KpiRules
{
    public static readonly string[] Header = ["department", "kpi", "period", "value", "unit"];

    public const int Department = 0, Kpi = 1, Period = 2, Value = 3, Unit = 4;

    /// <summary>The default KPI catalog of docs/departments.md: department → KPI code → unit.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Catalog =
        new Dictionary<string, IReadOnlyDictionary<string, string>>
        {
            ["marketing"] = Units(("new_customers", "count"), ("marketing_qualified_leads", "count"), ("customer_acquisition_cost", "currency")),
            ["finance"] = Units(("revenue", "currency"), ("cost_to_serve", "currency per customer"), ("contact_volume", "contacts"), ("self_service_rate", "%")),
            ["operations"] = Units(("feature_lead_time", "days"), ("time_to_close", "days"), ("products_per_customer", "count")),
            ["technology"] = Units(("page_load_time", "seconds"), ("app_crash_rate", "%"), ("complaints", "count")),
            ["sales"] = Units(("new_customers", "count"), ("cross_sell_rate", "%"), ("upsell_rate", "%"), ("revenue_per_customer", "currency")),
            ["product"] = Units(("feature_adoption", "%"), ("active_users", "count"), ("releases", "count")),
            ["service"] = Units(("cost_per_contact", "currency"), ("contact_volume", "contacts")),
            ["success"] = Units(("renewal_rate", "%"), ("expansion_revenue", "currency"), ("health_score", "points")),
            ["hr"] = Units(("employee_turnover", "%"), ("engagement_index", "points"), ("training_hours", "hours")),
            ["executive"] = Units(("revenue", "currency"), ("profit", "currency")),
        };

    private static Dictionary<string, string> Units(params (string Kpi, string Unit)[] kpis) =>
        kpis.ToDictionary(k => k.Kpi, k => k.Unit);
}

internal static class EventRules
{
    public static readonly string[] Header = ["event_id", "date", "kind", "title", "department", "link"];

    public const int Id = 0, Date = 1, Kind = 2, Title = 3, Department = 4, Link = 5;

    public static readonly string[] Kinds = ["release", "campaign", "incident", "price_change", "other"];

    public static bool IsWebLink(string link) =>
        Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
