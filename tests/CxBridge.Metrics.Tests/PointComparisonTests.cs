using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public sealed class PointComparisonTests
{
    private static readonly MetricSettings Settings = new();

    [Fact]
    public void Compare_NpsPoints_UsesTheMetricsMdTest()
    {
        // docs/metrics.md: 400/350/250 → 450/330/220 gives z 2.265, p 0.0235 (tolerance 0.0005).
        var before = SurveyMetric.Evaluate(Survey.Nps, default, new SurveyAggregate(1000, 400, 350, 250, 0, 0, 0, 0, 0), Settings);
        var after = SurveyMetric.Evaluate(Survey.Nps, default, new SurveyAggregate(1000, 450, 330, 220, 0, 0, 0, 0, 0), Settings);

        var test = PointComparison.Compare(MetricCatalog.Find("nps")!, before, after);

        test.P.Should().BeApproximately(0.0235, 0.0005, "input 400/350/250 vs 450/330/220");
        test.Significant.Should().BeTrue();
    }

    [Fact]
    public void Compare_Percentages_UsesTwoProportionTestOnCounts()
    {
        var a = ServiceMetric.Fcr(default, 280, 400, Settings);
        var b = ServiceMetric.Fcr(default, 140, 200, Settings);

        var same = PointComparison.Compare(MetricCatalog.Find("fcr")!, a, b);
        var different = PointComparison.Compare(MetricCatalog.Find("fcr")!, a, ServiceMetric.Fcr(default, 100, 200, Settings));

        same.P.Should().BeApproximately(1.0, 1e-9, "70% vs 70%");
        different.Significant.Should().BeTrue("70% of 400 vs 50% of 200");
        Proportion.Compare(280, 400, 100, 200).P.Should().Be(different.P);
    }

    [Fact]
    public void Compare_EmptyOrSuppressedOrMedian_HasNoTest()
    {
        var empty = ServiceMetric.Fcr(default, 0, 0, Settings);
        var full = ServiceMetric.Fcr(default, 1, 2, Settings);

        PointComparison.Compare(MetricCatalog.Find("fcr")!, empty, full).Should().Be(ChangeTest.None);
        var frt = ServiceMetric.Frt(default, DurationAggregate.Of([1.0, 2.0, 3.0]), Settings);
        PointComparison.Compare(MetricCatalog.Find("frt")!, frt, frt).Should().Be(ChangeTest.None);
    }
}
