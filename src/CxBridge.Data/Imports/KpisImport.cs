using CxBridge.Metrics;
using Npgsql;
using NpgsqlTypes;

namespace CxBridge.Data.Imports;

public readonly record struct KpiRow(string Department, string Kpi, DateOnly Period, double Value, string? Unit);

/// <summary>
/// The <c>kpis</c> kind: a department's own numbers by month (upsert by department, kpi, period). Department codes
/// are those of DEPARTMENTS.md; a KPI code not in the catalog is kept as a custom KPI of its department.
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
