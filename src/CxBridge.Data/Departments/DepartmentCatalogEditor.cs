using System.Globalization;
using System.Text.Json.Serialization;
using CxBridge.Data.Entities;
using CxBridge.Metrics;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Data.Departments;

/// <summary>A KPI as an admin sends it. <see cref="Direction"/>: up, down or neutral; <see cref="Currency"/>: ISO 4217 (EUR).</summary>
public sealed record KpiInput(string? Code, string? Name, string? Unit, string? Direction, string? Currency);

/// <summary>
/// A series as an admin names it: <see cref="Kind"/> metric, kpi or north_star; <see cref="Code"/> a metric or KPI code;
/// <see cref="Department"/> the KPI's department (default: the department being edited).
/// </summary>
public sealed record SeriesInput(string? Kind, string? Code, string? Department);

/// <summary>A linkage pair as an admin sends it; <see cref="ExpectedSign"/> must be 1 or -1.</summary>
public sealed record PairInput(SeriesInput? Driver, SeriesInput? Outcome, double? ExpectedSign);

/// <summary>A target as an admin sends it. The levels also read "NaN" and "Infinity" (as strings), so they can be refused by name.</summary>
public sealed record TargetInput(
    SeriesInput? Subject,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals)] double? Good,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals)] double? Better,
    [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals)] double? Best);

/// <summary>
/// The outcome of an edit: <see cref="Found"/> false when the department does not exist; otherwise <see cref="Errors"/>
/// (key: the input's place, e.g. "[2].direction", or the KPI code a set-level problem is about; each message names the
/// value and what was expected) is empty when the edit was saved, and nothing was saved when it is not.
/// </summary>
public sealed record CatalogEdit(bool Found, IReadOnlyDictionary<string, string[]> Errors)
{
    public static CatalogEdit NotFound { get; } = new(false, new Dictionary<string, string[]>());

    public bool Saved => Found && Errors.Count == 0;
}

/// <summary>
/// Replaces a department's KPIs, linkage pairs or targets with the set an admin sends, validated as a whole: all or
/// nothing, in one transaction that holds the department's row lock (so two edits of one department take turns).
/// Imported observations are never lost: a KPI with values cannot be removed, only renamed or given another unit.
/// Each edit works in a context of its own.
/// </summary>
public sealed class DepartmentCatalogEditor(IDbContextFactory<CxBridgeDbContext> contexts)
{
    public const int MaxCodeLength = 100;
    public const int MaxNameLength = 200;
    public const int MaxUnitLength = 50;

    /// <summary>
    /// Replaces the department's KPIs: those sent are kept (renamed, re-united, redirected) or added (custom unless the
    /// default catalog has the code for this department), in the order sent; the others are removed, with their targets.
    /// Refused: a KPI with imported values or used by a pair (of any department) removed, a direction change that
    /// contradicts the KPI's target (or makes a KPI with a target neutral), and any invalid or repeated entry.
    /// </summary>
    public async Task<CatalogEdit> ReplaceKpisAsync(string department, IReadOnlyList<KpiInput> kpis, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var code = DepartmentCatalogQuery.Normalize(department);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Imports write kpi_values (ROW EXCLUSIVE): wait for those under way, and hold new ones off until this edit is
        // done, so a KPI cannot lose its last check for values to an import committing in between. Taken before the
        // department's row, as an import takes kpi_values before it touches that row: no deadlock.
        await db.Database.ExecuteSqlRawAsync("LOCK TABLE kpi_values IN SHARE MODE", ct);
        if (!await LockAsync(db, code, ct))
        {
            return CatalogEdit.NotFound;
        }

        var errors = new Errors();
        var existing = await db.DepartmentKpis.Where(k => k.Department == code).ToDictionaryAsync(k => k.Code, ct);
        var defaults = DepartmentCatalog.Find(code)?.Kpis.Select(k => k.Code).ToHashSet() ?? [];
        var sent = new List<DepartmentKpi>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < kpis.Count; i++)
        {
            var (listedCode, kpi) = ParseKpi(kpis[i], $"[{i}]", errors);
            if (listedCode is not null && !listed.Add(listedCode))
            {
                errors.Add($"[{i}].code", $"kpi '{listedCode}' is listed twice: expected each KPI once");
                continue;
            }
            if (kpi is null)
            {
                continue;
            }
            kpi.Department = code;
            kpi.Position = i;
            kpi.Custom = !defaults.Contains(kpi.Code);
            sent.Add(kpi);
        }

