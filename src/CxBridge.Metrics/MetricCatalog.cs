namespace CxBridge.Metrics;

/// <summary>
/// The written definition of one metric as shown on the definitions page and every tile (docs/metrics.md):
/// code, name, unit, direction, definition, formula, a worked example, the definition's version and the
/// names of the <see cref="MetricSettings"/> that affect it.
/// </summary>
public sealed record MetricDefinition(
    string Code,
    string Name,
    string Unit,
    bool HigherIsBetter,
    string Definition,
    string Formula,
    string Example,
    int Version,
    IReadOnlyList<string> Settings)
{
    /// <summary>
    /// The import kind the metric is computed from (docs/data-contract.md): "responses" (default; survey metrics),
    /// "customers" (retention, churn), "orders" (CLV, which also reads customers; referral rate) or "tickets".
    /// </summary>
    public string Source { get; init; } = MetricSources.Responses;
}

/// <summary>Values of <see cref="MetricDefinition.Source"/>: the import kinds metrics are computed from.</summary>
public static class MetricSources
{
    /// <summary>Survey responses.</summary>
    public const string Responses = "responses";

    /// <summary>Customers with start and end dates.</summary>
    public const string Customers = "customers";

    /// <summary>Orders with amounts and the referred flag.</summary>
    public const string Orders = "orders";

    /// <summary>Help-desk tickets.</summary>
    public const string Tickets = "tickets";
}

/// <summary>The metric definitions this library computes, with their text taken from docs/metrics.md.</summary>
public static class MetricCatalog
{
    private const string SmallSample = nameof(MetricSettings.SmallSampleThreshold);
    private const string Anonymity = nameof(MetricSettings.AnonymityThreshold);
    private const string Basis = nameof(MetricSettings.ChurnBasis);
    private const string GrossMargin = nameof(MetricSettings.ClvGrossMargin);
    private const string MaxLifespan = nameof(MetricSettings.ClvMaxLifespanYears);

