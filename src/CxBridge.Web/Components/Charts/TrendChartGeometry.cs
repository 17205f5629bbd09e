using System.Globalization;
using System.Text;

namespace CxBridge.Web.Components.Charts;

/// <summary>
/// SVG geometry of a trend chart: one line path per contiguous run of values, an interval band per
/// contiguous run where value, low and high exist, point markers, y ticks, thinned x labels and an
/// optional target line. Points are placed at evenly spaced x positions in period order, so a missing
/// period should be passed as a point with a null value to show as a gap.
/// </summary>
public sealed class TrendChartGeometry : PlotArea
{
    /// <summary>Above this many periods, x labels are thinned to every k-th period.</summary>
    public const int DefaultMaxXLabels = 12;

    private TrendChartGeometry(double width, double height, ChartPadding padding)
        : base(width, height, padding)
    {
    }

    /// <summary>True when no point has a value: draw a "no data" text instead of the chart.</summary>
    public bool IsEmpty { get; private init; } = true;

    /// <summary>Value → y. Null when <see cref="IsEmpty"/>.</summary>
    public LinearScale? YScale { get; private init; }

    /// <summary>One path <c>d</c> per contiguous run of non-null values (a lone point gives "M x y").</summary>
    public IReadOnlyList<string> LineSegments { get; private init; } = [];

    /// <summary>Closed polygons (high edge left→right, low edge right→left) for runs of ≥ 2 points with an interval.</summary>
    public IReadOnlyList<string> BandSegments { get; private init; } = [];

    /// <summary>Vertical low–high bars for points with an interval that are not part of a band run.</summary>
    public IReadOnlyList<TrendWhisker> Whiskers { get; private init; } = [];

    public IReadOnlyList<TrendMarker> Markers { get; private init; } = [];

    public IReadOnlyList<AxisTick> YTicks { get; private init; } = [];

    public IReadOnlyList<AxisLabel> XLabels { get; private init; } = [];

    public TrendTargetLine? Target { get; private init; }

    /// <summary>Horizontal reference lines (target levels), each with its label; included in the y range.</summary>
    public IReadOnlyList<TrendReferenceLine> References { get; private init; } = [];

    /// <summary>Dated events as vertical lines, numbered in date order for the legend under the chart.</summary>
    public IReadOnlyList<TrendEventMark> Events { get; private init; } = [];

    /// <summary>Plain-text description of the data for screen readers (aria-label / desc).</summary>
    public string Summary { get; private init; } = "No data.";

    /// <summary>Right edge (text-anchor end) of the y tick labels.</summary>
    public string YLabelXText => SvgNumber.Format(PlotLeft - 6);

    /// <summary>Baseline of the x labels.</summary>
    public string XLabelYText => SvgNumber.Format(PlotBottom + 18);

