using System.Globalization;
using CxBridge.Metrics;

namespace CxBridge.Web.Components.Shared;

/// <summary>How numbers are shown on pages: invariant culture, one decimal, the unit the metric has.</summary>
public static class Format
{
    public static string Number(double? value, int decimals = 1) =>
        value is null ? "—" : value.Value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string Value(MetricDefinition definition, double? value) => value switch
    {
        null => "—",
        { } v when definition.Unit == "%" => Number(v) + "%",
        { } v when definition.Unit == "currency" => v.ToString("N0", CultureInfo.InvariantCulture),
        { } v when definition.Unit == "hours" => Number(v) + " h",
        { } v when definition.Unit.StartsWith("mean", StringComparison.Ordinal) => Number(v, 2),
        { } v => Number(v),
    };

    public static string Signed(double value, int decimals = 1) =>
        (value > 0 ? "+" : "") + value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    public static string Period(DateOnly period, Grain grain) => grain switch
    {
        Grain.Week => "week of " + period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Grain.Month => period.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        Grain.Quarter => $"{period.Year}-Q{(period.Month - 1) / 3 + 1}",
        Grain.Year => period.Year.ToString(CultureInfo.InvariantCulture),
        _ => "from " + period.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    /// <summary>A p-value as people read it: "p = 0.023", or "p &lt; 0.001" rather than a row of zeros.</summary>
    public static string PValue(double? p) => p switch
    {
        null => "",
        < 0.001 => "p < 0.001",
        { } v => "p = " + v.ToString("F3", CultureInfo.InvariantCulture),
    };

    public static string Count(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
