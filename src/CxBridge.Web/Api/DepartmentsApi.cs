using CxBridge.Data.Departments;
using CxBridge.Metrics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxBridge.Web.Api;

/// <summary>
/// The department catalog (DEPARTMENTS.md) as admins edit it: GET /api/departments, and GET/PUT of a department's KPIs,
/// linkage pairs and targets. A PUT replaces the whole set it names, validated as a whole: 200 with the set as saved,
/// 422 (nothing saved) with every problem naming the value and what was expected, 404 for an unknown department.
/// </summary>
public static class DepartmentsApi
{
    public static IEndpointRouteBuilder MapDepartmentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/departments").WithTags("Departments");
        api.MapGet("/", ListAsync);
        api.MapGet("/{code}/kpis", GetKpisAsync);
        api.MapPut("/{code}/kpis", PutKpisAsync);
        api.MapGet("/{code}/pairs", GetPairsAsync);
        api.MapPut("/{code}/pairs", PutPairsAsync);
        api.MapGet("/{code}/targets", GetTargetsAsync);
        api.MapPut("/{code}/targets", PutTargetsAsync);
        return app;
    }

    /// <summary>A department: the CX metric codes it shows, and how many KPIs, pairs and targets it has.</summary>
    public sealed record DepartmentItem(string Code, string Name, string Question, IReadOnlyList<string> Metrics, int KpiCount, int PairCount, int TargetsSet);

    /// <summary>A KPI; <see cref="Direction"/> up, down or neutral; <see cref="Observations"/>: its imported monthly values.</summary>
    public sealed record KpiItem(string Code, string Name, string? Unit, string Direction, string? Currency, bool Custom, int Observations);

    /// <summary>A series: kind metric, kpi (with its department) or north_star.</summary>
    public sealed record SeriesItem(string Kind, string Code, string? Department);

    /// <summary>A linkage pair, driver → outcome, with the sign (1 or -1) of a healthy relationship.</summary>
    public sealed record PairItem(SeriesItem Driver, SeriesItem Outcome, int ExpectedSign);

    /// <summary>A target: its subject, the subject's direction (up or down), and the three levels.</summary>
    public sealed record TargetItem(SeriesItem Subject, string Direction, double Good, double Better, double Best);

    private static async Task<Ok<List<DepartmentItem>>> ListAsync(DepartmentCatalogQuery catalog, CancellationToken ct) =>
        TypedResults.Ok((await catalog.ListAsync(ct))
            .Select(d => new DepartmentItem(d.Code, d.Name, d.Question, d.Metrics, d.KpiCount, d.PairCount, d.TargetsSet)).ToList());

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
