using System.Globalization;

namespace CxBridge.Web.Components.Charts;

/// <summary>
/// Writes numbers for SVG attributes and path data: always the invariant culture, two decimals,
/// never "-0.00". Everything the chart components put in an attribute goes through here.
/// </summary>
public static class SvgNumber
{
    /// <summary>Formats <paramref name="value"/> as <c>F2</c> in the invariant culture.</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "SVG coordinates must be finite.");
        }

        var text = value.ToString("F2", CultureInfo.InvariantCulture);
        return text == "-0.00" ? "0.00" : text;
    }

    /// <summary>Formats an integer (sizes, counts) in the invariant culture.</summary>
    public static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}