        // A KPI sent with a mistake elsewhere in its entry is still listed: it is not being removed.
        var removed = existing.Keys.Where(c => !listed.Contains(c)).ToList();
        if (removed.Count > 0)
        {
            var observations = await db.KpiValues.Where(v => v.Department == code && removed.Contains(v.Kpi)).GroupBy(v => v.Kpi)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
            var pairs = await db.DepartmentPairs.AsNoTracking()
                .Where(p => p.DriverKind == SeriesKind.Kpi && p.DriverDepartment == code && removed.Contains(p.DriverCode)
                            || p.OutcomeKind == SeriesKind.Kpi && p.OutcomeDepartment == code && removed.Contains(p.OutcomeCode))
                .OrderBy(p => p.Department).ThenBy(p => p.Position).ToListAsync(ct);
            foreach (var kpi in removed)
            {
                if (observations.GetValueOrDefault(kpi) is > 0 and var count)
                {
                    errors.Add(kpi, $"kpi '{kpi}' has {count} imported monthly values, so it cannot be removed (imported observations are never lost): expected it in the list; rename it or change its unit instead");
                }
                var usedBy = pairs.Where(p => p.Driver == SeriesRef.Kpi(code, kpi) || p.Outcome == SeriesRef.Kpi(code, kpi)).ToList();
                if (usedBy.Count > 0)
                {
                    errors.Add(kpi, $"kpi '{kpi}' is used by the pairs {string.Join(", ", usedBy.Select(p => $"{p.Driver} → {p.Outcome} ({p.Department})"))}: expected it in the list, or those pairs removed first");
                }
            }
        }

        var targets = await db.DepartmentTargets.AsNoTracking().Where(t => t.Department == code && t.SubjectKind == SeriesKind.Kpi).ToListAsync(ct);
        foreach (var kpi in sent.Where(k => existing.TryGetValue(k.Code, out var old) && old.Direction != k.Direction))
        {
            if (targets.FirstOrDefault(t => t.SubjectCode == kpi.Code) is { } target
                && Target.Problem(kpi.Direction, target.Good, target.Better, target.Best) is { } problem)
            {
                errors.Add(kpi.Code, $"kpi '{kpi.Code}' has a target (good {Text(target.Good)}, better {Text(target.Better)}, best {Text(target.Best)}) that direction {kpi.Direction.Code()} contradicts: {problem}; change or remove the target first");
            }
        }

