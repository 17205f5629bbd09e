using CxBridge.Metrics;

namespace CxBridge.Data.Entities;

/// <summary>
/// A linkage pair of a department (driver → outcome, docs/metrics.md "Linkage statistics"), stored as two (kind, code,
/// department) column triples; read and write it through <see cref="Driver"/> and <see cref="Outcome"/>.
/// </summary>
public sealed class DepartmentPair
{
    public required string Department { get; set; }
    public int Position { get; set; }
    public SeriesKind DriverKind { get; set; }
    public string DriverCode { get; set; } = "";
    public string? DriverDepartment { get; set; }
    public SeriesKind OutcomeKind { get; set; }
    public string OutcomeCode { get; set; } = "";
    public string? OutcomeDepartment { get; set; }
    /// <summary>+1 or −1: the sign of the relationship when things are healthy.</summary>
    public short ExpectedSign { get; set; }

    public SeriesRef Driver
    {
        get => SeriesRef.Create(DriverKind, DriverCode, DriverDepartment);
        set => (DriverKind, DriverCode, DriverDepartment) = (value.Kind, value.Code, value.Department);
    }

    public SeriesRef Outcome
    {
        get => SeriesRef.Create(OutcomeKind, OutcomeCode, OutcomeDepartment);
        set => (OutcomeKind, OutcomeCode, OutcomeDepartment) = (value.Kind, value.Code, value.Department);
    }
}
