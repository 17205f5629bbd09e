namespace CxBridge.Data.Entities;

/// <summary>A CX metric (<see cref="Metrics.MetricCatalog"/> code) a department's page shows, at <see cref="Position"/>.</summary>
public sealed class DepartmentMetric
{
    public required string Department { get; set; }
    public required string Metric { get; set; }
    public int Position { get; set; }
}
