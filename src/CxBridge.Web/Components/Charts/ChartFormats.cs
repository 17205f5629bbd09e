using System.Globalization;

namespace CxBridge.Web.Components.Charts;

/// <summary>Default, culture-invariant text formats used by the chart components.</summary>
public static class ChartFormats
{
    /// <summary>"2025-03".</summary>
    public static string Period(DateOnly period) => period.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>One decimal, invariant: "41.2".</summary>
    public static string Value(double value) => Clean(value.ToString("F1", CultureInfo.InvariantCulture));

    /// <summary>A value formatter that appends <paramref name="unit"/> verbatim (e.g. "%" or " pts") to <see cref="Value"/>.</summary>
    public static Func<double, string> ValueWithUnit(string? unit) =>
        string.IsNullOrEmpty(unit) ? Value : v => Value(v) + unit;

    /// <summary>
    /// A tick label with as many decimals as the tick step needs (step 20 → "40", step 0.5 → "2.5").
    /// </summary>
    public static string Tick(double value, double step)
    {
        var decimals = DecimalsFor(step);
        return Clean(value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }

    /// <summary>Decimals needed to write multiples of <paramref name="step"/> exactly (0 for steps ≥ 1).</summary>
    public static int DecimalsFor(double step)
    {
        if (!(step > 0) || double.IsInfinity(step))
        {
            return 0;
        }

        var decimals = 0;
        var scaled = step;
        while (decimals < 10 && Math.Abs(scaled - Math.Round(scaled)) > 1e-9 * Math.Max(1, Math.Abs(scaled)))
        {
            scaled *= 10;
            decimals++;
        }

        return decimals;
    }

    /// <summary>Joins a base class list and optional extra classes.</summary>
    public static string Classes(string baseClasses, string? extra) =>
        string.IsNullOrWhiteSpace(extra) ? baseClasses : baseClasses + " " + extra.Trim();

    private static string Clean(string text) =>
        text.StartsWith('-') && text.Trim('-', '0', '.').Length == 0 ? text[1..] : text;
}
