using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CxBridge.Web.Components.Charts;
using static CxBridge.Web.Tests.Charts.ChartTestHelpers;

namespace CxBridge.Web.Tests.Charts;

public class ChartRenderingTests
{
    private static readonly string[] NumericAttributes =
        ["d", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height", "viewBox", "stroke-width", "fill-opacity"];

    private static IDocument Parse(string html) => new HtmlParser().ParseDocument(html);

    private static Dictionary<string, object?> TrendParameters(IReadOnlyList<ChartPoint> points, string title = "NPS") =>
        new() { [nameof(TrendChart.Points)] = points, [nameof(TrendChart.Title)] = title };

    [Fact]
    public async Task TrendChart_ScriptInLabels_IsEscaped()
    {
        var parameters = TrendParameters(Year(), "<script>alert('title')</script>");
        parameters[nameof(TrendChart.PeriodLabel)] = (Func<DateOnly, string>)(p => $"<script>alert({p.Month})</script>");
        parameters[nameof(TrendChart.Unit)] = "<b>%</b>";

        var html = await RenderAsync<TrendChart>(parameters);

        html.Should().NotContain("<script").And.NotContain("<b>");
        html.Should().Contain("&lt;script&gt;");
        var doc = Parse(html);
        doc.QuerySelectorAll("script").Should().BeEmpty();
        doc.QuerySelector("svg > title")!.TextContent.Should().Be("<script>alert('title')</script>");
        doc.QuerySelector("svg")!.GetAttribute("aria-label").Should().StartWith("<script>alert('title')</script>. ");
    }

    [Fact]
    public async Task TrendChart_Rendered_SvgIsAccessibleImage()
    {
        var html = await RenderAsync<TrendChart>(TrendParameters(Year()));

        var svg = Parse(html).QuerySelector("svg")!;
        svg.GetAttribute("role").Should().Be("img");
        svg.GetAttribute("aria-label").Should().StartWith("NPS. 12 periods, 2024-04 to 2025-03.");
        svg.GetAttribute("viewBox").Should().Be("0 0 720.00 260.00");
        svg.QuerySelector("title")!.TextContent.Should().Be("NPS");
        svg.QuerySelector("desc")!.TextContent.Should().Contain("Latest 51.0 in 2025-03.");
    }

    [Fact]
    public async Task TrendChart_Rendered_DrawsBandLineMarkersAndLabels()
    {
        var points = Year();
        points[2] = points[2] with { LowSample = true };
        points[7] = points[7] with { Value = null };
        var parameters = TrendParameters(points);
        parameters[nameof(TrendChart.Target)] = 45.0;

        var html = await RenderAsync<TrendChart>(parameters);

        var doc = Parse(html);
        doc.QuerySelectorAll("path.cx-line").Should().HaveCount(2);
        doc.QuerySelectorAll("path.cx-band").Should().HaveCount(2);
        doc.QuerySelectorAll("path.cx-band").Should().OnlyContain(p => p.GetAttribute("fill-opacity") == "0.15");
        doc.QuerySelectorAll("line.cx-target").Should().ContainSingle()
            .Which.QuerySelector("title")!.TextContent.Should().Be("Target: 45.0");
        var markers = doc.QuerySelectorAll("circle.cx-marker");
        markers.Should().HaveCount(11);
        // Colours come from the theme (app.css: .cx-marker on --mud-palette-primary), never from the markup.
        markers.Should().OnlyContain(m => m.GetAttribute("fill") == null && m.GetAttribute("stroke") == null);
        doc.QuerySelectorAll("circle.cx-marker-open").Should().ContainSingle()
            .Which.QuerySelector("title")!.TextContent.Should().Be("2024-06: 42.0 (n = 102, 95% 37.0–47.0, low sample)");
        markers[0].QuerySelector("title")!.TextContent.Should().Be("2024-04: 40.0 (n = 100, 95% 35.0–45.0)");

        // SVG <text> must reach the output (Razor treats a bare <text> in a code block as its own tag).
        doc.QuerySelectorAll(".cx-axis-x text").Select(t => t.TextContent).Should().HaveCount(12).And.Contain("2024-04");
        doc.QuerySelectorAll(".cx-axis-y text").Should().HaveCountGreaterThanOrEqualTo(4);
    }

    [Fact]
    public async Task TrendChart_FrenchCulture_WritesInvariantAttributes()
    {
        var points = Year();
        points[3] = points[3] with { Value = 41.237, Low = 33.31, High = 47.77 };
        var parameters = TrendParameters(points);
        parameters[nameof(TrendChart.Target)] = 44.5;
        parameters[nameof(TrendChart.Width)] = 701;

        var html = await WithCultureAsync("fr-FR", () => RenderAsync<TrendChart>(parameters));

        var doc = Parse(html);
        var values = doc.All
            .SelectMany(e => e.Attributes)
            .Where(a => NumericAttributes.Contains(a.Name, StringComparer.OrdinalIgnoreCase))
            .Select(a => a.Value)
            .ToArray();
        values.Should().HaveCountGreaterThan(50).And.OnlyContain(v => !v.Contains(','));
        doc.QuerySelectorAll("circle.cx-marker title")[3].TextContent.Should().Be("2024-07: 41.2 (n = 103, 95% 33.3–47.8)");
        doc.QuerySelectorAll(".cx-axis-y text").Should().OnlyContain(t => !t.TextContent.Contains(','));
    }

    [Fact]
    public async Task TrendChart_AllValuesNull_RendersNoDataTextInsteadOfSvg()
    {
        var points = new[] { Point(2025, 1, null), Point(2025, 2, null) };

        var html = await RenderAsync<TrendChart>(TrendParameters(points));

        var doc = Parse(html);
        doc.QuerySelector("svg").Should().BeNull();
        doc.QuerySelector("p.cx-chart-empty")!.TextContent.Should().Be("No data for this period");
    }

    [Fact]
    public async Task TrendChart_ValueFormatAndClass_AreApplied()
    {
        var parameters = TrendParameters([Point(2025, 1, 0.412, 0.35, 0.473, n: 120), Point(2025, 2, 0.5)]);
        parameters[nameof(TrendChart.ValueFormat)] = (Func<double, string>)(v => (v * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%");
        parameters[nameof(TrendChart.Class)] = "wide";

        var html = await RenderAsync<TrendChart>(parameters);

        var doc = Parse(html);
        doc.QuerySelector("svg")!.ClassList.Should().Contain(["cx-chart", "cx-trend", "wide"]);
        doc.QuerySelector("circle.cx-marker title")!.TextContent.Should().Be("2025-01: 41.2% (n = 120, 95% 35.0%–47.3%)");
    }

    [Fact]
    public async Task Sparkline_Rendered_IsAccessibleImageWithLastPointMarked()
    {
        var html = await RenderAsync<Sparkline>(new Dictionary<string, object?>
        {
            [nameof(Sparkline.Values)] = new double?[] { 40, null, 42.5, 41 },
            [nameof(Sparkline.Label)] = "CSAT <last 4>",
            [nameof(Sparkline.Unit)] = "%",
        });

        var svg = Parse(html).QuerySelector("svg")!;
        svg.GetAttribute("role").Should().Be("img");
        svg.GetAttribute("aria-label").Should().Be("CSAT <last 4>: 3 values from 40.0% to 42.5%, latest 41.0%.");
        svg.GetAttribute("width").Should().Be("120.00");
        svg.QuerySelectorAll("path.cx-line").Should().HaveCount(2);
        svg.QuerySelectorAll("circle.cx-marker-last").Should().ContainSingle();
        html.Should().Contain("CSAT &lt;last 4&gt;");
    }

    [Fact]
    public async Task Sparkline_AllNull_RendersNoDataText()
    {
        var html = await RenderAsync<Sparkline>(new Dictionary<string, object?>
        {
            [nameof(Sparkline.Values)] = new double?[] { null },
        });

        html.Should().NotContain("<svg").And.Contain("No data for this period");
    }

    [Fact]
    public async Task Histogram_Rendered_EscapesLabelsAndDrawsCounts()
    {
        var html = await RenderAsync<Histogram>(new Dictionary<string, object?>
        {
            [nameof(Histogram.Buckets)] = new HistogramBucket[] { new("<script>x</script>", 3), new("9–10", 12) },
            [nameof(Histogram.Title)] = "Score distribution",
        });

        html.Should().NotContain("<script").And.Contain("&lt;script&gt;");
        var doc = Parse(html);
        var svg = doc.QuerySelector("svg")!;
        svg.GetAttribute("role").Should().Be("img");
        svg.GetAttribute("aria-label").Should().Be("Score distribution. 15 in 2 buckets: <script>x</script> 3, 9–10 12.");
        doc.QuerySelectorAll("rect.cx-bar").Should().HaveCount(2);
        doc.QuerySelectorAll("text.cx-bar-count").Select(t => t.TextContent).Should().Equal("3", "12");
        doc.QuerySelectorAll("text.cx-bar-label").Select(t => t.TextContent).Should().Equal("<script>x</script>", "9–10");
    }

    [Fact]
    public async Task HistogramAndSparkline_FrenchCulture_WriteInvariantAttributes()
    {
        var (histogram, sparkline) = await WithCultureAsync("fr-FR", async () => (
            await RenderAsync<Histogram>(new Dictionary<string, object?>
            {
                [nameof(Histogram.Buckets)] = new HistogramBucket[] { new("a", 3), new("b", 7), new("c", 11) },
                [nameof(Histogram.Title)] = "Scores",
                [nameof(Histogram.Width)] = 487,
            }),
            await RenderAsync<Sparkline>(new Dictionary<string, object?>
            {
                [nameof(Sparkline.Values)] = new double?[] { 1.25, 2.5, null, 0.75 },
                [nameof(Sparkline.Width)] = 101,
            })));

        foreach (var html in new[] { histogram, sparkline })
        {
            Parse(html).All
                .SelectMany(e => e.Attributes)
                .Where(a => NumericAttributes.Contains(a.Name, StringComparer.OrdinalIgnoreCase))
                .Should().HaveCountGreaterThan(5)
                .And.OnlyContain(a => !a.Value.Contains(','));
        }

        Parse(sparkline).QuerySelector("svg")!.GetAttribute("aria-label").Should().Be("3 values from 0.8 to 2.5, latest 0.8.");
    }

    [Fact]
    public async Task Histogram_NoCounts_RendersNoDataText()
    {
        var html = await RenderAsync<Histogram>(new Dictionary<string, object?>
        {
            [nameof(Histogram.Buckets)] = Array.Empty<HistogramBucket>(),
            [nameof(Histogram.Title)] = "Score distribution",
        });

        html.Should().NotContain("<svg");
        Parse(html).QuerySelector("p.cx-chart-empty")!.TextContent.Should().Be("No data for this period");
    }
}
