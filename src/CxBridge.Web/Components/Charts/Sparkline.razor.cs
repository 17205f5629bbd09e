using Microsoft.AspNetCore.Components;

namespace CxBridge.Web.Components.Charts;

/// <summary>A tiny inline trend line (default 120×32) with the last value marked; nulls are gaps.</summary>
public partial class Sparkline
{
    /// <summary>Values in order; null is a gap.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<double?> Values { get; set; } = [];

    /// <summary>What the values are (e.g. "NPS, last 12 months"): the start of the aria-label.</summary>
    [Parameter]
    public string? Label { get; set; }

    /// <summary>Value text for the summary; one decimal plus <see cref="Unit"/> by default.</summary>
    [Parameter]
    public Func<double, string>? ValueFormat { get; set; }

    [Parameter]
    public string? Unit { get; set; }

    [Parameter]
    public int Width { get; set; } = 120;

    [Parameter]
    public int Height { get; set; } = 32;

    [Parameter]
    public string? Class { get; set; }

    /// <summary>Shown instead of the sparkline when there is no value.</summary>
    [Parameter]
    public string EmptyText { get; set; } = "No data for this period";

    private SparklineGeometry Geometry { get; set; } = null!;

    private string AriaLabel => string.IsNullOrWhiteSpace(Label) ? Geometry.Summary : $"{Label}: {Geometry.Summary}";

    protected override void OnParametersSet() =>
        Geometry = SparklineGeometry.Create(
            Values ?? [],
            Width,
            Height,
            SparklineGeometry.DefaultPadding,
            ValueFormat ?? ChartFormats.ValueWithUnit(Unit));
}
