using System.Globalization;
using System.Text;

namespace CxBridge.Web.Components.Charts;

/// <summary>
/// A tiny line over values (evenly spaced, null = gap) with the last non-null value marked.
/// No axes: the y domain is the values' own min–max; a flat or single value sits mid-height.
/// </summary>
public sealed class SparklineGeometry
{
    public const double DefaultWidth = 120;

    public const double DefaultHeight = 32;

    /// <summary>Keeps the end marker inside the box.</summary>
    public const double DefaultPadding = 3;

    private SparklineGeometry(double width, double height)
    {
        Width = width;
        Height = height;
    }

    public double Width { get; }

    public double Height { get; }

    public bool IsEmpty { get; private init; } = true;

    /// <summary>One path <c>d</c> per contiguous run of non-null values.</summary>
    public IReadOnlyList<string> LineSegments { get; private init; } = [];

    /// <summary>The last non-null value's position; null when empty.</summary>
    public SparklinePoint? LastPoint { get; private init; }

    public string Summary { get; private init; } = "No data.";

    public string WidthText => SvgNumber.Format(Width);

    public string HeightText => SvgNumber.Format(Height);

    public string ViewBox => $"0 0 {SvgNumber.Format(Width)} {SvgNumber.Format(Height)}";

    /// <summary>Computes the sparkline.</summary>
    /// <param name="values">Values in order; null is a gap.</param>
    /// <param name="width">SVG width.</param>
    /// <param name="height">SVG height.</param>
    /// <param name="padding">Inset on every side.</param>
    /// <param name="valueFormat">Value text for the summary; one decimal when null.</param>
    public static SparklineGeometry Create(
        IEnumerable<double?> values,
        double width = DefaultWidth,
        double height = DefaultHeight,
        double padding = DefaultPadding,
        Func<double, string>? valueFormat = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        valueFormat ??= ChartFormats.Value;
        if (!(padding >= 0) || !(width > 2 * padding) || !(height > 2 * padding))
        {
            throw new ArgumentOutOfRangeException(nameof(width), "The sparkline is smaller than its padding.");
        }

        var items = values.ToArray();
        if (items.Any(v => v is { } d && (double.IsNaN(d) || double.IsInfinity(d))))
        {
            throw new ArgumentException("Sparkline values must be finite or null.", nameof(values));
        }

        var present = items.Where(v => v.HasValue).Select(v => v!.Value).ToArray();
        if (present.Length == 0)
        {
            return new SparklineGeometry(width, height);
        }

        var x = new LinearScale(0, Math.Max(items.Length - 1, 0), padding, width - padding);
        var y = new LinearScale(present.Min(), present.Max(), height - padding, padding);
        var segments = new List<string>();
        StringBuilder? d = null;
        var lastIndex = -1;
        for (var i = 0; i < items.Length; i++)
        {
            if (items[i] is { } v)
            {
                d = d is null ? new StringBuilder("M ") : d.Append(" L ");
                TrendChartGeometry.AppendPoint(d, x.Map(i), y.Map(v));
                lastIndex = i;
            }
            else if (d is not null)
            {
                segments.Add(d.ToString());
                d = null;
            }
        }

        if (d is not null)
        {
            segments.Add(d.ToString());
        }

        var last = items[lastIndex]!.Value;
        var summary = present.Length == 1
            ? $"{valueFormat(last)}."
            : $"{present.Length.ToString(CultureInfo.InvariantCulture)} values from {valueFormat(present.Min())} to {valueFormat(present.Max())}, latest {valueFormat(last)}.";

        return new SparklineGeometry(width, height)
        {
            IsEmpty = false,
            LineSegments = [.. segments],
            LastPoint = new SparklinePoint(x.Map(lastIndex), y.Map(last), last),
            Summary = summary,
        };
    }
}

/// <summary>A marked sparkline point.</summary>
public sealed record SparklinePoint(double X, double Y, double Value)
{
    public string XText => SvgNumber.Format(X);

    public string YText => SvgNumber.Format(Y);
}
