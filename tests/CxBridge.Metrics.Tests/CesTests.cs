using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class CesTests
{
    private static readonly DateOnly Period = new(2025, 1, 1);

    [Fact]
    public void Evaluate_65Of100Agree_65PercentAgree()
    {
        // docs/metrics.md CES; exact. 65 answers of 5–7, 35 of 1–4.
        double[] scores = [.. Responses.Repeat(6, 65), .. Responses.Repeat(3, 35)];

        var point = SurveyMetric.Evaluate(Survey.Ces, Period, Responses.Aggregate(Survey.Ces, scores), new MetricSettings());

        point.Detail["agree_pct"].Should().BeApproximately(65, 1e-12, because: "input 65 × 6, 35 × 3");
        point.Value.Should().BeApproximately(((65 * 6) + (35 * 3)) / 100.0, 1e-12, because: "input 65 × 6, 35 × 3");
    }

    [Theory]
    [InlineData(1, 5, 1.0, 1.0)]
    [InlineData(1, 5, 2.0, 2.5)]
    [InlineData(1, 5, 3.0, 4.0)]
    [InlineData(1, 5, 5.0, 7.0)]
    [InlineData(1, 10, 1.0, 1.0)]
    [InlineData(1, 10, 4.0, 3.0)]
    [InlineData(1, 10, 5.5, 4.0)]
    [InlineData(1, 10, 10.0, 7.0)]
    [InlineData(0, 10, 5.0, 4.0)]
    [InlineData(1, 7, 6.0, 6.0)]
    public void Of_EaseOnOtherScale_RescaledOntoOneToSeven(int min, int max, double score, double expected)
    {
        // docs/metrics.md CES rescale 1 + (x − min)·6/(max − min); exact.
        ResponseValue.Of(Survey.Ces, score, new ScoreScale(min, max), Polarity.Ease)
            .Should().BeApproximately(expected, 1e-12, because: $"input score {score} on {min}-{max}, ease");
    }

    [Theory]
    [InlineData(1, 7, 2.0, 6.0)]
    [InlineData(1, 7, 7.0, 1.0)]
    [InlineData(1, 5, 1.0, 7.0)]
    [InlineData(1, 5, 4.0, 2.5)]
    [InlineData(1, 10, 10.0, 1.0)]
    public void Of_Effort_ReversedThenRescaled(int min, int max, double score, double expected)
    {
        // docs/metrics.md polarity=effort stores max + min − x, then the 1–7 rescale; exact.
        ResponseValue.Of(Survey.Ces, score, new ScoreScale(min, max), Polarity.Effort)
            .Should().BeApproximately(expected, 1e-12, because: $"input score {score} on {min}-{max}, effort");
    }

    [Fact]
    public void Evaluate_MixedScales_MeanOfRescaledValuesWithTInterval()
    {
        // Stored values 1..5 (1-7: 1, 2; 1-10: 4 → 3; 0-10: 5 → 4; effort 1-7: 3 → 5) → mean 3, sd √2.5 (exact);
        // t interval by hand 3 ± t(0.975, 4)·√2.5/√5 = 3 ± 2.776445105·0.707106781 = 3 ± 1.963243161; tolerance 1e-6.
        double[] values =
        [
            ResponseValue.Of(Survey.Ces, 1, new ScoreScale(1, 7), Polarity.Ease),
            ResponseValue.Of(Survey.Ces, 2, new ScoreScale(1, 7), Polarity.Ease),
            ResponseValue.Of(Survey.Ces, 4, new ScoreScale(1, 10), Polarity.Ease),
            ResponseValue.Of(Survey.Ces, 5, new ScoreScale(0, 10), Polarity.Ease),
            ResponseValue.Of(Survey.Ces, 3, new ScoreScale(1, 7), Polarity.Effort),
        ];
        var input = $"input values {string.Join(",", values)}";

        var point = SurveyMetric.Evaluate(Survey.Ces, Period, Responses.Aggregate(Survey.Ces, values), new MetricSettings());

        values.Should().Equal([1, 2, 3, 4, 5], because: "the rescaled inputs");
        point.Value.Should().BeApproximately(3, 1e-12, because: input);
        point.Detail["sd"].Should().BeApproximately(Math.Sqrt(2.5), 1e-12, because: input);
        point.Low.Should().BeApproximately(1.036756839, 1e-6, because: input);
        point.High.Should().BeApproximately(4.963243161, 1e-6, because: input);
        point.Detail["agree_pct"].Should().BeApproximately(20, 1e-12, because: input);
    }

    [Fact]
    public void Evaluate_NoResponses_NullValueIntervalAndDetail()
    {
        var point = SurveyMetric.Evaluate(Survey.Ces, Period, SurveyAggregate.Empty, new MetricSettings());

        point.Value.Should().BeNull();
        point.Low.Should().BeNull();
        point.High.Should().BeNull();
        point.Detail["agree_pct"].Should().BeNull();
        point.Detail["sd"].Should().BeNull();
    }

    [Fact]
    public void Evaluate_OneResponse_MeanWithoutInterval()
    {
        var point = SurveyMetric.Evaluate(Survey.Ces, Period, Responses.Aggregate(Survey.Ces, [6]), new MetricSettings());

        point.Value.Should().Be(6);
        point.Low.Should().BeNull();
        point.Detail["sd"].Should().BeNull();
    }
}
