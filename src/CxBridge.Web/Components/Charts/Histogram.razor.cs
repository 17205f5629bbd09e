using Microsoft.AspNetCore.Components;

namespace CxBridge.Web.Components.Charts;

/// <summary>Vertical bars for (label, count) buckets, tallest at full height, each with its count above.</summary>
public partial class Histogram
{
    /// <summary>Buckets in display order.</summary>
    [Parameter, EditorRequired]
    public IReadOnlyList<HistogramBucket> Buckets { get; set; } = [];

    /// <summary>Chart title: the SVG &lt;title&gt; and the start of its aria-label.</summary>
    [Parameter, EditorRequired]
    public string Title { get; set; } = "";

    [Parameter]
    public int Width { get; set; } = 480;

    [Parameter]
    public int Height { get; set; } = 200;

    [Parameter]
    public string? Class { get; set; }

    /// <summary>Shown instead of the chart when there are no buckets or all counts are zero.</summary>
    [Parameter]
    public string EmptyText { get; set; } = "No data for this period";

    private HistogramGeometry Geometry { get; set; } = null!;

    private string AriaLabel => string.IsNullOrWhiteSpace(Title) ? Geometry.Summary : $"{Title}. {Geometry.Summary}";

    protected override void OnParametersSet() =>
        Geometry = HistogramGeometry.Create(Buckets ?? [], Width, Height, ChartPadding.HistogramDefault);
}
