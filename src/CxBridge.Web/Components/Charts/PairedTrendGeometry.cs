using System.Globalization;
using System.Text;

namespace CxBridge.Web.Components.Charts;

/// <summary>
/// Two monthly series on one time axis, each on its own scale: the driver on the left axis, the outcome on the right.
/// The driver is drawn <c>lag</c> months later than it happened, so a driver that leads by the lag lines up with the
/// outcome it goes with. Months are evenly spaced from the first to the last month either series has.
/// </summary>
public sealed class PairedTrendGeometry : PlotArea
{
    private PairedTrendGeometry(double width, double height, ChartPadding padding) : base(width, height, padding)
    {
    }

    public static ChartPadding DefaultPadding { get; } = new(52, 16, 52, 32);

    public bool IsEmpty { get; private init; } = true;

    public IReadOnlyList<string> DriverSegments { get; private init; } = [];

    public IReadOnlyList<string> OutcomeSegments { get; private init; } = [];

    public IReadOnlyList<AxisTick> LeftTicks { get; private init; } = [];

    public IReadOnlyList<AxisTick> RightTicks { get; private init; } = [];

    public IReadOnlyList<AxisLabel> XLabels { get; private init; } = [];

    public string LeftLabelXText => SvgNumber.Format(PlotLeft - 6);

    public string RightLabelXText => SvgNumber.Format(PlotRight + 6);

    public string XLabelYText => SvgNumber.Format(PlotBottom + 18);

    /// <param name="driver">Driver values by month start.</param>
    /// <param name="outcome">Outcome values by month start.</param>
    /// <param name="lag">Months the driver is shifted right (0..3).</param>
    /// <param name="width">SVG width.</param>
    /// <param name="height">SVG height.</param>
    /// <param name="monthLabel">Text of an x label.</param>
    /// <param name="leftTick">Text of a driver tick from (value, step).</param>
    /// <param name="rightTick">Text of an outcome tick from (value, step).</param>
    /// <param name="padding">Space around the plot; when null, <see cref="DefaultPadding"/> widened to fit the tick labels.</param>
    /// <param name="maxXLabels">Most x labels before thinning.</param>
    public static PairedTrendGeometry Create(IReadOnlyDictionary<DateOnly, double> driver, IReadOnlyDictionary<DateOnly, double> outcome, int lag,
        double width, double height, Func<DateOnly, string> monthLabel, Func<double, double, string> leftTick, Func<double, double, string> rightTick,
        ChartPadding? padding = null, int maxXLabels = 12)
    {
        var shifted = driver.Where(kv => double.IsFinite(kv.Value)).ToDictionary(kv => kv.Key.AddMonths(lag), kv => kv.Value);
        var outcomes = outcome.Where(kv => double.IsFinite(kv.Value)).ToDictionary();
        if (shifted.Count == 0 || outcomes.Count == 0)
        {
            return new PairedTrendGeometry(width, height, padding ?? DefaultPadding);
        }
        var leftTicks = LinearScale.NiceTicks(shifted.Values.Min(), shifted.Values.Max());
        var rightTicks = LinearScale.NiceTicks(outcomes.Values.Min(), outcomes.Values.Max());
        var leftLabels = leftTicks.Values.Select(v => leftTick(v, leftTicks.Step)).ToList();
        var rightLabels = rightTicks.Values.Select(v => rightTick(v, rightTicks.Step)).ToList();
        // Room for the longest tick label on each side (about 6.6 units a character at font size 11).
        padding ??= DefaultPadding with
        {
            Left = Math.Max(DefaultPadding.Left, leftLabels.Max(l => l.Length) * 6.6 + 12),
            Right = Math.Max(DefaultPadding.Right, rightLabels.Max(l => l.Length) * 6.6 + 12),
        };
        var geometry = new PairedTrendGeometry(width, height, padding);
        var first = new[] { shifted.Keys.Min(), outcomes.Keys.Min() }.Min();
        var last = new[] { shifted.Keys.Max(), outcomes.Keys.Max() }.Max();
        var months = new List<DateOnly>();
        for (var m = first; m <= last; m = m.AddMonths(1))
        {
            months.Add(m);
        }
        double X(int i) => months.Count == 1 ? (geometry.PlotLeft + geometry.PlotRight) / 2
            : geometry.PlotLeft + i * (geometry.PlotRight - geometry.PlotLeft) / (months.Count - 1);
        var left = new LinearScale(leftTicks.First, leftTicks.Last, geometry.PlotBottom, geometry.PlotTop);
        var right = new LinearScale(rightTicks.First, rightTicks.Last, geometry.PlotBottom, geometry.PlotTop);
        var every = (int)Math.Ceiling(months.Count / (double)maxXLabels);
        return new PairedTrendGeometry(width, height, padding)
        {
            IsEmpty = false,
            DriverSegments = Segments(months, shifted, left, X),
            OutcomeSegments = Segments(months, outcomes, right, X),
            LeftTicks = leftTicks.Values.Select((v, i) => new AxisTick(v, left.Map(v), leftLabels[i])).ToArray(),
            RightTicks = rightTicks.Values.Select((v, i) => new AxisTick(v, right.Map(v), rightLabels[i])).ToArray(),
            XLabels = months.Select((m, i) => (m, i)).Where(e => e.i % every == 0).Select(e => new AxisLabel(e.m, X(e.i), monthLabel(e.m))).ToArray(),
        };
    }

