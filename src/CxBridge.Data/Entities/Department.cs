namespace CxBridge.Data.Entities;

/// <summary>
/// A department page (docs/departments.md) as stored: copied from <see cref="Metrics.DepartmentCatalog"/> by the seeder
/// (<see cref="SeededAt"/>), then edited by admins. <see cref="Question"/> is what the page makes obvious.
/// </summary>
public sealed class Department
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string Question { get; set; } = "";
    public int Position { get; set; }
    /// <summary>When the catalog's defaults were copied in; null for a placeholder an import made before seeding.</summary>
    public DateTimeOffset? SeededAt { get; set; }
}
