using CxBridge.Metrics;
using Npgsql;
using NpgsqlTypes;

namespace CxBridge.Data.Imports;

public readonly record struct KpiRow(string Department, string Kpi, DateOnly Period, double Value, string? Unit);

/// <summary>
/// The <c>kpis</c> kind: a department's own numbers by month (upsert by department, kpi, period). Department codes
/// are those of docs/departments.md. A KPI code the department's catalog (<c>department_kpis</c>) does not have becomes a
/// KPI of the department in the import's own transaction (so a rejected or failed import creates none): with the
/// default catalog's definition when <see cref="DepartmentCatalog"/> has one (an admin removed it, or the catalog was
/// not seeded yet), otherwise as a custom KPI named after its code, with the file's unit (its last row's) and direction
/// neutral, until an admin names it. Undoing the batch deletes its values but leaves the catalog entry: harmless, a
/// KPI without values, which an admin may remove.
/// </summary>
public sealed class KpisImport : UpsertImportKind<KpiRow>
{
    public static KpisImport Instance { get; } = new();

    public override string Name => "kpis";

    public override string Description => "departments' own numbers by month (upsert by department, KPI and month)";

    public override IReadOnlyList<ImportField> Fields { get; } =
    [
        new("department", true, "dept", "team", "function"),
        new("kpi", true, "metric", "kpi_code", "measure", "indicator"),
        new("period", true, "month", "date"),
        new("value", true, "amount", "actual"),
        new("unit", false, "units"),
    ];

    public override bool TryParse(RowReader row, out KpiRow record)
    {
        record = default;
        var department = row.Required("department", "a department code")?.ToLowerInvariant();
        if (department is not null && !DepartmentCatalog.Codes.Contains(department))
        {
            row.Error("department", row.Get("department"), $"unknown department: expected one of {string.Join(", ", DepartmentCatalog.Codes)}");
        }
        var kpi = row.Required("kpi", "a KPI code such as revenue")?.ToLowerInvariant();
        DateOnly? period = null;
        var periodText = row.Required("period", "a month such as 2025-03");
        if (periodText is not null)
        {
            period = ValueParsers.ParsePeriod(periodText, row.Context.Options.DateFormat);
            if (period is null)
            {
                row.Error("period", periodText, "not a month: expected yyyy-MM such as 2025-03, or a date in the month");
            }
        }
        var value = row.Number("value", required: true);
        if (row.Errors.Count > 0 || department is null || kpi is null || period is null || value is null)
        {
            return false;
        }
        record = new KpiRow(department, kpi, period.Value, value.Value, row.Get("unit"));
        return true;
    }

    protected override string Table => "kpi_values";

    // The catalog entries the file's KPIs need (and their department's row, a placeholder the seeder completes, when the
    // catalog was never seeded). Positions follow the department's last KPI, in the order the file first names them.
    protected override string? MergePrelude { get; } = $$"""
        staged AS (
            SELECT department, kpi, min(ordinal) AS first,
                (array_agg(unit ORDER BY ordinal DESC) FILTER (WHERE unit IS NOT NULL))[1] AS unit
            FROM import_staging GROUP BY department, kpi),
        new_departments AS (
            INSERT INTO departments (code, name, question, position)
            SELECT DISTINCT department, department, '', 0 FROM staged
            ON CONFLICT (code) DO NOTHING),
        new_kpis AS (
            INSERT INTO department_kpis (department, code, name, unit, direction, custom, position)
            SELECT s.department, s.kpi, coalesce(d.name, s.kpi), coalesce(d.unit, s.unit), coalesce(d.direction, 'neutral'), d.code IS NULL,
                (coalesce((SELECT max(k.position) + 1 FROM department_kpis k WHERE k.department = s.department), 0)
                    + row_number() OVER (PARTITION BY s.department ORDER BY s.first) - 1)::int
            FROM staged s
            LEFT JOIN (VALUES {{DefaultKpis()}}) AS d (department, code, name, unit, direction)
                ON d.department = s.department AND d.code = s.kpi
            WHERE NOT EXISTS (SELECT 1 FROM department_kpis k WHERE k.department = s.department AND k.code = s.kpi)
            ON CONFLICT (department, code) DO NOTHING)
        """;

    /// <summary>The default catalog's KPIs as SQL VALUES rows (department, code, name, unit, direction).</summary>
    private static string DefaultKpis() => string.Join(", ", DepartmentCatalog.All.SelectMany(d => d.Kpis.Select(k =>
        $"({Literal(d.Code)}, {Literal(k.Code)}, {Literal(k.Name)}, {Literal(k.Unit)}, {Literal(k.Direction.Code())})")));

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    protected override IReadOnlyList<string> Key { get; } = ["department", "kpi", "period"];

    protected override IReadOnlyList<(string Name, string Type)> Columns { get; } =
    [
        ("department", "text"),
        ("kpi", "text"),
        ("period", "date"),
        ("value", "double precision"),
        ("unit", "text"),
    ];

    public override void Write(NpgsqlBinaryImporter importer, long ordinal, in KpiRow r)
    {
        importer.StartRow();
        importer.Write(ordinal, NpgsqlDbType.Bigint);
        importer.Write(r.Department, NpgsqlDbType.Text);
        importer.Write(r.Kpi, NpgsqlDbType.Text);
        importer.Write(r.Period, NpgsqlDbType.Date);
        importer.Write(r.Value, NpgsqlDbType.Double);
        WriteText(importer, r.Unit);
    }

    public override IReadOnlyList<KeyValuePair<string, string?>> Describe(in KpiRow r) =>
    [
        new("department", r.Department), new("kpi", r.Kpi),
        new("period", r.Period.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)),
        new("value", Text(r.Value)), new("unit", r.Unit),
    ];
}
