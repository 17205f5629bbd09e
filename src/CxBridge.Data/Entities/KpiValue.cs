namespace CxBridge.Data.Entities;

/// <summary>A department's KPI for one month (<see cref="Period"/> is the month's first day).</summary>
public sealed class KpiValue
{
    public required string Department { get; set; }
    public required string Kpi { get; set; }
    public DateOnly Period { get; set; }
    public long BatchId { get; set; }
    public double Value { get; set; }
    public string? Unit { get; set; }
}
