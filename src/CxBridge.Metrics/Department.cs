namespace CxBridge.Metrics;

/// <summary>Which way a healthy KPI moves (docs/departments.md): up, down, or neither (e.g. releases).</summary>
public enum Direction
{
    /// <summary>Higher is better.</summary>
    Up,

    /// <summary>Lower is better.</summary>
    Down,

    /// <summary>Neither direction is better in itself.</summary>
    Neutral,
}

/// <summary>
/// A department KPI: its <see cref="Code"/> (the <c>kpi</c> column of the <c>kpis</c> import), a display name,
/// its unit as docs/departments.md writes it ("count", "currency", "currency per customer", "contacts", "%", "days",
/// "seconds", "points", "hours") and its <see cref="Direction"/>.
/// </summary>
public sealed record KpiDefinition(string Code, string Name, string Unit, Direction Direction);

/// <summary>
/// A linkage pair (driver → outcome; docs/metrics.md, Linkage statistics): each side is a metric code of
/// <see cref="MetricCatalog"/>, a KPI code, or <see cref="DepartmentCatalog.NorthStar"/>; <see cref="ExpectedSign"/>
/// is +1 or −1, the sign of the relationship when things are healthy.
/// </summary>
public sealed record LinkagePair(string Driver, string Outcome, int ExpectedSign);

/// <summary>
/// One department page (docs/departments.md): its code, name, the CX metric codes it shows, its default KPIs, its default
/// linkage pairs, and <see cref="Question"/>, what the page must make obvious in the department's own terms.
/// </summary>
public sealed record Department(
    string Code,
    string Name,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<KpiDefinition> Kpis,
    IReadOnlyList<LinkagePair> Pairs,
    string Question);
