using CxBridge.Web.Components.Charts;

namespace CxBridge.Web.Tests.Charts;

public class HistogramGeometryTests
{
    private static readonly HistogramBucket[] Buckets =
    [
        new("0–6", 30),
        new("7–8", 45),
        new("9–10", 90),
    ];

    [Fact]
    public void Create_TallestBar_SpansFullPlotHeight()
    {
        var g = HistogramGeometry.Create(Buckets, 480, 200);

        var tallest = g.Bars.MaxBy(b => b.Count)!;
        tallest.Y.Should().Be(g.PlotTop);
        tallest.Height.Should().Be(g.PlotBottom - g.PlotTop);
    }

    [Fact]
    public void Create_Bars_AreProportionalOnAZeroBaseline()
    {
        var g = HistogramGeometry.Create(Buckets, 480, 200);

        var full = g.PlotBottom - g.PlotTop;
        g.Bars[0].Height.Should().BeApproximately(full / 3, 1e-9);
        g.Bars[1].Height.Should().BeApproximately(full / 2, 1e-9);
        g.Bars.Should().OnlyContain(b => Math.Abs(b.Y + b.Height - g.PlotBottom) < 1e-9);
    }

    [Fact]
    public void Create_Bars_AreOrderedEqualWidthAndInsidePlot()
    {
        var g = HistogramGeometry.Create(Buckets, 480, 200);

        g.Bars.Select(b => b.Label).Should().Equal("0–6", "7–8", "9–10");
        g.Bars.Select(b => b.X).Should().BeInAscendingOrder();
        g.Bars.Select(b => b.Width).Distinct().Should().ContainSingle();
        g.Bars[0].X.Should().BeGreaterThanOrEqualTo(g.PlotLeft);
        (g.Bars[^1].X + g.Bars[^1].Width).Should().BeLessThanOrEqualTo(g.PlotRight);
    }

    [Fact]
    public void Create_EachBar_HasItsCountLabelAboveIt()
    {
        var g = HistogramGeometry.Create(Buckets, 480, 200);

        g.Bars.Select(b => b.CountLabel).Should().Equal("30", "45", "90");
        g.Summary.Should().Be("165 in 3 buckets: 0–6 30, 7–8 45, 9–10 90.");
    }

    [Fact]
    public void Create_ZeroCountBucket_HasZeroHeight()
    {
        var g = HistogramGeometry.Create([new("a", 0), new("b", 5)], 480, 200);

        g.Bars[0].Height.Should().Be(0);
        g.Bars[1].Height.Should().Be(g.PlotBottom - g.PlotTop);
    }

    [Fact]
    public void Create_AllZeroOrNoBuckets_IsEmpty()
    {
        HistogramGeometry.Create([new("a", 0), new("b", 0)], 480, 200).IsEmpty.Should().BeTrue();
        HistogramGeometry.Create([], 480, 200).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Create_NegativeCount_Throws()
    {
        var act = () => HistogramGeometry.Create([new("a", -1)], 480, 200);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Create_FrenchCulture_WritesInvariantNumbers()
    {
        // The *Text properties format on read, so read them while the culture is set.
        var texts = ChartTestHelpers.WithCulture("fr-FR", () =>
        {
            var g = HistogramGeometry.Create(Buckets, 481, 203);
            return g.Bars
                .SelectMany(b => new[] { b.XText, b.YText, b.WidthText, b.HeightText, b.CenterXText, b.CountYText, b.LabelYText })
                .Concat([g.ViewBox, g.BaselineYText, g.PlotLeftText, g.PlotRightText])
                .ToArray();
        });

        texts.Should().OnlyContain(t => !t.Contains(',') && t.Contains('.'));
    }
}
