using CxBridge.Data.Entities;
using CxBridge.Data.Queries;
using CxBridge.Metrics;

namespace CxBridge.Data.Departments;

/// <summary>
/// One department's page for a filter (docs/departments.md): its CX metrics' headlines, its KPIs, its linkage pairs with their
/// statistics over the linkage window [<see cref="LinkageFrom"/>, <see cref="LinkageTo"/>], the events of the range
/// (company-wide and the department's own) and how many of its targets are met. Built by <see cref="DepartmentQuery"/>.
/// </summary>
/// <param name="Code">The department's code (lower case).</param>
/// <param name="Name">Its display name.</param>
/// <param name="Question">What its page answers for the department's leader.</param>
/// <param name="Filter">The filter the page was read for.</param>
/// <param name="Metrics">A headline per CX metric the department shows, in its order, with target and status.</param>
/// <param name="Kpis">Its KPIs in order: their months in the filter's range, latest and previous value, target and status.</param>
/// <param name="Linkages">Its pairs in order, each with both monthly series over the linkage window and the statistics.</param>
/// <param name="Events">Events in the filter's range: company-wide ones and the department's, by date.</param>
/// <param name="Attainment">Targets met (latest value at good or beyond) of those set.</param>
/// <param name="LinkageFrom">First day of the linkage window (the 1st of its first month).</param>
/// <param name="LinkageTo">Last day of the linkage window (the last day of a month that is over).</param>
public sealed record DepartmentView(
    string Code,
    string Name,
    string Question,
    MetricFilter Filter,
    IReadOnlyList<DepartmentMetricView> Metrics,
    IReadOnlyList<DepartmentKpiView> Kpis,
    IReadOnlyList<LinkageView> Linkages,
    IReadOnlyList<Event> Events,
    Attainment Attainment,
    DateOnly LinkageFrom,
    DateOnly LinkageTo)
{
    /// <summary>The organisation's North Star metric (setting CxBridge:NorthStar), what <c>north_star</c> in a pair stands for.</summary>
    public MetricDefinition? NorthStar { get; init; }

    /// <summary>The target furthest below good among the department's targets (see <see cref="TargetMiss"/>); null when none is missed.</summary>
    public TargetMiss? WorstMiss { get; init; }
}

/// <summary>A CX metric on a department page: its headline for the filter, the department's target and the latest value's status.</summary>
/// <param name="Headline">Series, latest point (maybe partial, "so far"), and the fair comparison.</param>
/// <param name="Target">The department's target for the metric, or null.</param>
/// <param name="Status">Where the latest value stands against the target; null without a target or a latest value.</param>
public sealed record DepartmentMetricView(MetricHeadline Headline, Target? Target, TargetStatus? Status);

/// <summary>A KPI on a department page.</summary>
/// <param name="Kpi">The KPI as the catalog has it (name, unit, direction, currency).</param>
/// <param name="Points">Its monthly values from the month of the filter's from to its to; months without a value are absent.</param>
/// <param name="Latest">The last month with a value, or null.</param>
/// <param name="Previous">The month with a value before <paramref name="Latest"/>, or null.</param>
/// <param name="Target">The department's target for the KPI, or null (a neutral KPI never has one).</param>
/// <param name="Status">Where the latest value stands against the target; null without a target or a latest value.</param>
public sealed record DepartmentKpiView(CatalogKpi Kpi, IReadOnlyList<KpiPoint> Points, KpiPoint? Latest, KpiPoint? Previous, Target? Target, TargetStatus? Status);

/// <summary>
/// A linkage pair with its statistics (docs/metrics.md, "Linkage statistics"): both monthly series over the linkage window
/// (month's 1st → value; a month without a value is absent) and the result after the page-wide false-discovery control,
/// so every computed lag has its q and the pair its verdict.
/// </summary>
public sealed record LinkageView(
    CatalogPair Pair,
    SeriesInfo Driver,
    SeriesInfo Outcome,
    LinkageResult Result,
    IReadOnlyDictionary<DateOnly, double> DriverSeries,
    IReadOnlyDictionary<DateOnly, double> OutcomeSeries)
{
    /// <summary><see cref="LinkageWording.VerdictSentence"/> for the pair, with the sides' <see cref="SeriesInfo.SentenceName"/>s.</summary>
    public string VerdictText { get; init; } = "";
}

/// <summary>What a side of a pair is.</summary>
/// <param name="Ref">The side as the pair stores it (metric, KPI of a department, or north_star).</param>
/// <param name="Code">The metric or KPI it reads: the North Star resolved to its metric.</param>
/// <param name="Name">The metric's or KPI's display name ("Net Promoter Score", "Contact volume").</param>
/// <param name="Unit">The metric's unit, or the KPI's ("" when it has none).</param>
/// <param name="HigherIsBetter">A metric's direction; for a KPI, false only when its direction is down (neutral → true).</param>
/// <param name="IsMoney">Money: CLV, or a KPI whose unit starts with "currency" or that has a currency.</param>
public sealed record SeriesInfo(SeriesRef Ref, string Code, string Name, string Unit, bool HigherIsBetter, bool IsMoney)
{
    /// <summary>How the series reads mid-sentence: "NPS", "churn", "contact volume".</summary>
    public string SentenceName { get; init; } = Name;

    /// <summary>A KPI's ISO 4217 currency when it has one of its own; null otherwise (money is then in the organisation's currency).</summary>
    public string? Currency { get; init; }

    /// <summary>A KPI's direction (up, down or neutral); a metric's, up or down.</summary>
    public Direction Direction { get; init; } = HigherIsBetter ? Direction.Up : Direction.Down;
}

/// <summary>
/// A target that is missed, and by how much: <see cref="Shortfall"/> is the distance from <see cref="Value"/> to good in
/// the target's direction, relative to the good level (|good|; when good is 0, |best − good|; when that is 0 too, 1):
/// 0.25 means a quarter worse than good. Always &gt; 0.
/// </summary>
public sealed record TargetMiss(SeriesRef Subject, string Name, double Value, Target Target, double Shortfall);

/// <summary>
/// A department in the list of departments: its catalog summary, how many of its targets are met for the filter, the
/// worst miss, and its strongest link: the pair that moves as expected with the smallest q (null when none does).
/// </summary>
public sealed record DepartmentOverview(DepartmentSummary Department, Attainment Attainment, TargetMiss? WorstMiss, LinkageView? StrongestLink);
