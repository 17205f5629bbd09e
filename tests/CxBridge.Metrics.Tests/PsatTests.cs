using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class PsatTests
{
    private static readonly DateOnly Period = new(2025, 1, 1);

    [Fact]
    public void Evaluate_SameAggregateAsCsat_SamePoint()
    {
        // docs/metrics.md: PSAT is CSAT arithmetic; CSAT example scores 5,4,3,2,1 counted 10,20,10,5,5 → 60.0, mean 3.5 (exact).
        double[] scores = [.. Responses.Repeat(5, 10), .. Responses.Repeat(4, 20), .. Responses.Repeat(3, 10), .. Responses.Repeat(2, 5), .. Responses.Repeat(1, 5)];
        var aggregate = Responses.Aggregate(Survey.Psat, scores);

        var psat = SurveyMetric.Evaluate(Survey.Psat, Period, aggregate, new MetricSettings());
        var csat = SurveyMetric.Evaluate(Survey.Csat, Period, aggregate, new MetricSettings());

        psat.Value.Should().BeApproximately(60.0, 1e-12, because: "input CSAT example as psat");
        psat.Detail["mean"].Should().BeApproximately(3.5, 1e-12, because: "input CSAT example as psat");
        psat.Should().BeEquivalentTo(csat);
    }

    [Fact]
    public void Evaluate_4SatisfiedOf5_About36To98()
    {
        // docs/metrics.md CSAT interval example applied to PSAT; tolerance 0.5.
        var point = SurveyMetric.Evaluate(Survey.Psat, Period, Responses.Aggregate(Survey.Psat, [5, 4, 4, 4, 1]), new MetricSettings());

        point.Value.Should().BeApproximately(80, 1e-12, because: "input scores 5,4,4,4,1");
        point.Low.Should().BeApproximately(36, 0.5, because: "input scores 5,4,4,4,1");
        point.High.Should().BeApproximately(98, 0.5, because: "input scores 5,4,4,4,1");
    }

    [Fact]
    public void Evaluate_NoResponses_NullValue()
    {
        SurveyMetric.Evaluate(Survey.Psat, Period, SurveyAggregate.Empty, new MetricSettings()).Value.Should().BeNull();
    }
}