    /// <summary>Computes the geometry.</summary>
    /// <param name="points">Periods; ordered by period here.</param>
    /// <param name="width">SVG width.</param>
    /// <param name="height">SVG height.</param>
    /// <param name="padding">Space around the plot area; <see cref="ChartPadding.TrendDefault"/> when null.</param>
    /// <param name="periodLabel">Period text for x labels and titles; "yyyy-MM" when null.</param>
    /// <param name="valueFormat">Value text for marker titles and the summary; one decimal when null.</param>
    /// <param name="target">Optional horizontal target line; included in the y domain.</param>
    /// <param name="tickFormat">Y tick text from (value, step); step-based decimals when null.</param>
    /// <param name="maxXLabels">Most x labels to show before thinning.</param>
    /// <param name="references">Horizontal reference lines (e.g. target levels); included in the y domain.</param>
    /// <param name="events">Dated events drawn as numbered vertical lines.</param>
    public static TrendChartGeometry Create(
        IEnumerable<ChartPoint> points,
        double width,
        double height,
        ChartPadding? padding = null,
        Func<DateOnly, string>? periodLabel = null,
        Func<double, string>? valueFormat = null,
        double? target = null,
        Func<double, double, string>? tickFormat = null,
        int maxXLabels = DefaultMaxXLabels,
        IReadOnlyList<ChartReference>? references = null,
        IReadOnlyList<ChartEvent>? events = null)
    {
        references ??= [];
        events ??= [];
        ArgumentNullException.ThrowIfNull(points);
        padding ??= ChartPadding.TrendDefault;
        periodLabel ??= ChartFormats.Period;
        valueFormat ??= ChartFormats.Value;
        tickFormat ??= ChartFormats.Tick;
        if (!(width > padding.Left + padding.Right) || !(height > padding.Top + padding.Bottom))
        {
            throw new ArgumentOutOfRangeException(nameof(width), "The chart is smaller than its padding.");
        }

        if (maxXLabels < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxXLabels), maxXLabels, "Show at least one x label.");
        }

        var geometry = new TrendChartGeometry(width, height, padding);
        var ordered = points.OrderBy(p => p.Period).ToArray();
        foreach (var p in ordered)
        {
            RequireFiniteOrNull(p.Value, p.Period, nameof(ChartPoint.Value));
            RequireFiniteOrNull(p.Low, p.Period, nameof(ChartPoint.Low));
            RequireFiniteOrNull(p.High, p.Period, nameof(ChartPoint.High));
        }

        if (target is { } t && (double.IsNaN(t) || double.IsInfinity(t)))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "The target must be finite.");
        }

        if (!ordered.Any(p => p.Value.HasValue))
        {
            return geometry;
        }

        // Domain: every drawn value, every drawn interval bound, and the target.
        var domain = new List<double>();
        foreach (var p in ordered.Where(p => p.Value.HasValue))
        {
            domain.Add(p.Value!.Value);
            if (p.Low is { } low)
            {
                domain.Add(low);
            }

            if (p.High is { } high)
            {
                domain.Add(high);
            }
        }

        if (target is { } targetValue)
        {
            domain.Add(targetValue);
        }

        domain.AddRange(references.Where(r => double.IsFinite(r.Value)).Select(r => r.Value));

        var ticks = LinearScale.NiceTicks(domain.Min(), domain.Max());
        var y = new LinearScale(ticks.First, ticks.Last, geometry.PlotBottom, geometry.PlotTop);
        var xs = XPositions(ordered.Length, geometry.PlotLeft, geometry.PlotRight);

        return new TrendChartGeometry(width, height, padding)
        {
            IsEmpty = false,
            YScale = y,
            LineSegments = Lines(ordered, xs, y),
            BandSegments = Bands(ordered, xs, y, out var whiskers),
            Whiskers = whiskers,
            Markers = ordered
                .Select((p, i) => (p, i))
                .Where(e => e.p.Value.HasValue)
                .Select(e => new TrendMarker(
                    e.p.Period,
                    xs[e.i],
                    y.Map(e.p.Value!.Value),
                    e.p.LowSample || e.p.Partial,
                    MarkerTitle(e.p, periodLabel, valueFormat))
                {
                    Tooltip = ChartTooltip.Place(xs[e.i], y.Map(e.p.Value!.Value), TooltipLines(e.p, periodLabel, valueFormat),
                        geometry.PlotLeft, geometry.PlotRight, geometry.PlotTop),
                })
                .ToArray(),
            YTicks = ticks.Values
                .Select(v => new AxisTick(v, y.Map(v), tickFormat(v, ticks.Step)))
                .ToArray(),
            XLabels = XAxisLabels(ordered, xs, periodLabel, maxXLabels),
            Target = target is { } tv
                ? new TrendTargetLine(tv, y.Map(tv), geometry.PlotLeft, geometry.PlotRight, "Target: " + valueFormat(tv))
                : null,
            References = references.Where(r => double.IsFinite(r.Value))
                .Select(r => new TrendReferenceLine(r.Value, y.Map(r.Value), geometry.PlotLeft, geometry.PlotRight, r.Label + ": " + valueFormat(r.Value), r.Tone))
                .ToArray(),
            Events = EventMarks(ordered, xs, events, geometry),
            Summary = Describe(ordered, periodLabel, valueFormat, target),
        };
    }

    /// <summary>
    /// Where each event falls: between the starts of the periods around its date, in proportion to the days; after the
    /// last period start, by the length of the period before. Events outside the drawn periods are left out.
    /// </summary>
    private static TrendEventMark[] EventMarks(ChartPoint[] points, double[] xs, IReadOnlyList<ChartEvent> events, PlotArea plot)
    {
        if (points.Length == 0 || events.Count == 0)
        {
            return [];
        }
        var lastLength = points.Length > 1 ? points[^1].Period.DayNumber - points[^2].Period.DayNumber : 1;
        var lastStep = points.Length > 1 ? xs[^1] - xs[^2] : 0;
        var marks = new List<TrendEventMark>();
        foreach (var e in events.OrderBy(e => e.Date))
        {
            double? x = null;
            for (var i = 0; i < points.Length; i++)
            {
                var start = points[i].Period.DayNumber;
                var next = i + 1 < points.Length ? points[i + 1].Period.DayNumber : start + lastLength;
                var step = i + 1 < points.Length ? xs[i + 1] - xs[i] : lastStep;
                if (e.Date.DayNumber >= start && e.Date.DayNumber < next)
                {
                    x = xs[i] + (double)(e.Date.DayNumber - start) / (next - start) * step;
                    break;
                }
            }
            if (x is { } position && position >= plot.PlotLeft - 0.5 && position <= plot.PlotRight + 0.5)
            {
                marks.Add(new TrendEventMark(e.Date, Math.Clamp(position, plot.PlotLeft, plot.PlotRight), marks.Count + 1, e.Label, e.Kind));
            }
        }
        return [.. marks];
    }

    /// <summary>The hover box of a point: its period (and "so far"), its value and n, its interval.</summary>
    public static IReadOnlyList<string> TooltipLines(ChartPoint point, Func<DateOnly, string> periodLabel, Func<double, string> valueFormat)
    {
        var lines = new List<string>
        {
            periodLabel(point.Period) + (point.Partial ? " (so far)" : ""),
            (point.Value is { } v ? valueFormat(v) : "no value") + " · n = " + point.N.ToString("N0", CultureInfo.InvariantCulture)
                + (point.LowSample ? " · small sample" : ""),
        };
        if (point.Low is { } low && point.High is { } high)
        {
            lines.Add("95% CI " + valueFormat(low) + " – " + valueFormat(high));
        }
        return lines;
    }

    /// <summary>"2025-03: 41.2 (n = 120, 95% 35.0–47.3)"; ", low sample" is added for low-sample points.</summary>
    public static string MarkerTitle(ChartPoint point, Func<DateOnly, string> periodLabel, Func<double, string> valueFormat)
    {
        ArgumentNullException.ThrowIfNull(point);
        var text = new StringBuilder();
        text.Append(periodLabel(point.Period)).Append(": ");
        text.Append(point.Value is { } v ? valueFormat(v) : "no value");
        text.Append(" (n = ").Append(point.N.ToString(CultureInfo.InvariantCulture));
        if (point.Low is { } low && point.High is { } high)
        {
            text.Append(", 95% ").Append(valueFormat(low)).Append('–').Append(valueFormat(high));
        }

        if (point.LowSample)
        {
            text.Append(", low sample");
        }

        if (point.Partial)
        {
            text.Append(", so far");
        }

        return text.Append(')').ToString();
    }

    private static double[] XPositions(int count, double left, double right)
    {
        var xs = new double[count];
        for (var i = 0; i < count; i++)
        {
            xs[i] = count == 1 ? (left + right) / 2 : ((1 - ((double)i / (count - 1))) * left) + ((double)i / (count - 1) * right);
        }

        return xs;
    }

    private static string[] Lines(ChartPoint[] points, double[] xs, LinearScale y)
    {
        var segments = new List<string>();
        foreach (var run in Runs(points, p => p.Value.HasValue))
        {
            var d = new StringBuilder();
            foreach (var i in run)
            {
                d.Append(d.Length == 0 ? "M " : " L ");
                AppendPoint(d, xs[i], y.Map(points[i].Value!.Value));
            }

            segments.Add(d.ToString());
        }

        return [.. segments];
    }

    private static string[] Bands(ChartPoint[] points, double[] xs, LinearScale y, out TrendWhisker[] whiskers)
    {
        var bands = new List<string>();
        var bars = new List<TrendWhisker>();
        foreach (var run in Runs(points, p => p.Value.HasValue && p.Low.HasValue && p.High.HasValue))
        {
            if (run.Count == 1)
            {
                var p = points[run[0]];
                bars.Add(new TrendWhisker(p.Period, xs[run[0]], y.Map(Lower(p)), y.Map(Upper(p))));
                continue;
            }

            var d = new StringBuilder();
            foreach (var i in run)
            {
                d.Append(d.Length == 0 ? "M " : " L ");
                AppendPoint(d, xs[i], y.Map(Upper(points[i])));
            }

            for (var k = run.Count - 1; k >= 0; k--)
            {
                d.Append(" L ");
                AppendPoint(d, xs[run[k]], y.Map(Lower(points[run[k]])));
            }

            bands.Add(d.Append(" Z").ToString());
        }

        whiskers = [.. bars];
        return [.. bands];
    }

    // Bounds given the wrong way round still enclose the value's interval.
    private static double Lower(ChartPoint p) => Math.Min(p.Low!.Value, p.High!.Value);

    private static double Upper(ChartPoint p) => Math.Max(p.Low!.Value, p.High!.Value);

    private static AxisLabel[] XAxisLabels(ChartPoint[] points, double[] xs, Func<DateOnly, string> periodLabel, int maxLabels)
    {
        var every = (int)Math.Ceiling(points.Length / (double)maxLabels);
        var labels = new List<AxisLabel>();
        for (var i = 0; i < points.Length; i += every)
        {
            labels.Add(new AxisLabel(points[i].Period, xs[i], periodLabel(points[i].Period)));
        }

        return [.. labels];
    }

    private static string Describe(ChartPoint[] points, Func<DateOnly, string> periodLabel, Func<double, string> valueFormat, double? target)
    {
        var valued = points.Where(p => p.Value.HasValue).ToArray();
        var latest = valued[^1];
        var lowest = valued.MinBy(p => p.Value!.Value)!;
        var highest = valued.MaxBy(p => p.Value!.Value)!;
        var text = new StringBuilder();
        text.Append(points.Length.ToString(CultureInfo.InvariantCulture))
            .Append(points.Length == 1 ? " period" : " periods");
        if (points.Length > 1)
        {
            text.Append(", ").Append(periodLabel(points[0].Period)).Append(" to ").Append(periodLabel(points[^1].Period));
        }

        var gaps = points.Length - valued.Length;
        if (gaps > 0)
        {
            text.Append(", ").Append(gaps.ToString(CultureInfo.InvariantCulture)).Append(" without data");
        }

        text.Append(". Latest ").Append(valueFormat(latest.Value!.Value)).Append(" in ").Append(periodLabel(latest.Period)).Append('.');
        if (valued.Length > 1)
        {
            text.Append(" Lowest ").Append(valueFormat(lowest.Value!.Value)).Append(" in ").Append(periodLabel(lowest.Period))
                .Append(", highest ").Append(valueFormat(highest.Value!.Value)).Append(" in ").Append(periodLabel(highest.Period)).Append('.');
        }

        if (target is { } t)
        {
            text.Append(" Target ").Append(valueFormat(t)).Append('.');
        }

        return text.ToString();
    }

    private static List<List<int>> Runs(ChartPoint[] points, Func<ChartPoint, bool> include)
    {
        var runs = new List<List<int>>();
        List<int>? current = null;
        for (var i = 0; i < points.Length; i++)
        {
            if (include(points[i]))
            {
                current ??= [];
                current.Add(i);
            }
            else if (current is not null)
            {
                runs.Add(current);
                current = null;
            }
        }

        if (current is not null)
        {
            runs.Add(current);
        }

        return runs;
    }

    internal static void AppendPoint(StringBuilder d, double x, double y) =>
        d.Append(SvgNumber.Format(x)).Append(' ').Append(SvgNumber.Format(y));

    private static void RequireFiniteOrNull(double? value, DateOnly period, string name)
    {
        if (value is { } v && (double.IsNaN(v) || double.IsInfinity(v)))
        {
            throw new ArgumentException($"{name} for {period:yyyy-MM} is not finite ({v.ToString(CultureInfo.InvariantCulture)}).", nameof(value));
        }
    }
}

