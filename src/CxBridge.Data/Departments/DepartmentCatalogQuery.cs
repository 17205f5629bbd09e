using CxBridge.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Data.Departments;

/// <summary>A department as the list of departments shows it.</summary>
public sealed record DepartmentSummary(
    string Code, string Name, string Question, IReadOnlyList<string> Metrics, int KpiCount, int PairCount, int TargetsSet);

/// <summary>A KPI of a department's catalog; <see cref="Observations"/> counts its imported monthly values.</summary>
public sealed record CatalogKpi(string Code, string Name, string? Unit, Direction Direction, string? Currency, bool Custom, int Observations);

/// <summary>A linkage pair (driver → outcome) with its expected sign, +1 or −1.</summary>
public sealed record CatalogPair(SeriesRef Driver, SeriesRef Outcome, int ExpectedSign);

/// <summary>A target of a department: its subject (a metric the department shows, or one of its KPIs) and levels.</summary>
public sealed record CatalogTarget(SeriesRef Subject, Target Target);

/// <summary>One department's catalog: what its page shows and checks (docs/departments.md).</summary>
public sealed record DepartmentSetup(
    string Code,
    string Name,
    string Question,
    IReadOnlyList<string> Metrics,
    IReadOnlyList<CatalogKpi> Kpis,
    IReadOnlyList<CatalogPair> Pairs,
    IReadOnlyList<CatalogTarget> Targets);

/// <summary>A KPI's value for the month starting <see cref="Period"/>, with the unit its file gave.</summary>
public sealed record KpiPoint(DateOnly Period, double Value, string? Unit);

