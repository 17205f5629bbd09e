using CxBridge.Metrics;

namespace CxBridge.Data.Queries;

/// <summary>
/// The cut a metric is asked for: inclusive dates in the organisation's time zone, a grain, and dimension
/// filters (several values of one dimension are OR-ed; dimensions are AND-ed).
/// </summary>
public sealed record MetricFilter(DateOnly From, DateOnly To, Grain Grain, IReadOnlyDictionary<string, IReadOnlyList<string>> Dimensions)
{
    /// <summary>Values a row's dimension must NOT have (empty values pass): "everyone but this segment", for breakdowns.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Excluded { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>The cut as one canonical string (equal filters, equal keys): for caching and for telling views apart.</summary>
    public string Key =>
        $"{From:yyyy-MM-dd}|{To:yyyy-MM-dd}|{Grain}|" + string.Join("|", Dimensions.OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => d.Key + "=" + string.Join(",", d.Value.Order(StringComparer.Ordinal))))
        + "|-" + string.Join("|", Excluded.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Key + "=" + string.Join(",", d.Value.Order(StringComparer.Ordinal))));

    /// <summary>This filter narrowed to one value of a dimension.</summary>
    public MetricFilter With(string dimension, string value) =>
        this with { Dimensions = new Dictionary<string, IReadOnlyList<string>>(Dimensions) { [dimension] = [value] } };

    /// <summary>This filter without one value of a dimension.</summary>
    public MetricFilter Without(string dimension, string value) =>
        this with { Excluded = new Dictionary<string, IReadOnlyList<string>>(Excluded) { [dimension] = [value] } };

    /// <summary>The dimensions a filter may name, each a column of the rows it applies to.</summary>
    public static readonly string[] KnownDimensions = ["channel", "touchpoint", "region", "product", "segment", "agent", "team", "department"];

    public static MetricFilter Create(DateOnly from, DateOnly to, Grain grain = Grain.Month) =>
        new(from, to, grain, new Dictionary<string, IReadOnlyList<string>>());

    /// <summary>The last twelve whole months before <paramref name="today"/>: the default view.</summary>
    public static (DateOnly From, DateOnly To) DefaultRange(DateOnly today)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        return (thisMonth.AddMonths(-12), thisMonth.AddDays(-1));
    }

    /// <summary>The window of the same length just before this one (for comparing a total with the one before).</summary>
    public MetricFilter Previous()
    {
        var days = To.DayNumber - From.DayNumber + 1;
        return this with { From = From.AddDays(-days), To = From.AddDays(-1) };
    }
}
