using CxBridge.Web.Components.Charts;
using static CxBridge.Web.Tests.Charts.ChartTestHelpers;

namespace CxBridge.Web.Tests.Charts;

public class TrendChartGeometryTests
{
    private const double W = 720;
    private const double H = 260;

    [Fact]
    public void Create_NullValueInMiddle_SplitsLineIntoTwoSegments()
    {
        var points = Year();
        points[5] = points[5] with { Value = null };

        var g = TrendChartGeometry.Create(points, W, H);

        g.LineSegments.Should().HaveCount(2);
        ParsePath(g.LineSegments[0]).Should().HaveCount(5);
        ParsePath(g.LineSegments[1]).Should().HaveCount(6);
        g.Markers.Should().HaveCount(11);
    }

    [Fact]
    public void Create_NoGaps_DrawsOneSegmentThroughEveryMarker()
    {
        var g = TrendChartGeometry.Create(Year(), W, H);

        g.LineSegments.Should().ContainSingle();
        ParsePath(g.LineSegments[0]).Should().Equal(
            g.Markers.Select(m => (Math.Round(m.X, 2), Math.Round(m.Y, 2))));
    }

    [Fact]
    public void Create_NullValue_BreaksBandToo()
    {
        var points = Year();
        points[5] = points[5] with { Value = null };

        var g = TrendChartGeometry.Create(points, W, H);

        g.BandSegments.Should().HaveCount(2);
        g.BandSegments.Should().OnlyContain(d => d.StartsWith("M ") && d.EndsWith(" Z"));
    }

    [Fact]
    public void Create_BandRun_EnclosesLinePoints()
    {
        var points = Year();
        points[3] = points[3] with { Value = 60, Low = 50, High = 70 };

        var g = TrendChartGeometry.Create(points, W, H);

        var band = ParsePath(g.BandSegments.Should().ContainSingle().Subject);
        band.Should().HaveCount(2 * points.Count);
        var upper = band.Take(points.Count).ToArray();
        var lower = band.Skip(points.Count).Reverse().ToArray();
        foreach (var (marker, i) in g.Markers.Select((m, i) => (m, i)))
        {
            upper[i].X.Should().BeApproximately(marker.X, 0.006);
            lower[i].X.Should().BeApproximately(marker.X, 0.006);

            // SVG y grows downwards: the high edge is above (smaller y) the marker, the low edge below.
            upper[i].Y.Should().BeLessThan(marker.Y);
            lower[i].Y.Should().BeGreaterThan(marker.Y);
        }
    }

    [Fact]
    public void Create_MissingInterval_BandOnlyWhereLowAndHighExist()
    {
        var points = Year();
        points[6] = points[6] with { Low = null };

        var g = TrendChartGeometry.Create(points, W, H);

        g.LineSegments.Should().ContainSingle();
        g.BandSegments.Should().HaveCount(2);
        ParsePath(g.BandSegments[0]).Should().HaveCount(12);
        ParsePath(g.BandSegments[1]).Should().HaveCount(10);
    }

    [Fact]
    public void Create_IsolatedPointWithInterval_GetsWhiskerInsteadOfBand()
    {
        var points = new[]
        {
            Point(2025, 1, 40, 35, 45),
            Point(2025, 2, null),
            Point(2025, 3, 42, 38, 46),
        };

        var g = TrendChartGeometry.Create(points, W, H);

        g.BandSegments.Should().BeEmpty();
        g.Whiskers.Should().HaveCount(2);
        g.Whiskers[0].YHigh.Should().BeLessThan(g.Markers[0].Y);
        g.Whiskers[0].YLow.Should().BeGreaterThan(g.Markers[0].Y);
    }

    [Fact]
    public void Create_AllValuesNull_IsEmpty()
    {
        var points = new[] { Point(2025, 1, null, 1, 2), Point(2025, 2, null) };

        var g = TrendChartGeometry.Create(points, W, H);

        g.IsEmpty.Should().BeTrue();
        g.LineSegments.Should().BeEmpty();
        g.Markers.Should().BeEmpty();
        g.YTicks.Should().BeEmpty();
    }

