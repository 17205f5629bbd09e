using System.Globalization;

namespace CxBridge.Metrics;

/// <summary>The integer range a survey question was answered on, inclusive at both ends (e.g. 1–5, 0–10).</summary>
public readonly record struct ScoreScale(int Min, int Max)
{
    private static readonly char[] Dashes = ['-', '–'];

    /// <summary>
    /// Parses "min-max" with a hyphen or an en dash ("1-10", "0-10", "1–7"), white space allowed around the parts.
    /// Valid when both bounds are whole numbers, Min ≥ 0 and Min &lt; Max. Null or empty text → false.
    /// </summary>
    public static bool TryParse(string? text, out ScoreScale scale)
    {
        scale = default;
        var parts = text?.Split(Dashes);
        if (parts is not [var low, var high])
        {
            return false;
        }

        if (!int.TryParse(low.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var min)
            || !int.TryParse(high.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var max)
            || min >= max)
        {
            return false;
        }

        scale = new ScoreScale(min, max);
        return true;
    }

    /// <summary>Whether <paramref name="score"/> lies in [Min, Max] (NaN → false).</summary>
    public bool Contains(double score) => score >= Min && score <= Max;

    /// <summary>"min-max" with a hyphen, e.g. "1-10"; <see cref="TryParse"/> reads it back.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min}-{Max}");
}
