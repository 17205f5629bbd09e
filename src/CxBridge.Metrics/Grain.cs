namespace CxBridge.Metrics;

/// <summary>The length of the periods a metric series is cut into (<c>grain=</c>).</summary>
public enum Grain
{
    /// <summary>Monday to Sunday.</summary>
    Week,

    /// <summary>Calendar month (the API default).</summary>
    Month,

    /// <summary>Calendar quarter starting January, April, July, October.</summary>
    Quarter,

    /// <summary>Calendar year.</summary>
    Year,

    /// <summary>One period covering the whole requested range.</summary>
    Total,
}

/// <summary>Codes and parsing of <see cref="Grain"/>.</summary>
public static class Grains
{
    /// <summary>Every grain, in declaration order.</summary>
    public static IReadOnlyList<Grain> All { get; } = [Grain.Week, Grain.Month, Grain.Quarter, Grain.Year, Grain.Total];

    /// <summary>The lower-case code used in URLs: "week", "month", "quarter", "year", "total".</summary>
    public static string Code(this Grain g) => g switch
    {
        Grain.Week => "week",
        Grain.Month => "month",
        Grain.Quarter => "quarter",
        Grain.Year => "year",
        Grain.Total => "total",
        _ => throw new ArgumentOutOfRangeException(nameof(g), g, "Unknown grain."),
    };

    /// <summary>Parses a grain code, case-insensitive, ignoring surrounding white space. Null or empty text → false.</summary>
    public static bool TryParse(string? text, out Grain g)
    {
        var trimmed = text?.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                g = candidate;
                return true;
            }
        }

        g = default;
        return false;
    }
}
