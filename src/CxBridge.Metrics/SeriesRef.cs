namespace CxBridge.Metrics;

/// <summary>What a <see cref="SeriesRef"/> points at.</summary>
public enum SeriesKind
{
    /// <summary>A CX metric of <see cref="MetricCatalog"/>.</summary>
    Metric,

    /// <summary>A KPI of a department (the <c>kpis</c> import kind).</summary>
    Kpi,

    /// <summary>The organisation's North Star metric, whichever metric the setting names.</summary>
    NorthStar,
}

/// <summary>Codes and parsing of <see cref="SeriesKind"/>.</summary>
public static class SeriesKinds
{
    /// <summary>Every kind, in declaration order (metric, kpi, north_star).</summary>
    public static IReadOnlyList<SeriesKind> All { get; } = [SeriesKind.Metric, SeriesKind.Kpi, SeriesKind.NorthStar];

    /// <summary>The code used in the database and the API: "metric", "kpi", "north_star".</summary>
    public static string Code(this SeriesKind k) => k switch
    {
        SeriesKind.Metric => "metric",
        SeriesKind.Kpi => "kpi",
        SeriesKind.NorthStar => DepartmentCatalog.NorthStar,
        _ => throw new ArgumentOutOfRangeException(nameof(k), k, "Unknown series kind."),
    };

    /// <summary>Parses a kind code, case-insensitive, ignoring surrounding white space. Null or empty text → false.</summary>
    public static bool TryParse(string? code, out SeriesKind k)
    {
        var trimmed = code?.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                k = candidate;
                return true;
            }
        }

        k = default;
        return false;
    }
}

/// <summary>
/// A monthly series a linkage pair side or a target refers to: a CX metric (<see cref="Code"/> of
/// <see cref="MetricCatalog"/>), a KPI of a department (<see cref="Department"/> + <see cref="Code"/>), or the North Star
/// (<see cref="DepartmentCatalog.NorthStar"/>, resolved to a metric by the setting). Codes are lower case.
/// </summary>
public sealed record SeriesRef
{
    // Private: the factories check the codes. JSON (a page's state handed from its prerender to its circuit) reads it too.
    [System.Text.Json.Serialization.JsonConstructor]
    private SeriesRef(SeriesKind kind, string code, string? department)
    {
        Kind = kind;
        Code = code;
        Department = department;
    }

    public SeriesKind Kind { get; }

    public string Code { get; }

    /// <summary>The department whose KPI this is; null for a metric or the North Star.</summary>
    public string? Department { get; }

    /// <summary>The North Star.</summary>
    public static SeriesRef NorthStar { get; } = new(SeriesKind.NorthStar, DepartmentCatalog.NorthStar, null);

    /// <summary>A CX metric; <paramref name="code"/> must be a <see cref="MetricCatalog"/> code (any case).</summary>
    /// <exception cref="ArgumentException">The code is not a metric.</exception>
    public static SeriesRef Metric(string code) =>
        new(SeriesKind.Metric, MetricCatalog.Find(code)?.Code
            ?? throw new ArgumentException($"'{code}' is not a metric: expected one of {string.Join(", ", MetricCatalog.All.Select(m => m.Code))}", nameof(code)), null);

    /// <summary>A KPI of a department; both codes are trimmed and lower-cased.</summary>
    /// <exception cref="ArgumentException">Either code is empty.</exception>
    public static SeriesRef Kpi(string department, string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(department);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return new(SeriesKind.Kpi, code.Trim().ToLowerInvariant(), department.Trim().ToLowerInvariant());
    }

    /// <summary>The reference as stored (kind, code, department): the department is read only for a KPI.</summary>
    /// <exception cref="ArgumentException">A metric code that is not a metric, or a KPI without a department.</exception>
    public static SeriesRef Create(SeriesKind kind, string code, string? department) => kind switch
    {
        SeriesKind.Metric => Metric(code),
        SeriesKind.Kpi => Kpi(department ?? throw new ArgumentException($"the KPI '{code}' has no department", nameof(department)), code),
        SeriesKind.NorthStar => NorthStar,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown series kind."),
    };

    /// <summary>
    /// A side of a <see cref="LinkagePair"/> of the code catalog (a bare string there): <see cref="DepartmentCatalog.NorthStar"/>,
    /// a metric code, or otherwise a KPI of <paramref name="department"/>.
    /// </summary>
    public static SeriesRef FromCatalog(string side, string department) =>
        side == DepartmentCatalog.NorthStar ? NorthStar
        : MetricCatalog.Find(side) is not null ? Metric(side)
        : Kpi(department, side);

    /// <summary>"nps", "finance/revenue" or "north_star".</summary>
    public override string ToString() => Kind == SeriesKind.Kpi ? $"{Department}/{Code}" : Code;
}