    [Fact]
    public void Create_NoPoints_IsEmpty()
    {
        TrendChartGeometry.Create([], W, H).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Create_DomainIncludesIntervalAndTarget_TicksCoverThem()
    {
        var points = new[] { Point(2025, 1, 40, 30, 52), Point(2025, 2, 41, 33, 49) };

        var g = TrendChartGeometry.Create(points, W, H, target: 20);

        g.YTicks[0].Value.Should().BeLessThanOrEqualTo(20);
        g.YTicks[^1].Value.Should().BeGreaterThanOrEqualTo(52);
        g.YTicks[0].Y.Should().Be(g.PlotBottom);
        g.YTicks[^1].Y.Should().Be(g.PlotTop);
    }

    [Fact]
    public void Create_Target_IsHorizontalLineAtMappedValue()
    {
        var g = TrendChartGeometry.Create(Year(), W, H, target: 50);

        var target = g.Target.Should().NotBeNull().And.Subject.As<TrendTargetLine>();
        target.Y.Should().Be(g.YScale!.Map(50));
        target.X1.Should().Be(g.PlotLeft);
        target.X2.Should().Be(g.PlotRight);
        target.Label.Should().Be("Target: 50.0");
    }

    [Fact]
    public void Create_NoTarget_HasNoTargetLine()
    {
        TrendChartGeometry.Create(Year(), W, H).Target.Should().BeNull();
    }

    [Fact]
    public void Create_Markers_SpanPlotWidthAndHaveExpectedTitle()
    {
        var points = new[]
        {
            Point(2025, 2, 39.95, 33.2, 46.04, n: 98),
            Point(2025, 3, 41.2, 35.0, 47.3, n: 120),
        };

        var g = TrendChartGeometry.Create(points, W, H);

        g.Markers[0].X.Should().Be(g.PlotLeft);
        g.Markers[1].X.Should().Be(g.PlotRight);
        g.Markers[1].Title.Should().Be("2025-03: 41.2 (n = 120, 95% 35.0–47.3)");
    }

    [Fact]
    public void Create_LowSamplePoint_HasOpenMarkerAndSaysSo()
    {
        var points = new[] { Point(2025, 1, 40, n: 12, lowSample: true), Point(2025, 2, 41) };

        var g = TrendChartGeometry.Create(points, W, H);

        g.Markers[0].Open.Should().BeTrue();
        g.Markers[0].Title.Should().Be("2025-01: 40.0 (n = 12, low sample)");
        g.Markers[1].Open.Should().BeFalse();
    }

    [Fact]
    public void Create_SinglePoint_CentersMarker()
    {
        var g = TrendChartGeometry.Create([Point(2025, 3, 41.2)], W, H);

        g.IsEmpty.Should().BeFalse();
        g.Markers.Should().ContainSingle().Which.X.Should().Be((g.PlotLeft + g.PlotRight) / 2);
        g.LineSegments.Should().ContainSingle();
    }

    [Fact]
    public void Create_UnorderedPoints_AreDrawnInPeriodOrder()
    {
        var points = new[] { Point(2025, 3, 3), Point(2025, 1, 1), Point(2025, 2, 2) };

        var g = TrendChartGeometry.Create(points, W, H);

        g.Markers.Select(m => m.Period.Month).Should().Equal(1, 2, 3);
        g.Markers.Select(m => m.X).Should().BeInAscendingOrder();
        g.XLabels.Select(l => l.Label).Should().Equal("2025-01", "2025-02", "2025-03");
    }

    [Fact]
    public void Create_TwelvePeriods_LabelsEveryPeriod()
    {
        TrendChartGeometry.Create(Year(), W, H).XLabels.Should().HaveCount(12);
    }

    [Fact]
    public void Create_ManyPeriods_ThinsXLabels()
    {
        var start = new DateOnly(2023, 1, 1);
        var points = Enumerable.Range(0, 36).Select(i => new ChartPoint(start.AddMonths(i), i, null, null, 10)).ToArray();

        var g = TrendChartGeometry.Create(points, W, H);

        g.XLabels.Should().HaveCountLessThanOrEqualTo(TrendChartGeometry.DefaultMaxXLabels);
        g.XLabels.Should().HaveCountGreaterThan(6);
        g.XLabels[0].Period.Should().Be(start);
        g.XLabels.Select(l => l.X).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Create_PeriodLabelFunc_IsUsedForLabelsAndTitles()
    {
        var g = TrendChartGeometry.Create(
            [Point(2025, 1, 40), Point(2025, 2, 41)], W, H, periodLabel: p => $"Q{p.Month}");

        g.XLabels.Select(l => l.Label).Should().Equal("Q1", "Q2");
        g.Markers[0].Title.Should().StartWith("Q1: ");
    }

    [Fact]
    public void Create_FrenchCulture_WritesInvariantNumbers()
    {
        var points = Year();
        points[4] = points[4] with { Value = 41.234, Low = 33.3, High = 47.77 };
        points[8] = points[8] with { Value = null };

        // The *Text properties format on read, so read them while the culture is set.
        var (g, attributes) = ChartTestHelpers.WithCulture("fr-FR", () =>
        {
            var g = TrendChartGeometry.Create(points, 713.3, 251.7, target: 44.5);
            var attributes = g.LineSegments
                .Concat(g.BandSegments)
                .Concat(g.Markers.SelectMany(m => new[] { m.XText, m.YText }))
                .Concat(g.YTicks.Select(t => t.YText))
                .Concat(g.XLabels.Select(l => l.XText))
                .Concat(g.Whiskers.SelectMany(w => new[] { w.XText, w.YLowText, w.YHighText }))
                .Concat([g.Target!.YText, g.Target.X1Text, g.Target.X2Text, g.ViewBox, g.WidthText, g.HeightText])
                .Concat([g.PlotLeftText, g.PlotRightText, g.PlotTopText, g.PlotBottomText, g.YLabelXText, g.XLabelYText])
                .ToArray();
            return (g, attributes);
        });

        attributes.Should().HaveCountGreaterThan(50).And.OnlyContain(a => !a.Contains(','));
        attributes.Should().Contain(a => a.Contains('.'));
        g.ViewBox.Should().Be("0 0 713.30 251.70");
        g.Markers[4].Title.Should().Be("2024-08: 41.2 (n = 104, 95% 33.3–47.8)");
        g.YTicks.Should().OnlyContain(t => !t.Label.Contains(','));
        g.Summary.Should().NotContain(",2").And.NotContain(",0");
    }

    [Fact]
    public void Create_YTickLabels_UseStepDecimals()
    {
        var points = new[] { Point(2025, 1, 0.12), Point(2025, 2, 0.18) };

        var g = TrendChartGeometry.Create(points, W, H);

        g.YTicks.Select(t => t.Label).Should().OnlyContain(l => l.StartsWith("0."));
        g.YTicks.Select(t => t.Y).Should().BeInDescendingOrder();
    }

    [Fact]
    public void Create_Summary_DescribesPeriodsLatestAndRange()
    {
        var points = new[] { Point(2025, 1, 40), Point(2025, 2, null), Point(2025, 3, 35.5), Point(2025, 4, 38) };

        var g = TrendChartGeometry.Create(points, W, H, target: 45);

        g.Summary.Should().Be(
            "4 periods, 2025-01 to 2025-04, 1 without data. Latest 38.0 in 2025-04. " +
            "Lowest 35.5 in 2025-03, highest 40.0 in 2025-01. Target 45.0.");
    }

    [Fact]
    public void Create_NaNValue_Throws()
    {
        var act = () => TrendChartGeometry.Create([Point(2025, 1, double.NaN)], W, H);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Create_SizeSmallerThanPadding_Throws()
    {
        var act = () => TrendChartGeometry.Create(Year(), 40, 20);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
