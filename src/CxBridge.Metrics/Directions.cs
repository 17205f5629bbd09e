namespace CxBridge.Metrics;

/// <summary>Codes and parsing of <see cref="Direction"/>, and the direction of a metric.</summary>
public static class Directions
{
    /// <summary>Every direction, in declaration order (up, down, neutral).</summary>
    public static IReadOnlyList<Direction> All { get; } = [Direction.Up, Direction.Down, Direction.Neutral];

    /// <summary>The lower-case code used in the database and the API: "up", "down", "neutral".</summary>
    public static string Code(this Direction d) => d switch
    {
        Direction.Up => "up",
        Direction.Down => "down",
        Direction.Neutral => "neutral",
        _ => throw new ArgumentOutOfRangeException(nameof(d), d, "Unknown direction."),
    };

    /// <summary>Parses a direction code, case-insensitive, ignoring surrounding white space. Null or empty text → false.</summary>
    public static bool TryParse(string? code, out Direction d)
    {
        var trimmed = code?.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                d = candidate;
                return true;
            }
        }

        d = default;
        return false;
    }

    /// <summary>A metric is never neutral: up when higher is better, else down.</summary>
    public static Direction Of(MetricDefinition metric) => metric.HigherIsBetter ? Direction.Up : Direction.Down;
}