        if (errors.Any)
        {
            return errors.Result;
        }
        foreach (var kpi in sent)
        {
            if (existing.TryGetValue(kpi.Code, out var old))
            {
                (old.Name, old.Unit, old.Direction, old.Currency, old.Custom, old.Position) =
                    (kpi.Name, kpi.Unit, kpi.Direction, kpi.Currency, kpi.Custom, kpi.Position);
            }
            else
            {
                db.DepartmentKpis.Add(kpi);
            }
        }
        // Their targets go with them (ON DELETE CASCADE).
        db.DepartmentKpis.RemoveRange(removed.Select(c => existing[c]));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return errors.Result;
    }

    /// <summary>
    /// Replaces the department's linkage pairs with those sent, in order. Each side is a metric of the catalog, a KPI
    /// that exists (of this department unless another is named) or the North Star; the two sides differ; the expected
    /// sign is 1 or -1; no pair twice.
    /// </summary>
    public async Task<CatalogEdit> ReplacePairsAsync(string department, IReadOnlyList<PairInput> pairs, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var code = DepartmentCatalogQuery.Normalize(department);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LockAsync(db, code, ct))
        {
            return CatalogEdit.NotFound;
        }

        var errors = new Errors();
        var kpis = (await db.DepartmentKpis.AsNoTracking().Select(k => new { k.Department, k.Code }).ToListAsync(ct))
            .ToLookup(k => k.Department, k => k.Code);
        var valid = new List<DepartmentPair>();
        for (var i = 0; i < pairs.Count; i++)
        {
            var pair = pairs[i];
            var driver = ParseSide(pair.Driver, $"[{i}].driver", "driver", code, errors, kpis, allowNorthStar: true);
            var outcome = ParseSide(pair.Outcome, $"[{i}].outcome", "outcome", code, errors, kpis, allowNorthStar: true);
            var sign = pair.ExpectedSign switch
            {
                null => errors.Add($"[{i}].expectedSign", "expectedSign is missing: expected 1 (healthy when both move together) or -1 (healthy when one falls as the other rises)"),
                1 or -1 => (int?)pair.ExpectedSign.Value,
                var other => errors.Add($"[{i}].expectedSign", $"expected sign {Text(other.Value)} is not +1 or −1: expected 1 (healthy when both move together) or -1 (healthy when one falls as the other rises)"),
            };
            if (driver is not null && driver == outcome)
            {
                errors.Add($"[{i}]", $"the driver and the outcome are both {driver}: expected two different series");
                continue;
            }
            if (driver is null || outcome is null || sign is null)
            {
                continue;
            }
            if (valid.Any(p => p.Driver == driver && p.Outcome == outcome))
            {
                errors.Add($"[{i}]", $"the pair {driver} → {outcome} is listed twice: expected each pair once");
                continue;
            }
            valid.Add(new DepartmentPair { Department = code, Position = valid.Count, Driver = driver, Outcome = outcome, ExpectedSign = (short)sign.Value });
        }

        if (errors.Any)
        {
            return errors.Result;
        }
        await db.DepartmentPairs.Where(p => p.Department == code).ExecuteDeleteAsync(ct);
        db.DepartmentPairs.AddRange(valid);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return errors.Result;
    }

    /// <summary>
    /// Replaces the department's targets with those sent. A subject is a metric the department shows or one of its KPIs
    /// (not neutral); its levels are finite numbers in the subject's direction (good ≤ better ≤ best when higher is
    /// better, good ≥ better ≥ best when lower is better); no subject twice.
    /// </summary>
    public async Task<CatalogEdit> ReplaceTargetsAsync(string department, IReadOnlyList<TargetInput> targets, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var code = DepartmentCatalogQuery.Normalize(department);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await LockAsync(db, code, ct))
        {
            return CatalogEdit.NotFound;
        }

        var errors = new Errors();
        var metrics = await db.DepartmentMetrics.AsNoTracking().Where(m => m.Department == code)
            .OrderBy(m => m.Position).Select(m => m.Metric).ToListAsync(ct);
        var kpis = await db.DepartmentKpis.AsNoTracking().Where(k => k.Department == code)
            .OrderBy(k => k.Position).ToDictionaryAsync(k => k.Code, k => k.Direction, ct);
        var valid = new List<DepartmentTarget>();
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            var key = $"[{i}]";
            SeriesRef? subject = null;
            Direction direction = default;
            if (target.Subject is not { } s)
            {
                errors.Add($"{key}.subject", "subject is missing: expected { kind: metric or kpi, code }");
            }
            else if (!SeriesKinds.TryParse(s.Kind, out var kind) || kind == SeriesKind.NorthStar)
            {
                errors.Add($"{key}.subject.kind", $"subject kind '{s.Kind}' is not known: expected metric or kpi (the North Star's target is the target of the metric it names)");
            }
            else if (string.IsNullOrWhiteSpace(s.Code))
            {
                errors.Add($"{key}.subject.code", $"subject code is missing: expected a {kind.Code()} code");
            }
            else if (kind == SeriesKind.Metric)
            {
                var metric = DepartmentCatalogQuery.Normalize(s.Code);
                if (!metrics.Contains(metric) || MetricCatalog.Find(metric) is not { } definition)
                {
                    errors.Add($"{key}.subject.code", $"metric '{s.Code}' is not one {code} shows: expected one of {string.Join(", ", metrics)} (or kind kpi for one of its KPIs)");
                }
                else
                {
                    (subject, direction) = (SeriesRef.Metric(metric), Directions.Of(definition));
                }
            }
            else if (s.Department is { } other && DepartmentCatalogQuery.Normalize(other) != code)
            {
                errors.Add($"{key}.subject.department", $"department '{other}' is not {code}: expected a target on one of {code}'s own KPIs");
            }
            else
            {
                var kpi = DepartmentCatalogQuery.Normalize(s.Code);
                if (!kpis.TryGetValue(kpi, out direction))
                {
                    errors.Add($"{key}.subject.code", $"kpi '{s.Code}' is not a KPI of {code}: expected one of {string.Join(", ", kpis.Keys)}");
                }
                else
                {
                    subject = SeriesRef.Kpi(code, kpi);
                }
            }

            var levels = new[] { ("good", target.Good), ("better", target.Better), ("best", target.Best) };
            foreach (var (name, _) in levels.Where(l => l.Item2 is null))
            {
                errors.Add($"{key}.{name}", $"{name} is missing: expected a number");
            }
            if (subject is null || target.Good is not { } good || target.Better is not { } better || target.Best is not { } best)
            {
                continue;
            }
            if (Target.Problem(direction, good, better, best) is { } problem)
            {
                errors.Add(key, $"target for {subject}: {problem}");
                continue;
            }
            if (valid.Any(t => t.Subject == subject))
            {
                errors.Add(key, $"{subject} has two targets: expected one target per metric or KPI");
                continue;
            }
            valid.Add(new DepartmentTarget { Department = code, SubjectKind = subject.Kind, SubjectCode = subject.Code, Good = good, Better = better, Best = best });
        }

        if (errors.Any)
        {
            return errors.Result;
        }
        await db.DepartmentTargets.Where(t => t.Department == code).ExecuteDeleteAsync(ct);
        db.DepartmentTargets.AddRange(valid);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return errors.Result;
    }

    /// <summary>
    /// Locks the department's row for the transaction, so edits of one department take turns (NO KEY UPDATE: rows that
    /// merely reference the department, as an import's new KPI does, are not held up); false when there is no such department.
    /// </summary>
    private static async Task<bool> LockAsync(CxBridgeDbContext db, string code, CancellationToken ct) =>
        (await db.Departments.FromSql($"SELECT * FROM departments WHERE code = {code} FOR NO KEY UPDATE").AsNoTracking().ToListAsync(ct)).Count == 1;

    /// <summary>The entry's code when it is a valid one (whatever else is wrong), and the KPI when the whole entry is valid.</summary>
    private static (string? Code, DepartmentKpi? Kpi) ParseKpi(KpiInput input, string key, Errors errors)
    {
        var before = errors.Count;
        var code = input.Code?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(code))
        {
            errors.Add($"{key}.code", "code is missing: expected the KPI's code, as the kpis import's kpi column gives it");
        }
        else if (code.Length > MaxCodeLength)
        {
            errors.Add($"{key}.code", $"code '{input.Code}' is too long: expected at most {MaxCodeLength} characters");
        }
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name))
        {
            errors.Add($"{key}.name", $"name is missing{(code is null ? "" : $" for '{code}'")}: expected a name such as Revenue");
        }
        else if (name.Length > MaxNameLength)
        {
            errors.Add($"{key}.name", $"name '{name}' is too long: expected at most {MaxNameLength} characters");
        }
        var unit = string.IsNullOrWhiteSpace(input.Unit) ? null : input.Unit.Trim();
        if (unit is { Length: > MaxUnitLength })
        {
            errors.Add($"{key}.unit", $"unit '{unit}' is too long: expected at most {MaxUnitLength} characters, such as %, count or currency");
        }
        if (!Directions.TryParse(input.Direction, out var direction))
        {
            errors.Add($"{key}.direction", $"direction '{input.Direction}' is not known: expected up, down or neutral");
        }
        var currency = string.IsNullOrWhiteSpace(input.Currency) ? null : input.Currency.Trim().ToUpperInvariant();
        if (currency is not null && (currency.Length != 3 || !currency.All(char.IsAsciiLetterUpper)))
        {
            errors.Add($"{key}.currency", $"currency '{input.Currency}' is not an ISO 4217 code: expected three letters such as EUR or USD");
        }
        var validCode = string.IsNullOrEmpty(code) || code.Length > MaxCodeLength ? null : code;
        return (validCode, errors.Count > before
            ? null
            : new DepartmentKpi { Department = "", Code = code!, Name = name!, Unit = unit, Direction = direction, Currency = currency });
    }

    private static SeriesRef? ParseSide(SeriesInput? input, string key, string side, string department, Errors errors,
        ILookup<string, string> kpis, bool allowNorthStar)
    {
        if (input is null)
        {
            errors.Add(key, $"{side} is missing: expected {{ kind: metric, kpi or north_star, code, department? }}");
            return null;
        }
        if (!SeriesKinds.TryParse(input.Kind, out var kind) || kind == SeriesKind.NorthStar && !allowNorthStar)
        {
            errors.Add($"{key}.kind", $"{side} kind '{input.Kind}' is not known: expected metric, kpi or north_star");
            return null;
        }
        var code = input.Code?.Trim().ToLowerInvariant();
        switch (kind)
        {
            case SeriesKind.NorthStar:
                if (!string.IsNullOrEmpty(code) && code != DepartmentCatalog.NorthStar)
                {
                    errors.Add($"{key}.code", $"{side} code '{input.Code}' does not go with kind north_star: expected no code (or {DepartmentCatalog.NorthStar})");
                    return null;
                }
                return SeriesRef.NorthStar;
            case SeriesKind.Metric:
                if (string.IsNullOrEmpty(code) || MetricCatalog.Find(code) is null)
                {
                    errors.Add($"{key}.code", $"{side} metric '{input.Code}' is not a metric: expected one of {string.Join(", ", MetricCatalog.All.Select(m => m.Code))}");
                    return null;
                }
                return SeriesRef.Metric(code);
            default:
                var owner = string.IsNullOrWhiteSpace(input.Department) ? department : DepartmentCatalogQuery.Normalize(input.Department);
                if (!kpis.Contains(owner) && DepartmentCatalog.Find(owner) is null)
                {
                    errors.Add($"{key}.department", $"{side} department '{input.Department}' is not a department: expected one of {string.Join(", ", DepartmentCatalog.Codes)}");
                    return null;
                }
                if (string.IsNullOrEmpty(code) || !kpis[owner].Contains(code))
                {
                    errors.Add($"{key}.code", $"{side} kpi '{input.Code}' is not a KPI of {owner}: expected one of {string.Join(", ", kpis[owner])}");
                    return null;
                }
                return SeriesRef.Kpi(owner, code);
        }
    }

    private static string Text(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Problems by key, in the order found.</summary>
    private sealed class Errors
    {
        private readonly Dictionary<string, List<string>> _byKey = new(StringComparer.Ordinal);

        public bool Any => _byKey.Count > 0;

        public int Count => _byKey.Values.Sum(l => l.Count);

        /// <summary>Adds a problem; returns null, for use in expressions.</summary>
        public int? Add(string key, string message)
        {
            if (!_byKey.TryGetValue(key, out var list))
            {
                _byKey[key] = list = [];
            }
            list.Add(message);
            return null;
        }

        public CatalogEdit Result => new(true, _byKey.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
