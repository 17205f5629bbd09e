using System.Globalization;
using System.Text;

namespace CxBridge.Web.Components.Charts;

/// <summary>
/// One histogram bucket: its label (e.g. "9–10"), how many fall in it, and optionally <paramref name="Tone"/>, the colour
/// group it belongs to ("detractor", "passive", "promoter"), drawn with the theme's colour for that group.
/// </summary>
public sealed record HistogramBucket(string Label, int Count, string? Tone = null);

/// <summary>
/// Vertical bars for buckets, in the given order, on a zero baseline; the tallest bar spans the full
/// plot height. Each bar carries its count label (above the bar) and bucket label (below the axis).
/// </summary>
public sealed class HistogramGeometry : PlotArea
{
    /// <summary>Bar width as a share of its slot.</summary>
    public const double BarShare = 0.8;

    private HistogramGeometry(double width, double height, ChartPadding padding)
        : base(width, height, padding)
    {
    }

    /// <summary>True when there are no buckets or every count is zero.</summary>
    public bool IsEmpty { get; private init; } = true;

    public IReadOnlyList<HistogramBar> Bars { get; private init; } = [];

    public string Summary { get; private init; } = "No data.";

    public string BaselineYText => SvgNumber.Format(PlotBottom);

    /// <summary>Computes the bars.</summary>
    /// <param name="buckets">Buckets in display order; counts must not be negative.</param>
    /// <param name="width">SVG width.</param>
    /// <param name="height">SVG height.</param>
    /// <param name="padding">Space around the plot; <see cref="ChartPadding.HistogramDefault"/> when null.</param>
    public static HistogramGeometry Create(IEnumerable<HistogramBucket> buckets, double width, double height, ChartPadding? padding = null)
    {
        ArgumentNullException.ThrowIfNull(buckets);
        padding ??= ChartPadding.HistogramDefault;
        if (!(width > padding.Left + padding.Right) || !(height > padding.Top + padding.Bottom))
        {
            throw new ArgumentOutOfRangeException(nameof(width), "The chart is smaller than its padding.");
        }

        var items = buckets.ToArray();
        if (items.Any(b => b is null || b.Count < 0))
        {
            throw new ArgumentException("Buckets must be non-null with non-negative counts.", nameof(buckets));
        }

        var geometry = new HistogramGeometry(width, height, padding);
        var max = items.Length == 0 ? 0 : items.Max(b => b.Count);
        if (max == 0)
        {
            return geometry;
        }

        var y = new LinearScale(0, max, geometry.PlotBottom, geometry.PlotTop);
        var slot = (geometry.PlotRight - geometry.PlotLeft) / items.Length;
        var barWidth = slot * BarShare;
        var bars = new HistogramBar[items.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var center = geometry.PlotLeft + (slot * (i + 0.5));
            var top = y.Map(items[i].Count);
            bars[i] = new HistogramBar(
                items[i].Label,
                items[i].Count,
                center - (barWidth / 2),
                top,
                barWidth,
                geometry.PlotBottom - top,
                center,
                geometry.PlotBottom);
        }

        var total = items.Sum(b => (long)b.Count);
        var summary = new StringBuilder();
        summary.Append(total.ToString(CultureInfo.InvariantCulture)).Append(" in ")
            .Append(items.Length.ToString(CultureInfo.InvariantCulture)).Append(items.Length == 1 ? " bucket: " : " buckets: ")
            .AppendJoin(", ", items.Select(b => $"{b.Label} {b.Count.ToString(CultureInfo.InvariantCulture)}"))
            .Append('.');

        return new HistogramGeometry(width, height, padding)
        {
            IsEmpty = false,
            Bars = bars,
            Summary = summary.ToString(),
        };
    }
}

/// <summary>A bar (x, y = top-left; height down to the baseline) with its labels' anchor.</summary>
public sealed record HistogramBar(string Label, int Count, double X, double Y, double Width, double Height, double CenterX, double Baseline)
{
    public string CountLabel => Count.ToString(CultureInfo.InvariantCulture);

    public string XText => SvgNumber.Format(X);

    public string YText => SvgNumber.Format(Y);

    public string WidthText => SvgNumber.Format(Width);

    public string HeightText => SvgNumber.Format(Height);

    public string CenterXText => SvgNumber.Format(CenterX);

    /// <summary>Count label baseline, just above the bar.</summary>
    public string CountYText => SvgNumber.Format(Y - 5);

    /// <summary>Bucket label baseline, below the axis.</summary>
    public string LabelYText => SvgNumber.Format(Baseline + 16);
}
