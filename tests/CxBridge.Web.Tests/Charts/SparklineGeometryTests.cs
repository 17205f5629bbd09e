using CxBridge.Web.Components.Charts;

namespace CxBridge.Web.Tests.Charts;

public class SparklineGeometryTests
{
    [Fact]
    public void Create_SinglePoint_MarksItInTheMiddle()
    {
        var g = SparklineGeometry.Create([41.2]);

        g.IsEmpty.Should().BeFalse();
        g.LineSegments.Should().ContainSingle().Which.Should().Be("M 60.00 16.00");
        var last = g.LastPoint.Should().NotBeNull().And.Subject.As<SparklinePoint>();
        last.X.Should().Be(60);
        last.Y.Should().Be(16);
        last.Value.Should().Be(41.2);
        g.Summary.Should().Be("41.2.");
    }

    [Fact]
    public void Create_NullGap_SplitsIntoTwoSegments()
    {
        var g = SparklineGeometry.Create([1, 2, null, 4, 5]);

        g.LineSegments.Should().HaveCount(2);
        ChartTestHelpers.ParsePath(g.LineSegments[0]).Should().HaveCount(2);
        ChartTestHelpers.ParsePath(g.LineSegments[1]).Should().HaveCount(2);
    }

    [Fact]
    public void Create_MinAndMax_TouchThePaddedEdges()
    {
        var g = SparklineGeometry.Create([10, 30, 20], 120, 32, 3);

        var points = ChartTestHelpers.ParsePath(g.LineSegments.Single());
        points.Should().Equal((3, 29), (60, 3), (117, 16));
    }

    [Fact]
    public void Create_TrailingNull_MarksLastNonNullValue()
    {
        var g = SparklineGeometry.Create([1, 3, 2, null]);

        g.LastPoint!.Value.Should().Be(2);
        g.LastPoint.X.Should().BeLessThan(g.Width - SparklineGeometry.DefaultPadding);
        g.Summary.Should().Be("3 values from 1.0 to 3.0, latest 2.0.");
    }

    [Fact]
    public void Create_AllNull_IsEmpty()
    {
        var g = SparklineGeometry.Create([null, null]);

        g.IsEmpty.Should().BeTrue();
        g.LastPoint.Should().BeNull();
        g.LineSegments.Should().BeEmpty();
    }

    [Fact]
    public void Create_FrenchCulture_WritesInvariantNumbers()
    {
        // The *Text properties format on read, so read them while the culture is set.
        var (segments, viewBox, lastX, summary) = ChartTestHelpers.WithCulture("fr-FR", () =>
        {
            var g = SparklineGeometry.Create([1.25, 2.5, 0.75], 100.5, 30.25);
            return (g.LineSegments, g.ViewBox, g.LastPoint!.XText, g.Summary);
        });

        segments.Should().OnlyContain(d => !d.Contains(','));
        viewBox.Should().Be("0 0 100.50 30.25");
        lastX.Should().Be("97.50");
        summary.Should().Be("3 values from 0.8 to 2.5, latest 0.8.");
    }
}
