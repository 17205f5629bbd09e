using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class CsatTests
{
    private static readonly DateOnly Period = new(2025, 1, 1);

    [Fact]
    public void Evaluate_Scores54321Counted10_20_10_5_5_Csat60Mean3Point5()
    {
        // docs/metrics.md CSAT; exact (30 of 50 satisfied, sum 175 over 50).
        double[] scores = [.. Responses.Repeat(5, 10), .. Responses.Repeat(4, 20), .. Responses.Repeat(3, 10), .. Responses.Repeat(2, 5), .. Responses.Repeat(1, 5)];
        const string input = "scores 5,4,3,2,1 counted 10,20,10,5,5";

        var point = SurveyMetric.Evaluate(Survey.Csat, Period, Responses.Aggregate(Survey.Csat, scores), new MetricSettings());

        point.N.Should().Be(50, because: $"input {input}");
        point.Value.Should().BeApproximately(60.0, 1e-12, because: $"input {input}");
        point.Detail["mean"].Should().BeApproximately(3.5, 1e-12, because: $"input {input}");
        point.Detail["satisfied"].Should().Be(30, because: $"input {input}");
        point.Low.Should().NotBeNull();
        point.High.Should().NotBeNull();
    }

    [Fact]
    public void AdjustedWald95_4Of5_About36To98()
    {
        // docs/metrics.md CSAT "about 36% … 98%", tolerance 0.5; exact bounds 35.962 … 97.968.
        var interval = Proportion.AdjustedWald95(4, 5)!.Value;

        interval.Low.Should().BeApproximately(36, 0.5, because: "input 4 of 5");
        interval.High.Should().BeApproximately(98, 0.5, because: "input 4 of 5");
    }

    [Fact]
    public void Evaluate_4SatisfiedOf5_IntervalIsAdjustedWald()
    {
        // Same example through the API point; tolerance 0.5.
        var point = SurveyMetric.Evaluate(Survey.Csat, Period, Responses.Aggregate(Survey.Csat, [5, 5, 4, 4, 2]), new MetricSettings());

        point.Value.Should().BeApproximately(80, 1e-12, because: "input scores 5,5,4,4,2");
        point.Low.Should().BeApproximately(36, 0.5, because: "input scores 5,5,4,4,2");
        point.High.Should().BeApproximately(98, 0.5, because: "input scores 5,5,4,4,2");
    }

    [Theory]
    [InlineData(1, 7, 6.0, 7.0, 5.0)]
    [InlineData(1, 10, 9.0, 10.0, 8.0)]
    public void Evaluate_OtherScale_TopTwoOfThatScale(int min, int max, double top1, double top2, double below)
    {
        // Exact: two of three in the top two points of their own scale; mean on the native scale.
        var scale = new ScoreScale(min, max);
        var point = SurveyMetric.Evaluate(Survey.Csat, Period, Responses.Aggregate(Survey.Csat, scale, Polarity.Ease, [top1, top2, below]), new MetricSettings());

        point.Value.Should().BeApproximately(200.0 / 3, 1e-12, because: $"input scale {scale}, scores {top1},{top2},{below}");
        point.Detail["mean"].Should().BeApproximately((top1 + top2 + below) / 3, 1e-12, because: $"input scale {scale}");
    }

    [Fact]
    public void AdjustedWald95_AllOrNothing_ClampedToZeroAndHundred()
    {
        Proportion.AdjustedWald95(0, 3)!.Value.Low.Should().Be(0, because: "input 0 of 3");
        Proportion.AdjustedWald95(3, 3)!.Value.High.Should().Be(100, because: "input 3 of 3");
    }

    [Fact]
    public void AdjustedWald95_NoResponses_Null()
    {
        Proportion.AdjustedWald95(0, 0).Should().BeNull();
    }

    [Fact]
    public void Evaluate_NoResponses_NullValueMeanAndInterval()
    {
        var point = SurveyMetric.Evaluate(Survey.Csat, Period, SurveyAggregate.Empty, new MetricSettings());

        point.Value.Should().BeNull();
        point.Low.Should().BeNull();
        point.High.Should().BeNull();
        point.Detail["mean"].Should().BeNull();
        point.Detail["satisfied"].Should().Be(0);
    }
}
