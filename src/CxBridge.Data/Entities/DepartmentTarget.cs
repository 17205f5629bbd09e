using CxBridge.Metrics;

namespace CxBridge.Data.Entities;

/// <summary>
/// A department's target for a subject: a metric it shows (<see cref="SeriesKind.Metric"/>) or one of its KPIs
/// (<see cref="SeriesKind.Kpi"/>), with the three levels of <see cref="Metrics.Target"/>.
/// </summary>
public sealed class DepartmentTarget
{
    public required string Department { get; set; }
    public SeriesKind SubjectKind { get; set; }
    public required string SubjectCode { get; set; }
    public double Good { get; set; }
    public double Better { get; set; }
    public double Best { get; set; }

    /// <summary>The subject as a reference (a KPI's department is the target's).</summary>
    public SeriesRef Subject => SeriesRef.Create(SubjectKind, SubjectCode, Department);
}
