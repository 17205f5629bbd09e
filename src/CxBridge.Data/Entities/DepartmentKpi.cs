using CxBridge.Metrics;

namespace CxBridge.Data.Entities;

/// <summary>
/// A KPI of a department: a default of the catalog, or <see cref="Custom"/> (made by an import of a code the catalog does
/// not know, or added by an admin). <see cref="Code"/> is the <c>kpi</c> of its values in <see cref="KpiValue"/>.
/// </summary>
public sealed class DepartmentKpi
{
    public required string Department { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Unit { get; set; }
    public Direction Direction { get; set; }
    /// <summary>ISO 4217 code (EUR, USD...) of a money KPI, when known.</summary>
    public string? Currency { get; set; }
    public bool Custom { get; set; }
    public int Position { get; set; }
}
