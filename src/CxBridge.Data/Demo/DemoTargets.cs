using CxBridge.Data.Departments;
using CxBridge.Metrics;

namespace CxBridge.Data.Demo;

/// <summary>
/// Targets for the demo company (docs/departments.md sets no defaults): for every department, each CX metric it shows and
/// each of its KPIs that has a direction. A metric has the same levels in every department; KPIs have their own. The
/// levels sit well clear of the demo's recent months (a few points of noise either way), so that in every department
/// some targets are met (NPS, CES, churn and retention, CLV, FRT, referrals, revenue...) and some missed (eNPS, CSAT,
/// PSAT, FCR, resolution time, escalations, cost to serve, feature adoption...).
/// </summary>
public static class DemoTargets
{
    private static readonly Dictionary<string, (double Good, double Better, double Best)> Metrics = new()
    {
        ["nps"] = (30, 40, 50),
        ["enps"] = (40, 45, 55),
        ["csat"] = (85, 88, 92),
        ["psat"] = (80, 85, 90),
        ["ces"] = (5.0, 5.5, 6.0),
        ["churn_rate"] = (2.5, 2.0, 1.5),
        ["retention_rate"] = (97.5, 98.0, 99.0),
        ["clv"] = (35_000, 45_000, 55_000),
        ["fcr"] = (75, 80, 85),
        ["frt"] = (4, 3, 2),
        ["resolution_time"] = (8, 6, 4),
        ["escalation_rate"] = (2.5, 2.0, 1.5),
        ["referral_rate"] = (4.5, 7, 9),
    };

    private static readonly Dictionary<(string Department, string Kpi), (double Good, double Better, double Best)> Kpis = new()
    {
        [("marketing", "new_customers")] = (40, 55, 70),
        [("marketing", "marketing_qualified_leads")] = (700, 800, 900),
        [("marketing", "customer_acquisition_cost")] = (1_500, 1_200, 900),
        [("finance", "revenue")] = (1_500_000, 2_000_000, 2_500_000),
        [("finance", "cost_to_serve")] = (18, 16, 14),
        [("finance", "contact_volume")] = (1_100, 1_000, 900),
        [("finance", "self_service_rate")] = (35, 45, 55),
        [("operations", "feature_lead_time")] = (28, 21, 14),
        [("operations", "time_to_close")] = (2.8, 2.5, 2.0),
        [("operations", "products_per_customer")] = (1.35, 1.6, 1.8),
        [("technology", "page_load_time")] = (3.0, 2.0, 1.5),
        [("technology", "app_crash_rate")] = (1.0, 0.5, 0.25),
        [("technology", "complaints")] = (50, 40, 30),
        [("sales", "new_customers")] = (40, 60, 80),
        [("sales", "cross_sell_rate")] = (9, 10, 12),
        [("sales", "upsell_rate")] = (3.0, 4.5, 6.0),
        [("sales", "revenue_per_customer")] = (750, 1_000, 1_200),
        [("product", "feature_adoption")] = (50, 55, 60),
        [("product", "active_users")] = (11_000, 13_000, 15_000),
        [("service", "cost_per_contact")] = (7.0, 6.5, 6.0),
        [("service", "contact_volume")] = (1_800, 1_400, 1_000),
        [("success", "renewal_rate")] = (90, 95, 97),
        [("success", "expansion_revenue")] = (50_000, 55_000, 60_000),
        [("success", "health_score")] = (60, 70, 80),
        [("hr", "employee_turnover")] = (2.0, 1.5, 1.0),
        [("hr", "engagement_index")] = (76, 80, 85),
        [("hr", "training_hours")] = (10, 12, 16),
        [("executive", "revenue")] = (2_400_000, 2_700_000, 3_000_000),
        [("executive", "profit")] = (200_000, 450_000, 600_000),
    };

    /// <summary>Each department of <see cref="DepartmentCatalog"/> with its demo targets: its metrics' first, then its KPIs'.</summary>
    public static IReadOnlyList<(string Department, IReadOnlyList<TargetInput> Targets)> All { get; } =
    [
        .. DepartmentCatalog.All.Select(d => (d.Code, (IReadOnlyList<TargetInput>)
        [
            .. d.Metrics.Select(m => Input("metric", m, Metrics[m])),
            .. d.Kpis.Where(k => k.Direction != Direction.Neutral).Select(k => Input("kpi", k.Code, Kpis[(d.Code, k.Code)])),
        ])),
    ];

    private static TargetInput Input(string kind, string code, (double Good, double Better, double Best) levels) =>
        new(new SeriesInput(kind, code, null), levels.Good, levels.Better, levels.Best);
}
