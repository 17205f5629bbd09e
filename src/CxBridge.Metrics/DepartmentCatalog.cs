namespace CxBridge.Metrics;

/// <summary>
/// The default departments the product ships with, their CX metrics, KPIs and linkage pairs, exactly as in
/// docs/departments.md. Admins may add KPIs and pairs later; this is the starting catalog.
/// </summary>
public static class DepartmentCatalog
{
    /// <summary>
    /// Pseudo metric code for the organisation's North Star metric (a setting; default <see cref="DefaultNorthStar"/>),
    /// used on the driver side of the executive pair north_star → revenue.
    /// </summary>
    public const string NorthStar = "north_star";

    /// <summary>The North Star metric when none is configured: nps.</summary>
    public const string DefaultNorthStar = "nps";

    private static readonly KpiDefinition NewCustomers = new("new_customers", "New customers", "count", Direction.Up);
    private static readonly KpiDefinition Revenue = new("revenue", "Revenue", "currency", Direction.Up);
    private static readonly KpiDefinition ContactVolume = new("contact_volume", "Contact volume", "contacts", Direction.Down);

    /// <summary>
    /// The ten departments in the order marketing, finance, operations, technology, sales, product, service, success,
    /// hr, executive. The executive page shows the North Star and every metric's headline: its
    /// <see cref="Department.Metrics"/> are every <see cref="MetricCatalog"/> code, in catalog order.
    /// </summary>
    public static IReadOnlyList<Department> All { get; } =
    [
        new(
            "marketing",
            "Marketing",
            ["nps", "referral_rate", "retention_rate", "churn_rate"],
            [
                NewCustomers,
                new("marketing_qualified_leads", "Marketing qualified leads", "count", Direction.Up),
                new("customer_acquisition_cost", "Customer acquisition cost", "currency", Direction.Down),
            ],
            [new("referral_rate", "churn_rate", -1), new("nps", "referral_rate", +1), new("nps", "new_customers", +1)],
            "Referrals and advocacy are a CX outcome; a falling referral rate can announce rising churn."),
        new(
            "finance",
            "Finance",
            ["nps", "ces", "clv", "churn_rate"],
            [
                Revenue,
                new("cost_to_serve", "Cost to serve", "currency per customer", Direction.Down),
                ContactVolume,
                new("self_service_rate", "Self-service rate", "%", Direction.Up),
            ],
            [
                new("nps", "revenue", +1),
                new("ces", "contact_volume", -1),
                new("ces", "cost_to_serve", -1),
                new("churn_rate", "revenue", -1),
            ],
            "CX as money: revenue that follows NPS, calls and cost that fall as effort falls, revenue at risk from churn "
                + "(churned customers × CLV)."),
        new(
            "operations",
            "Operations",
            ["nps", "resolution_time", "ces"],
            [
                new("feature_lead_time", "Feature lead time", "days", Direction.Down),
                new("time_to_close", "Time to close", "days", Direction.Down),
                new("products_per_customer", "Products per customer", "count", Direction.Up),
            ],
            [new("feature_lead_time", "nps", -1), new("time_to_close", "nps", -1), new("resolution_time", "ces", -1)],
            "Its efficiency measures (lead time, time to close) against the CX of the customers who waited."),
        new(
            "technology",
            "Technology",
            ["csat", "ces"],
            [
                new("page_load_time", "Page load time", "seconds", Direction.Down),
                new("app_crash_rate", "App crash rate", "%", Direction.Down),
                new("complaints", "Complaints", "count", Direction.Down),
            ],
            [new("page_load_time", "csat", -1), new("app_crash_rate", "ces", -1), new("csat", "complaints", -1)],
            "Faster, steadier digital touchpoints against CSAT and CES, and complaints falling."),
        new(
            "sales",
            "Sales",
            ["nps", "csat", "referral_rate"],
            [
                NewCustomers,
                new("cross_sell_rate", "Cross-sell rate", "%", Direction.Up),
                new("upsell_rate", "Upsell rate", "%", Direction.Up),
                new("revenue_per_customer", "Revenue per customer", "currency", Direction.Up),
            ],
            [new("nps", "cross_sell_rate", +1), new("csat", "upsell_rate", +1), new("nps", "revenue_per_customer", +1)],
            "Expectations set in the sale: NPS/CSAT against cross-sell, upsell and revenue per customer."),
        new(
            "product",
            "Product",
            ["ces", "psat", "nps"],
            [
                new("feature_adoption", "Feature adoption", "%", Direction.Up),
                new("active_users", "Active users", "count", Direction.Up),
                new("releases", "Releases", "count", Direction.Neutral),
            ],
            [new("ces", "feature_adoption", +1), new("psat", "active_users", +1), new("releases", "ces", +1)],
            "Effort and product satisfaction around releases (release dates shown as annotations on the trends)."),
        new(
            "service",
            "Customer Service",
            ["fcr", "frt", "resolution_time", "escalation_rate", "csat", "ces"],
            [new("cost_per_contact", "Cost per contact", "currency", Direction.Down), ContactVolume],
            [
                new("fcr", "csat", +1),
                new("frt", "csat", -1),
                new("fcr", "cost_per_contact", -1),
                new("escalation_rate", "cost_per_contact", +1),
            ],
            "FCR, response and resolution times, escalations by channel and agent, against cost per contact."),
        new(
            "success",
            "Customer Success",
            ["retention_rate", "churn_rate", "nps", "clv"],
            [
                new("renewal_rate", "Renewal rate", "%", Direction.Up),
                new("expansion_revenue", "Expansion revenue", "currency", Direction.Up),
                new("health_score", "Health score", "points", Direction.Up),
            ],
            [new("nps", "renewal_rate", +1), new("nps", "churn_rate", -1), new("retention_rate", "expansion_revenue", +1)],
            "Loyalty: retention, churn and renewals, and which customers to reach out to (detractors)."),
        new(
            "hr",
            "HR",
            ["enps", "csat", "ces"],
            [
                new("employee_turnover", "Employee turnover", "%", Direction.Down),
                new("engagement_index", "Engagement index", "points", Direction.Up),
                new("training_hours", "Training hours", "hours", Direction.Up),
            ],
            [new("enps", "nps", +1), new("employee_turnover", "csat", -1), new("training_hours", "fcr", +1)],
            "The service-profit chain: eNPS next to customer NPS; the agents whose customers rate them highest "
                + "(CSAT/CES by agent, only with enough responses), as examples for hiring and training; eNPS never shown "
                + "for a cut below the anonymity threshold."),
        new(
            "executive",
            "Executive",
            [.. MetricCatalog.All.Select(d => d.Code)],
            [Revenue, new("profit", "Profit", "currency", Direction.Up)],
            [new(NorthStar, "revenue", +1), new("churn_rate", "revenue", -1)],
            "The North Star against its target, each department's attainment, the strongest linkages in money terms, "
                + "and real customer quotes (promoters and detractors) behind the movement."),
    ];

    /// <summary>The ten department codes, in <see cref="All"/> order.</summary>
    public static IReadOnlyList<string> Codes { get; } = [.. All.Select(d => d.Code)];

    /// <summary>The department with this code, case-insensitive and ignoring surrounding white space; null when unknown.</summary>
    public static Department? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
