using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class EnpsTests
{
    private static readonly DateOnly Period = new(2025, 1, 1);

    [Theory]
    [InlineData(25, 55, 20, 5)]
    [InlineData(50, 30, 20, 30)]
    public void Evaluate_MetricsMdExamples_Exact(int promoters, int passives, int detractors, double expected)
    {
        // docs/metrics.md eNPS (given as percentages; here out of 100 responses); exact.
        var point = SurveyMetric.Evaluate(Survey.Enps, Period, Responses.NpsCounts(promoters, passives, detractors), new MetricSettings());

        point.Value.Should().BeApproximately(expected, 1e-12, because: $"input P/Pa/D = {promoters}/{passives}/{detractors}");
        point.Suppressed.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_FourResponses_SuppressedWithNStillReported()
    {
        var point = SurveyMetric.Evaluate(Survey.Enps, Period, Responses.NpsCounts(2, 1, 1), new MetricSettings());

        point.Suppressed.Should().BeTrue();
        point.N.Should().Be(4);
        point.Value.Should().BeNull();
        point.Low.Should().BeNull();
        point.High.Should().BeNull();
        point.Detail.Values.Should().AllSatisfy(v => v.Should().BeNull());
        point.Detail.Keys.Should().Contain(["promoters", "passives", "detractors", "adjusted"]);
    }

    [Fact]
    public void Evaluate_FiveResponses_NotSuppressed()
    {
        var point = SurveyMetric.Evaluate(Survey.Enps, Period, Responses.NpsCounts(2, 2, 1), new MetricSettings());

        point.Suppressed.Should().BeFalse();
        point.Value.Should().BeApproximately(20, 1e-12, because: "input P/Pa/D = 2/2/1");
        point.Low.Should().NotBeNull();
        point.Detail["promoters"].Should().Be(2);
    }

    [Fact]
    public void Evaluate_CustomAnonymityThreshold_SuppressesBelowIt()
    {
        var settings = new MetricSettings { AnonymityThreshold = 10 };

        SurveyMetric.Evaluate(Survey.Enps, Period, Responses.NpsCounts(5, 2, 2), settings).Suppressed.Should().BeTrue();
        SurveyMetric.Evaluate(Survey.Enps, Period, Responses.NpsCounts(5, 3, 2), settings).Suppressed.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_NoResponses_NullValueNotSuppressed()
    {
        var point = SurveyMetric.Evaluate(Survey.Enps, Period, SurveyAggregate.Empty, new MetricSettings());

        point.Value.Should().BeNull();
        point.Suppressed.Should().BeFalse();
        point.N.Should().Be(0);
    }

    [Fact]
    public void Evaluate_NpsWithFourResponses_NeverSuppressed()
    {
        var point = SurveyMetric.Evaluate(Survey.Nps, Period, Responses.NpsCounts(2, 1, 1), new MetricSettings());

        point.Suppressed.Should().BeFalse();
        point.Value.Should().BeApproximately(25, 1e-12);
    }
}
