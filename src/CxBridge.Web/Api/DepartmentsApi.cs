using CxBridge.Data.Departments;
using CxBridge.Data.Entities;
using CxBridge.Data.Queries;
using CxBridge.Metrics;
using CxBridge.Web.Components.Shared;
using CxBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxBridge.Web.Api;

/// <summary>
/// Departments (docs/departments.md): GET /api/departments (the list, with each one's attainment and strongest link for the
/// filter), GET /api/departments/{code} (a department's page for the filter: metrics, KPIs, linkages, events, attainment),
/// and the catalog as admins edit it: GET/PUT of a department's KPIs, linkage pairs and targets. A PUT replaces the whole
/// set it names, validated as a whole: 200 with the set as saved, 422 (nothing saved) with every problem naming the value
/// and what was expected, 404 for an unknown department. The filter is the one /api/metrics takes (from, to, grain and
/// dimension values); a bad one is a 400. Numbers are unrounded; a number that does not exist is null.
/// </summary>
public static class DepartmentsApi
{
    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/departments").WithTags("Departments");
        api.MapGet("/", ListAsync);
        api.MapGet("/{code}", GetAsync);
        api.MapGet("/{code}/kpis", GetKpisAsync);
        api.MapPut("/{code}/kpis", PutKpisAsync);
        api.MapGet("/{code}/pairs", GetPairsAsync);
        api.MapPut("/{code}/pairs", PutPairsAsync);
        api.MapGet("/{code}/targets", GetTargetsAsync);
        api.MapPut("/{code}/targets", PutTargetsAsync);
        return app;
    }

    /// <summary>
    /// A department: the CX metric codes it shows, how many KPIs, pairs and targets it has, how many targets are met for
    /// the filter, and its strongest link (the pair moving as expected with the smallest q; null when none does).
    /// </summary>
    public sealed record DepartmentItem(
        string Code, string Name, string Question, IReadOnlyList<string> Metrics, int KpiCount, int PairCount, int TargetsSet,
        AttainmentItem Attainment, LinkageItem? StrongestLink);

    /// <summary>
    /// Targets met (latest value at good or beyond) of those set; <see cref="WithoutValue"/> of them have no latest value
    /// (counted as not met); <see cref="Worst"/>: the target furthest below good, or null when none is missed.
    /// </summary>
    public sealed record AttainmentItem(int Met, int Set, int WithoutValue, MissItem? Worst);

    /// <summary>
    /// A missed target: its subject, the latest value, the levels, and the shortfall: the distance to good in the
    /// subject's direction relative to |good| (0.25: a quarter worse than good).
    /// </summary>
    public sealed record MissItem(SeriesItem Subject, string Name, double Value, LevelsItem Target, string Direction, double Shortfall);

    /// <summary>A target's three levels.</summary>
    public sealed record LevelsItem(double Good, double Better, double Best);

    /// <summary>
    /// A department's page for a filter: <see cref="From"/>/<see cref="To"/> the filter's range; the linkage statistics are
    /// over the whole months <see cref="LinkageFrom"/>..<see cref="LinkageTo"/>; <see cref="NorthStar"/>: the metric
    /// north_star stands for.
    /// </summary>
    public sealed record DepartmentPage(
        string Code, string Name, string Question, DateOnly From, DateOnly To, DateOnly LinkageFrom, DateOnly LinkageTo, string NorthStar,
        List<MetricItem> Metrics, List<KpiViewItem> Kpis, List<LinkageItem> Linkages, List<EventItem> Events, AttainmentItem Attainment);

    /// <summary>
    /// A CX metric's headline: the latest period (<see cref="Partial"/>: "so far"), the value it is compared with
    /// (<see cref="Previous"/>: the previous period, or its same elapsed part), <see cref="Change"/> = value − previous,
    /// the p of the metric's own change test, the department's target and the latest value's status (below_good, good,
    /// better, best). <see cref="NotApplied"/>: dimension filters this metric's rows do not carry.
    /// </summary>
    public sealed record MetricItem(
        string Code, DateOnly Period, double? Value, int N, double? Low, double? High, bool LowSample, bool Suppressed, bool Partial,
        double? Previous, double? Change, double? P, bool Significant, LevelsItem? Target, string? Status, IReadOnlyList<string> NotApplied);

    /// <summary>A KPI with its months in the range, the latest and previous month with a value, target and status.</summary>
    public sealed record KpiViewItem(
        string Code, string Name, string? Unit, string? Currency, bool HigherIsBetter, string Direction, bool Custom,
        List<KpiPointItem> Points, KpiPointItem? Latest, KpiPointItem? Previous, LevelsItem? Target, string? Status);

    /// <summary>A KPI's value for the month starting <see cref="Period"/>.</summary>
    public sealed record KpiPointItem(DateOnly Period, double Value);

    /// <summary>
    /// A linkage pair and its statistics (docs/metrics.md, Linkage statistics): every lag 0..3, the strongest, the
    /// trend-sensitive correlation of levels, the verdict (moves_as_expected, moves_opposite, no_evidence_yet,
    /// not_enough_history, no_variation) and its sentence, and what one step of the driver is worth in the outcome when
    /// the pair has a finding (null otherwise).
    /// </summary>
    public sealed record LinkageItem(
        SideItem Driver, SideItem Outcome, int ExpectedSign, List<LagItem> Lags, int? StrongestLag,
        double? LevelsPearson, int LevelsLag, int LevelsN, string Verdict, string VerdictText, WorthItem? Worth);

    /// <summary>
    /// A side of a pair: kind, code and department as the catalog's pairs name it (the North Star is kind and code
    /// north_star, as in /pairs; the page's <c>northStar</c> says which metric it reads); the name and unit of what it reads.
    /// </summary>
    public sealed record SideItem(string Kind, string Code, string? Department, string Name, string Unit);

    /// <summary>
    /// One lag: n pairs of changes; status computed, not_enough_history or no_variation; Pearson r with p, the page-wide
    /// Benjamini–Hochberg q and its 95% interval (low, high); Spearman ρ; the OLS slope with its 95% interval.
    /// </summary>
    public sealed record LagItem(
        int Lag, int N, string Status, double? Pearson, double? P, double? Q, double? Low, double? High, double? Spearman,
        double? Slope, double? SlopeLow, double? SlopeHigh);

    /// <summary>The outcome's change per one-step rise of the driver at the strongest lag, its 95% interval, and the sentence.</summary>
    public sealed record WorthItem(double PerPoint, double Low, double High, int Lag, int N, string Sentence);

    /// <summary>An event of the range: company-wide (no department) or the department's.</summary>
    public sealed record EventItem(long Id, DateOnly Date, string Kind, string Title, string? Department, string? Link);

    /// <summary>A KPI; <see cref="Direction"/> up, down or neutral; <see cref="Observations"/>: its imported monthly values.</summary>
    public sealed record KpiItem(string Code, string Name, string? Unit, string Direction, string? Currency, bool Custom, int Observations);

    /// <summary>A series: kind metric, kpi (with its department) or north_star.</summary>
    public sealed record SeriesItem(string Kind, string Code, string? Department);

    /// <summary>A linkage pair, driver → outcome, with the sign (1 or -1) of a healthy relationship.</summary>
    public sealed record PairItem(SeriesItem Driver, SeriesItem Outcome, int ExpectedSign);

    /// <summary>A target: its subject, the subject's direction (up or down), and the three levels.</summary>
    public sealed record TargetItem(SeriesItem Subject, string Direction, double Good, double Better, double Best);

    private static async Task<Results<Ok<List<DepartmentItem>>, ValidationProblem>> ListAsync(
        HttpRequest request, FilterQuery filters, DepartmentQuery departments, DisplayFormat format, CancellationToken ct)
    {
        var filter = filters.Parse(request.Query, out var problems);
        if (problems.Count > 0)
        {
            return BadFilter(problems);
        }
        return TypedResults.Ok((await departments.OverviewAsync(filter, ct)).Select(o => new DepartmentItem(
            o.Department.Code, o.Department.Name, o.Department.Question, o.Department.Metrics, o.Department.KpiCount, o.Department.PairCount,
            o.Department.TargetsSet, Item(o.Attainment, o.WorstMiss), o.StrongestLink is { } link ? Item(link, format) : null)).ToList());
    }

    private static async Task<Results<Ok<DepartmentPage>, NotFoundProblem, ValidationProblem>> GetAsync(
        string code, HttpRequest request, FilterQuery filters, DepartmentQuery departments, DepartmentCatalogQuery catalog,
        DisplayFormat format, CancellationToken ct)
    {
        if (!await catalog.ExistsAsync(code, ct))
        {
            return NotFound(code);
        }
        var filter = filters.Parse(request.Query, out var problems);
        if (problems.Count > 0)
        {
            return BadFilter(problems);
        }
        if (await departments.LoadAsync(code, filter, ct) is not { } view)
        {
            return NotFound(code);
        }
        return TypedResults.Ok(new DepartmentPage(
            view.Code, view.Name, view.Question, filter.From, filter.To, view.LinkageFrom, view.LinkageTo, view.NorthStar?.Code ?? "",
            view.Metrics.Select(Item).ToList(),
            view.Kpis.Select(Item).ToList(),
            view.Linkages.Select(l => Item(l, format)).ToList(),
            view.Events.Select(Item).ToList(),
            Item(view.Attainment, view.WorstMiss)));
    }

    private static ValidationProblem BadFilter(List<string> problems) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["query"] = [.. problems] }, detail: string.Join("; ", problems));

    internal static AttainmentItem Item(Attainment attainment, TargetMiss? worst) =>
        new(attainment.Met, attainment.Set, attainment.WithoutValue, worst is null
            ? null
            : new MissItem(Item(worst.Subject), worst.Name, worst.Value, Levels(worst.Target)!, worst.Target.Direction.Code(), worst.Shortfall));

    internal static LevelsItem? Levels(Target? target) => target is null ? null : new(target.Good, target.Better, target.Best);

    internal static MetricItem Item(DepartmentMetricView metric)
    {
        var headline = metric.Headline;
        var latest = headline.Latest;
        var previous = headline.Comparison?.Point.Value;
        return new MetricItem(
            headline.Definition.Code, latest.Period, latest.Value, latest.N, latest.Low, latest.High, latest.LowSample, latest.Suppressed,
            headline.Coverage.IsPartial, previous, latest.Value - previous, headline.Comparison?.Test.P, headline.Significant,
            Levels(metric.Target), metric.Status?.Code(), headline.Series.NotApplied);
    }

    private static KpiViewItem Item(DepartmentKpiView kpi) => new(
        kpi.Kpi.Code, kpi.Kpi.Name, kpi.Kpi.Unit, kpi.Kpi.Currency, kpi.Kpi.Direction != Direction.Down, kpi.Kpi.Direction.Code(), kpi.Kpi.Custom,
        kpi.Points.Select(Item).ToList(), kpi.Latest is { } latest ? Item(latest) : null, kpi.Previous is { } previous ? Item(previous) : null,
        Levels(kpi.Target), kpi.Status?.Code());

    private static KpiPointItem Item(KpiPoint point) => new(point.Period, point.Value);

    internal static LinkageItem Item(LinkageView linkage, DisplayFormat format)
    {
        var result = linkage.Result;
        var worth = format.Worth(linkage) is { } sentence && result.Strongest is { Slope: { } slope, SlopeInterval95: { } interval } strongest
            ? new WorthItem(slope, interval.Low, interval.High, strongest.Lag, strongest.N, sentence)
            : null;
        return new LinkageItem(
            Side(linkage.Driver), Side(linkage.Outcome), result.ExpectedSign,
            result.Lags.Select(l => new LagItem(l.Lag, l.N, Code(l.Status), l.Pearson, l.P, l.Q, l.PearsonInterval95?.Low, l.PearsonInterval95?.High,
                l.Spearman, l.Slope, l.SlopeInterval95?.Low, l.SlopeInterval95?.High)).ToList(),
            result.StrongestLag, result.TrendSensitiveLevels.Pearson, result.TrendSensitiveLevels.Lag, result.TrendSensitiveLevels.N,
            Code(result.Verdict ?? throw new InvalidOperationException("linkage without a verdict")), linkage.VerdictText, worth);
    }

    private static SideItem Side(SeriesInfo side) => new(side.Ref.Kind.Code(), side.Ref.Code, side.Ref.Department, side.Name, side.Unit);

    internal static EventItem Item(Event e) => new(e.Id, e.OccurredOn, e.Kind.Code(), e.Title, e.Department, e.Link);

    /// <summary>The API's code of a lag's status: computed, not_enough_history, no_variation.</summary>
    public static string Code(LagStatus status) => status switch
    {
        LagStatus.Computed => "computed",
        LagStatus.NotEnoughHistory => "not_enough_history",
        LagStatus.NoVariation => "no_variation",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "Unknown lag status."),
    };

    /// <summary>The API's code of a verdict: moves_as_expected, moves_opposite, no_evidence_yet, not_enough_history, no_variation.</summary>
    public static string Code(LinkageVerdict verdict) => verdict switch
    {
        LinkageVerdict.MovesAsExpected => "moves_as_expected",
        LinkageVerdict.MovesOpposite => "moves_opposite",
        LinkageVerdict.NoEvidenceYet => "no_evidence_yet",
        LinkageVerdict.NotEnoughHistory => "not_enough_history",
        LinkageVerdict.NoVariation => "no_variation",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "Unknown verdict."),
    };

    private static async Task<Results<Ok<List<KpiItem>>, NotFoundProblem>> GetKpisAsync(
        string code, DepartmentCatalogQuery catalog, CancellationToken ct) =>
        await catalog.ExistsAsync(code, ct) ? TypedResults.Ok(await KpisAsync(code, catalog, ct)) : NotFound(code);

    private static async Task<Results<Ok<List<KpiItem>>, NotFoundProblem, UnprocessableProblem>> PutKpisAsync(
        string code, List<KpiInput> kpis, DepartmentCatalogEditor editor, DepartmentCatalogQuery catalog, CancellationToken ct) =>
        await editor.ReplaceKpisAsync(code, kpis, ct) switch
        {
            { Found: false } => NotFound(code),
            { Saved: false } edit => Invalid("The KPIs were not saved", edit),
            _ => TypedResults.Ok(await KpisAsync(code, catalog, ct)),
        };

    private static async Task<Results<Ok<List<PairItem>>, NotFoundProblem>> GetPairsAsync(
        string code, DepartmentCatalogQuery catalog, CancellationToken ct) =>
        await catalog.ExistsAsync(code, ct) ? TypedResults.Ok(await PairsAsync(code, catalog, ct)) : NotFound(code);

    private static async Task<Results<Ok<List<PairItem>>, NotFoundProblem, UnprocessableProblem>> PutPairsAsync(
        string code, List<PairInput> pairs, DepartmentCatalogEditor editor, DepartmentCatalogQuery catalog, CancellationToken ct) =>
        await editor.ReplacePairsAsync(code, pairs, ct) switch
        {
            { Found: false } => NotFound(code),
            { Saved: false } edit => Invalid("The pairs were not saved", edit),
            _ => TypedResults.Ok(await PairsAsync(code, catalog, ct)),
        };

    private static async Task<Results<Ok<List<TargetItem>>, NotFoundProblem>> GetTargetsAsync(
        string code, DepartmentCatalogQuery catalog, CancellationToken ct) =>
        await catalog.ExistsAsync(code, ct) ? TypedResults.Ok(await TargetsAsync(code, catalog, ct)) : NotFound(code);

    private static async Task<Results<Ok<List<TargetItem>>, NotFoundProblem, UnprocessableProblem>> PutTargetsAsync(
        string code, List<TargetInput> targets, DepartmentCatalogEditor editor, DepartmentCatalogQuery catalog, CancellationToken ct) =>
        await editor.ReplaceTargetsAsync(code, targets, ct) switch
        {
            { Found: false } => NotFound(code),
            { Saved: false } edit => Invalid("The targets were not saved", edit),
            _ => TypedResults.Ok(await TargetsAsync(code, catalog, ct)),
        };

    private static async Task<List<KpiItem>> KpisAsync(string code, DepartmentCatalogQuery catalog, CancellationToken ct) =>
        (await catalog.KpisAsync(code, ct)).Select(k => new KpiItem(k.Code, k.Name, k.Unit, k.Direction.Code(), k.Currency, k.Custom, k.Observations)).ToList();

    private static async Task<List<PairItem>> PairsAsync(string code, DepartmentCatalogQuery catalog, CancellationToken ct) =>
        (await catalog.PairsAsync(code, ct)).Select(p => new PairItem(Item(p.Driver), Item(p.Outcome), p.ExpectedSign)).ToList();

    private static async Task<List<TargetItem>> TargetsAsync(string code, DepartmentCatalogQuery catalog, CancellationToken ct) =>
        (await catalog.TargetsAsync(code, ct))
            .Select(t => new TargetItem(Item(t.Subject), t.Target.Direction.Code(), t.Target.Good, t.Target.Better, t.Target.Best)).ToList();

    private static SeriesItem Item(SeriesRef series) => new(series.Kind.Code(), series.Code, series.Department);

    private static NotFoundProblem NotFound(string code) =>
        new("Unknown department", $"'{code}' is not a department: expected one of {string.Join(", ", DepartmentCatalog.Codes)}");

    private static UnprocessableProblem Invalid(string title, CatalogEdit edit) => new(title, edit.Errors);
}