    /// <summary>
    /// The thirteen metrics, all version 1: first the five survey metrics in the order nps, enps, csat, psat, ces;
    /// then churn_rate, retention_rate (customers), clv (orders and customers), fcr, frt, resolution_time,
    /// escalation_rate (tickets), referral_rate (orders). <see cref="MetricDefinition.Settings"/> holds
    /// <see cref="MetricSettings"/> property names.
    /// </summary>
    public static IReadOnlyList<MetricDefinition> All { get; } =
    [
        new(
            "nps",
            "Net Promoter Score",
            "points",
            HigherIsBetter: true,
            "Responses with survey = nps answered in period, score 0–10. Promoters 9–10, passives 7–8, detractors 0–6. "
                + "Blank scores are not responses (not in n). 95% interval: adjusted Wald (Sauro/Lewis); the point value stays the raw NPS.",
            "NPS = 100 × (P − D) / n, n = P + passives + D. Interval: p = (P+¾)/(n+3), d = (D+¾)/(n+3), "
                + "var = p + d − (p − d)², se = √(var/(n+3)), 100 × ((p − d) ± 1.96·se).",
            "45 promoters, 30 passives, 25 detractors: NPS 20; adjusted NPS 19.42; interval 3.77 … 35.07.",
            1,
            [SmallSample]),
        new(
            "enps",
            "Employee Net Promoter Score",
            "points",
            HigherIsBetter: true,
            "NPS arithmetic on survey = enps. Any cut (period × filters) with fewer than the anonymity threshold "
                + "(default 5) responses is suppressed: value and interval null, suppressed = true (n is still reported), "
                + "and no comment from it is shown.",
            "eNPS = 100 × (P − D) / n, with the NPS adjusted-Wald interval.",
            "25/55/20 (P/Pa/D %) → +5; 50/30/20 → +30.",
            1,
            [SmallSample, Anonymity]),
        new(
            "csat",
            "Customer Satisfaction",
            "%",
            HigherIsBetter: true,
            "survey = csat. Share of responses in the top two points of their scale (1–5: 4 and 5; 1–7: 6 and 7; "
                + "1–10: 9 and 10). Detail: the mean on the native scale.",
            "CSAT = 100 × top-two / n. Interval: adjusted Wald for a proportion (add z²/2 successes and z² trials, z = 1.96).",
            "Scores 5,4,3,2,1 counted 10,20,10,5,5 → CSAT 60.0; mean 3.5.",
            1,
            [SmallSample]),
        new(
            "psat",
            "Product Satisfaction",
            "%",
            HigherIsBetter: true,
            "CSAT arithmetic on survey = psat (in-product \"how satisfied are you with this feature\").",
            "PSAT = 100 × top-two / n. Interval: adjusted Wald for a proportion (add z²/2 successes and z² trials, z = 1.96).",
            "4 satisfied of 5 → 80%, interval about 36% … 98%.",
            1,
            [SmallSample]),
        new(
            "ces",
            "Customer Effort Score",
            "mean (1–7)",
            HigherIsBetter: true,
            "CES 2.0: \"The company made it easy to handle my issue\", 1 (strongly disagree) … 7 (strongly agree). "
                + "Responses on another scale are rescaled linearly onto 1–7; files that ask \"how much effort\" "
                + "(higher = worse) are imported with polarity=effort, which stores max + min − x. Detail: % agree (5–7 on the 1–7 scale).",
            "CES = mean of 1 + (x − min)·6/(max − min). Interval: Student t on the mean.",
            "65 of 100 agree → 65% agree.",
            1,
            [SmallSample]),
        new(
            "churn_rate",
            "Churn Rate",
            "%",
            HigherIsBetter: false,
            "For a period [s, e): S = customers active at s, N = customers who started in the period, L_S = customers of S "
                + "who ended before e, L = all customers who ended in the period. Default basis start: the start cohort's losses, "
                + "the complement of retention; n = S. Basis period (setting churnBasis, or basis=period in the URL): "
                + "all customers lost over all customers served in the period; n = S + N. Interval: adjusted Wald for a proportion.",
            "Start basis: churn = 100 × L_S / S. Period basis: churn = 100 × L / (S + N). "
                + "Monthly churn m as a yearly figure: 1 − (1 − m)¹².",
            "At the start of a month 80 ongoing customers and 20 new ones (100 in all); 10 of the ongoing leave during the month. "
                + "Retention (80 − 10)/80 = 87.5%; churn, period basis, 10/100 = 10%; churn, start basis, 10/80 = 12.5%. "
                + "2% a month = 21.53% a year.",
            1,
            [SmallSample, Basis]) { Source = MetricSources.Customers },
        new(
            "retention_rate",
            "Retention Rate",
            "%",
            HigherIsBetter: true,
            "The share of the start cohort still a customer at period end. S = customers active at the period start "
                + "(started before it, not ended before it); L_S = customers of S who ended before the period end; n = S. "
                + "Interval: adjusted Wald for a proportion.",
            "Retention = 100 × (S − L_S) / S.",
            "80 ongoing customers at the start of a month, 10 of them leave: (80 − 10)/80 = 87.5%.",
            1,
            [SmallSample]) { Source = MetricSources.Customers },
        new(
            "clv",
            "Customer Lifetime Value",
            "currency",
            HigherIsBetter: true,
            "For the period ending at e, over the trailing twelve months W = [e − 12 months, e): average purchase value = "
                + "revenue / orders in W; purchase frequency = orders / distinct purchasing customers in W; lifespan (years) = "
                + "1 / yearly churn, yearly churn = L_S / S over W (start basis, S at W's start), capped at the setting "
                + "clvMaxLifespanYears (default 10; also used when no customer left or S = 0); gross margin from the "
                + "setting clvGrossMargin (default 1.0 = revenue). n = distinct purchasing customers in W. Detail: each factor.",
            "CLV = average purchase value × purchase frequency × lifespan × gross margin.",
            "$300 average order × 5 orders a year × 2 years = $3,000. Subscription form for comparison: "
                + "$250 × 65% ÷ 4% monthly churn = $4,062.50.",
            1,
            [SmallSample, GrossMargin, MaxLifespan]) { Source = MetricSources.Orders },
        new(
            "fcr",
            "First Contact Resolution",
            "%",
            HigherIsBetter: true,
            "Tickets resolved in period with a known contacts count: the share resolved on the first contact; "
                + "n = those tickets. Interval: adjusted Wald for a proportion.",
            "FCR = 100 × (tickets with contacts = 1) / resolved tickets.",
            "280 of 400 resolved on first contact → 70%.",
            1,
            [SmallSample]) { Source = MetricSources.Tickets },
        new(
            "frt",
            "First Response Time",
            "hours",
            HigherIsBetter: false,
            "Tickets opened in period with a first response: the median of first_response_at − opened_at, in calendar hours "
                + "(even count: mean of the two middle values). Detail: mean, p90 (linear interpolation between closest ranks), "
                + "count. n = those tickets.",
            "FRT = median(first_response_at − opened_at); p90 = x₍ₖ₎ + (h − k)(x₍ₖ₊₁₎ − x₍ₖ₎), h = (n − 1) × 0.9, k = ⌊h⌋.",
            "Response times 1, 2, …, 10 hours: median 5.5 h, p90 9.1 h.",
            1,
            [SmallSample]) { Source = MetricSources.Tickets },
        new(
            "resolution_time",
            "Average Resolution Time",
            "hours",
            HigherIsBetter: false,
            "Tickets resolved in period: the mean of resolved_at − opened_at, in calendar hours; n = those tickets. "
                + "Detail: median, p90. Interval: Student t on the mean.",
            "Resolution time = Σ(resolved_at − opened_at) / n.",
            "Resolution times 1, 2, 3, 4, 5 hours: mean 3 h, interval about 1.04 … 4.96 h.",
            1,
            [SmallSample]) { Source = MetricSources.Tickets },
        new(
            "escalation_rate",
            "Escalation Rate",
            "%",
            HigherIsBetter: false,
            "Tickets opened in period: the share escalated; n = tickets opened. Interval: adjusted Wald for a proportion.",
            "Escalation rate = 100 × escalated / tickets opened.",
            "15 of 500 → 3%.",
            1,
            [SmallSample]) { Source = MetricSources.Tickets },
        new(
            "referral_rate",
            "Referral Rate",
            "%",
            HigherIsBetter: true,
            "Orders in period: the volume of referred purchases as a percentage of total purchases; n = orders. "
                + "Interval: adjusted Wald for a proportion.",
            "Referral rate = 100 × referred orders / orders.",
            "A 1% referral rate means 1 purchase in 100 came through referral.",
            1,
            [SmallSample]) { Source = MetricSources.Orders },
    ];

    /// <summary>The definition with this code, case-insensitive and ignoring surrounding white space; null when unknown.</summary>
    public static MetricDefinition? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
