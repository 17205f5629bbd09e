namespace CxBridge.Web.Components.Charts;

/// <summary>
/// One period of a trend. A null <paramref name="Value"/> is a gap: the line and the band break there.
/// <paramref name="Low"/>/<paramref name="High"/> are the interval bounds (e.g. 95% CI); the band is drawn
/// only where value, low and high all exist. <paramref name="LowSample"/> and <paramref name="Partial"/> (a period the
/// value covers only in part, "so far") draw an open marker.
/// </summary>
public sealed record ChartPoint(DateOnly Period, double? Value, double? Low, double? High, int N, bool LowSample = false, bool Partial = false);

/// <summary>Space between the SVG edge and the plot area, in SVG units.</summary>
public sealed record ChartPadding(double Left, double Top, double Right, double Bottom)
{
    /// <summary>Room for y tick labels on the left and period labels at the bottom.</summary>
    public static ChartPadding TrendDefault { get; } = new(52, 16, 36, 32);

    /// <summary>Room for count labels above the bars and bucket labels below.</summary>
    public static ChartPadding HistogramDefault { get; } = new(8, 20, 8, 28);
}

/// <summary>A horizontal reference value drawn across a trend, e.g. a target level; <paramref name="Tone"/> names its style.</summary>
public sealed record ChartReference(double Value, string Label, string Tone = "target");

/// <summary>A dated annotation (a release, a campaign, an incident) drawn as a vertical line at its date.</summary>
public sealed record ChartEvent(DateOnly Date, string Label, string Kind = "other");
