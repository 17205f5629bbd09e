namespace CxBridge.Metrics;

/// <summary>
/// The written definition of one metric as shown on the definitions page and every tile (METRICS.md):
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
    IReadOnlyList<string> Settings);

/// <summary>The metric definitions this library computes, with their text taken from METRICS.md.</summary>
public static class MetricCatalog
{
    private const string SmallSample = nameof(MetricSettings.SmallSampleThreshold);
    private const string Anonymity = nameof(MetricSettings.AnonymityThreshold);

    /// <summary>The five survey metrics, in the order nps, enps, csat, psat, ces; all version 1.</summary>
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
    ];

    /// <summary>The definition with this code, case-insensitive and ignoring surrounding white space; null when unknown.</summary>
    public static MetricDefinition? Find(string code) =>
        All.FirstOrDefault(d => string.Equals(d.Code, code?.Trim(), StringComparison.OrdinalIgnoreCase));
}