/// <summary>A point marker; <paramref name="Open"/> (low sample, or a partial period) is drawn hollow.</summary>
public sealed record TrendMarker(DateOnly Period, double X, double Y, bool Open, string Title)
{
    /// <summary>The box shown while the pointer is over the marker.</summary>
    public ChartTooltip? Tooltip { get; init; }

    public string XText => SvgNumber.Format(X);

    public string YText => SvgNumber.Format(Y);
}

/// <summary>A low–high bar for an isolated point (no neighbours to make a band with).</summary>
public sealed record TrendWhisker(DateOnly Period, double X, double YLow, double YHigh)
{
    public string XText => SvgNumber.Format(X);

    public string YLowText => SvgNumber.Format(YLow);

    public string YHighText => SvgNumber.Format(YHigh);
}

/// <summary>A y-axis tick: its value, its y position and its label.</summary>
public sealed record AxisTick(double Value, double Y, string Label)
{
    public string YText => SvgNumber.Format(Y);
}

/// <summary>An x-axis label at a period's x position.</summary>
public sealed record AxisLabel(DateOnly Period, double X, string Label)
{
    public string XText => SvgNumber.Format(X);
}

/// <summary>A horizontal target line across the plot area.</summary>
/// <summary>A reference line's geometry; <paramref name="Tone"/> names its style (e.g. "good", "better", "best").</summary>
public sealed record TrendReferenceLine(double Value, double Y, double X1, double X2, string Label, string Tone)
{
    public string YText => SvgNumber.Format(Y);

    public string X1Text => SvgNumber.Format(X1);

    public string X2Text => SvgNumber.Format(X2);

    public string LabelXText => SvgNumber.Format(X2 - 4);

    public string LabelYText => SvgNumber.Format(Y - 3);
}

/// <summary>An event's vertical line at <paramref name="X"/>, with its number in the legend.</summary>
public sealed record TrendEventMark(DateOnly Date, double X, int Number, string Label, string Kind)
{
    public string XText => SvgNumber.Format(X);

    public string NumberText => Number.ToString(CultureInfo.InvariantCulture);
}

public sealed record TrendTargetLine(double Value, double Y, double X1, double X2, string Label)
{
    public string YText => SvgNumber.Format(Y);

    public string X1Text => SvgNumber.Format(X1);

    public string X2Text => SvgNumber.Format(X2);
}
