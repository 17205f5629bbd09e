using Microsoft.AspNetCore.Components;

namespace CxBridge.Web.Components.Charts;

/// <summary>
/// Server-rendered SVG trend: interval band, line (broken at null values), markers with a tooltip
/// title each (open markers for low samples), y ticks, period labels and an optional target line.
/// Renders <see cref="EmptyText"/> instead when no point has a value.
/// </summary>
public partial class TrendChart
{
    /// <summary>Periods to draw, in any order; a null value is a gap.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<ChartPoint> Points { get; set; } = [];

    /// <summary>Chart title: the SVG &lt;title&gt; and the start of its aria-label.</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    /// <summary>Value text for tooltips and the summary. Wins over <see cref="Unit"/>; one decimal by default.</summary>
    [Parameter]
    public Func<double, string>? ValueFormat { get; set; }

    /// <summary>Suffix appended verbatim to default-formatted values and to y tick labels (e.g. "%" or " pts").</summary>
    [Parameter]
    public string? Unit { get; set; }

    /// <summary>Optional horizontal target line (included in the y range).</summary>
    [Parameter]
    public double? Target { get; set; }

    /// <summary>Reference lines, e.g. the good / better / best levels of a target (included in the y range).</summary>
    [Parameter]
    public IReadOnlyList<ChartReference> References { get; set; } = [];

    /// <summary>Dated events drawn as numbered vertical lines; the chart lists them under itself.</summary>
    [Parameter]
    public IReadOnlyList<ChartEvent> Events { get; set; } = [];

    [Parameter]
    public int Width { get; set; } = 720;

    [Parameter]
    public int Height { get; set; } = 260;

    /// <summary>Period text for x labels and tooltips; "yyyy-MM" by default.</summary>
    [Parameter]
    public Func<DateOnly, string>? PeriodLabel { get; set; }

    /// <summary>Extra CSS classes for the svg (or the empty-state paragraph).</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>Shown instead of the chart when there is no value.</summary>
    [Parameter]
    public string EmptyText { get; set; } = "No data for this period";

    private TrendChartGeometry Geometry { get; set; } = null!;

    private string AriaLabel => string.IsNullOrWhiteSpace(Title) ? Geometry.Summary : $"{Title}. {Geometry.Summary}";

    protected override void OnParametersSet()
    {
        var valueFormat = ValueFormat ?? ChartFormats.ValueWithUnit(Unit);
        var unit = Unit;
        Func<double, double, string> tickFormat = string.IsNullOrEmpty(unit)
            ? ChartFormats.Tick
            : (value, step) => ChartFormats.Tick(value, step) + unit;
        Geometry = TrendChartGeometry.Create(
            Points ?? [],
            Width,
            Height,
            ChartPadding.TrendDefault,
            PeriodLabel ?? ChartFormats.Period,
            valueFormat,
            Target,
            tickFormat,
            references: References,
            events: Events);
    }
}