/// <summary>
/// Reads the department catalog as stored (seeded from <see cref="DepartmentCatalog"/>, then edited), and KPI series.
/// Each call reads through a context of its own (a Blazor circuit keeps this service long and may call it concurrently).
/// </summary>
public sealed class DepartmentCatalogQuery(IDbContextFactory<CxBridgeDbContext> contexts)
{
    /// <summary>Every department in page order, with what it shows and how much of its catalog is set.</summary>
    public async Task<IReadOnlyList<DepartmentSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var departments = await db.Departments.AsNoTracking().OrderBy(d => d.Position).ThenBy(d => d.Code).ToListAsync(ct);
        var metrics = (await db.DepartmentMetrics.AsNoTracking().OrderBy(m => m.Position).ThenBy(m => m.Metric).ToListAsync(ct))
            .ToLookup(m => m.Department, m => m.Metric);
        var kpis = await db.DepartmentKpis.GroupBy(k => k.Department).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var pairs = await db.DepartmentPairs.GroupBy(p => p.Department).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var targets = await db.DepartmentTargets.GroupBy(t => t.Department).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return departments.Select(d => new DepartmentSummary(d.Code, d.Name, d.Question, metrics[d.Code].ToList(),
            kpis.GetValueOrDefault(d.Code), pairs.GetValueOrDefault(d.Code), targets.GetValueOrDefault(d.Code))).ToList();
    }

    /// <summary>Whether the department exists (code in any case).</summary>
    public async Task<bool> ExistsAsync(string code, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = Normalize(code);
        return await db.Departments.AnyAsync(d => d.Code == key, ct);
    }

    /// <summary>The department's catalog (code in any case); null when there is no such department.</summary>
    public async Task<DepartmentSetup?> LoadAsync(string code, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = Normalize(code);
        var department = await db.Departments.AsNoTracking().SingleOrDefaultAsync(d => d.Code == key, ct);
        if (department is null)
        {
            return null;
        }
        return new DepartmentSetup(department.Code, department.Name, department.Question,
            await MetricsAsync(key, ct), await KpisAsync(key, ct), await PairsAsync(key, ct), await TargetsAsync(key, ct));
    }

    /// <summary>The CX metric codes the department shows, in order.</summary>
    public async Task<IReadOnlyList<string>> MetricsAsync(string code, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = Normalize(code);
        return await db.DepartmentMetrics.AsNoTracking().Where(m => m.Department == key)
            .OrderBy(m => m.Position).ThenBy(m => m.Metric).Select(m => m.Metric).ToListAsync(ct);
    }

    /// <summary>The department's KPIs in order, each with the number of its imported values.</summary>
    public async Task<IReadOnlyList<CatalogKpi>> KpisAsync(string code, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = Normalize(code);
        var observations = await db.KpiValues.Where(v => v.Department == key).GroupBy(v => v.Kpi)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var kpis = await db.DepartmentKpis.AsNoTracking().Where(k => k.Department == key)
            .OrderBy(k => k.Position).ThenBy(k => k.Code).ToListAsync(ct);
        return kpis.Select(k => new CatalogKpi(k.Code, k.Name, k.Unit, k.Direction, k.Currency, k.Custom, observations.GetValueOrDefault(k.Code)))
            .ToList();
    }

    /// <summary>The department's linkage pairs in order, each side a typed reference.</summary>
    public async Task<IReadOnlyList<CatalogPair>> PairsAsync(string code, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = Normalize(code);
        var pairs = await db.DepartmentPairs.AsNoTracking().Where(p => p.Department == key).OrderBy(p => p.Position).ToListAsync(ct);
        return pairs.Select(p => new CatalogPair(p.Driver, p.Outcome, p.ExpectedSign)).ToList();
    }

    /// <summary>
    /// The department's targets: those on metrics in the order the department shows them, then those on KPIs in the KPI
    /// order. A metric's direction is the catalog's; a KPI's is the one its department set.
    /// </summary>
    public async Task<IReadOnlyList<CatalogTarget>> TargetsAsync(string code, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var key = Normalize(code);
        var targets = await db.DepartmentTargets.AsNoTracking().Where(t => t.Department == key).ToListAsync(ct);
        var metrics = await MetricsAsync(key, ct);
        var kpis = await db.DepartmentKpis.AsNoTracking().Where(k => k.Department == key)
            .OrderBy(k => k.Position).ThenBy(k => k.Code).ToListAsync(ct);
        var kpiOrder = kpis.Select((k, i) => (k.Code, i)).ToDictionary(x => x.Code, x => x.i);
        var directions = kpis.ToDictionary(k => k.Code, k => k.Direction);
        return targets
            .OrderBy(t => t.SubjectKind == SeriesKind.Metric ? 0 : 1)
            .ThenBy(t => t.SubjectKind == SeriesKind.Metric ? IndexOf(metrics, t.SubjectCode) : kpiOrder.GetValueOrDefault(t.SubjectCode, int.MaxValue))
            .ThenBy(t => t.SubjectCode, StringComparer.Ordinal)
            .Select(t =>
            {
                var direction = t.SubjectKind == SeriesKind.Metric
                    ? Directions.Of(MetricCatalog.Find(t.SubjectCode) ?? throw new InvalidOperationException($"target on unknown metric '{t.SubjectCode}'"))
                    : directions[t.SubjectCode];
                return new CatalogTarget(t.Subject, new Target(direction, t.Good, t.Better, t.Best));
            })
            .ToList();

        static int IndexOf(IReadOnlyList<string> list, string value)
        {
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] == value)
                {
                    return i;
                }
            }
            return int.MaxValue;
        }
    }

    /// <summary>
    /// A KPI's monthly values from the month of <paramref name="from"/> to <paramref name="to"/> (inclusive dates, as the
    /// metric filters take them), in period order; months without a value are absent.
    /// </summary>
    public async Task<IReadOnlyList<KpiPoint>> KpiSeriesAsync(string department, string kpi, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var (departmentKey, kpiKey) = (Normalize(department), Normalize(kpi));
        var first = new DateOnly(from.Year, from.Month, 1);
        return await db.KpiValues.AsNoTracking()
            .Where(v => v.Department == departmentKey && v.Kpi == kpiKey && v.Period >= first && v.Period <= to)
            .OrderBy(v => v.Period)
            .Select(v => new KpiPoint(v.Period, v.Value, v.Unit))
            .ToListAsync(ct);
    }

    internal static string Normalize(string code) => code.Trim().ToLowerInvariant();
}