    private static string[] Segments(List<DateOnly> months, Dictionary<DateOnly, double> values, LinearScale y, Func<int, double> x)
    {
        var segments = new List<string>();
        var d = new StringBuilder();
        for (var i = 0; i < months.Count; i++)
        {
            if (values.TryGetValue(months[i], out var v))
            {
                d.Append(d.Length == 0 ? "M " : " L ");
                TrendChartGeometry.AppendPoint(d, x(i), y.Map(v));
            }
            else if (d.Length > 0)
            {
                segments.Add(d.ToString());
                d.Clear();
            }
        }
        if (d.Length > 0)
        {
            segments.Add(d.ToString());
        }
        return [.. segments];
    }
}

/// <summary>
/// The scatter of monthly changes of a linkage pair: each dot one pair (Δdriver, Δoutcome the lag later), with the
/// ordinary least-squares line drawn across the range of Δdriver, and zero lines on both axes.
/// </summary>
public sealed class ChangeScatterGeometry : PlotArea
{
    private ChangeScatterGeometry(double width, double height, ChartPadding padding) : base(width, height, padding)
    {
    }

    public static ChartPadding DefaultPadding { get; } = new(52, 12, 12, 36);

    public bool IsEmpty { get; private init; } = true;

    public IReadOnlyList<ScatterDot> Dots { get; private init; } = [];

    /// <summary>The fitted line as a path, or null without a slope.</summary>
    public string? FitLine { get; private init; }

    public string? ZeroX { get; private init; }

    public string? ZeroY { get; private init; }

    public IReadOnlyList<AxisTick> YTicks { get; private init; } = [];

    public IReadOnlyList<AxisLabel> XTicks { get; private init; } = [];

    public IReadOnlyList<(double X, string Label)> XTickMarks { get; private init; } = [];

    public string YLabelXText => SvgNumber.Format(PlotLeft - 6);

    public string XLabelYText => SvgNumber.Format(PlotBottom + 16);

    public static ChangeScatterGeometry Create(IReadOnlyList<(double X, double Y, string Title)> pairs, double? slope, double? intercept,
        double width, double height, Func<double, double, string> xTick, Func<double, double, string> yTick, ChartPadding? padding = null)
    {
        padding ??= DefaultPadding;
        var geometry = new ChangeScatterGeometry(width, height, padding);
        var points = pairs.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Y)).ToList();
        if (points.Count == 0)
        {
            return geometry;
        }
        var xTicks = LinearScale.NiceTicks(Math.Min(0, points.Min(p => p.X)), Math.Max(0, points.Max(p => p.X)));
        var yTicks = LinearScale.NiceTicks(Math.Min(0, points.Min(p => p.Y)), Math.Max(0, points.Max(p => p.Y)));
        var x = new LinearScale(xTicks.First, xTicks.Last, geometry.PlotLeft, geometry.PlotRight);
        var y = new LinearScale(yTicks.First, yTicks.Last, geometry.PlotBottom, geometry.PlotTop);
        string? fit = null;
        if (slope is { } b && intercept is { } a && double.IsFinite(b) && double.IsFinite(a))
        {
            var x0 = points.Min(p => p.X);
            var x1 = points.Max(p => p.X);
            var d = new StringBuilder("M ");
            TrendChartGeometry.AppendPoint(d, x.Map(x0), y.Map(Clamp(a + b * x0, yTicks)));
            d.Append(" L ");
            TrendChartGeometry.AppendPoint(d, x.Map(x1), y.Map(Clamp(a + b * x1, yTicks)));
            fit = d.ToString();
        }
        return new ChangeScatterGeometry(width, height, padding)
        {
            IsEmpty = false,
            Dots = points.Select(p => new ScatterDot(x.Map(p.X), y.Map(p.Y), p.Title)).ToArray(),
            FitLine = fit,
            ZeroX = SvgNumber.Format(x.Map(0)),
            ZeroY = SvgNumber.Format(y.Map(0)),
            YTicks = yTicks.Values.Select(v => new AxisTick(v, y.Map(v), yTick(v, yTicks.Step))).ToArray(),
            XTickMarks = xTicks.Values.Select(v => (x.Map(v), xTick(v, xTicks.Step))).ToArray(),
        };
    }

    private static double Clamp(double value, NiceTicks ticks) => Math.Clamp(value, ticks.First, ticks.Last);
}

/// <summary>One dot of a scatter, with its tooltip.</summary>
public sealed record ScatterDot(double X, double Y, string Title)
{
    public string XText => SvgNumber.Format(X);

    public string YText => SvgNumber.Format(Y);
}
