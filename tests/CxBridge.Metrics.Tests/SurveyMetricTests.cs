using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class SurveyMetricTests
{
    private static readonly DateOnly Period = new(2025, 3, 1);

    public static TheoryData<Survey> AllSurveys() => [.. Surveys.All];

    [Theory]
    [MemberData(nameof(AllSurveys))]
    public void Evaluate_NoResponses_NullValueNotZero(Survey survey)
    {
        var point = SurveyMetric.Evaluate(survey, Period, SurveyAggregate.Empty, new MetricSettings());

        point.Period.Should().Be(Period);
        point.N.Should().Be(0);
        point.Value.Should().BeNull(because: $"input {survey} with n = 0");
        point.Low.Should().BeNull(because: $"input {survey} with n = 0");
        point.High.Should().BeNull(because: $"input {survey} with n = 0");
        point.LowSample.Should().BeFalse(because: $"input {survey} with n = 0");
        point.Suppressed.Should().BeFalse(because: $"input {survey} with n = 0");
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(29, true)]
    [InlineData(30, false)]
    [InlineData(31, false)]
    public void Evaluate_SampleSize_LowSampleBelowThirty(int n, bool expected)
    {
        foreach (var survey in Surveys.All)
        {
            var point = SurveyMetric.Evaluate(survey, Period, Aggregate(survey, n), new MetricSettings());

            point.LowSample.Should().Be(expected, because: $"input {survey} with n = {n}");
            (point.Value is not null || point.Suppressed).Should().BeTrue(because: $"input {survey} with n = {n}: value shown unless suppressed");
        }
    }

    [Fact]
    public void Evaluate_CustomSmallSampleThreshold_Used()
    {
        var settings = new MetricSettings { SmallSampleThreshold = 10 };

        SurveyMetric.Evaluate(Survey.Csat, Period, Aggregate(Survey.Csat, 9), settings).LowSample.Should().BeTrue();
        SurveyMetric.Evaluate(Survey.Csat, Period, Aggregate(Survey.Csat, 10), settings).LowSample.Should().BeFalse();
    }

    [Fact]
    public void Compare_Nps_UsesNpsTest()
    {
        // docs/metrics.md change example 2 through aggregates; tolerance half a unit in the last digit.
        var test = SurveyMetric.Compare(Survey.Nps, Responses.NpsCounts(400, 350, 250), Responses.NpsCounts(450, 330, 220));

        test.Z.Should().BeApproximately(2.265, 0.0005, because: "input 400/350/250 → 450/330/220");
        test.Significant.Should().BeTrue();
    }

    [Fact]
    public void Compare_Csat_UsesTwoProportionTest()
    {
        var before = SurveyAggregate.Empty with { N = 50, TopTwo = 30 };
        var after = SurveyAggregate.Empty with { N = 50, TopTwo = 40 };

        SurveyMetric.Compare(Survey.Csat, before, after).Should().Be(Proportion.Compare(30, 50, 40, 50));
    }

    [Fact]
    public void Compare_Ces_UsesWelchOnStoredValues()
    {
        var before = Responses.Aggregate(Survey.Ces, [1, 2, 3, 4, 5]);
        var after = Responses.Aggregate(Survey.Ces, [3, 4, 5, 6, 7]);

        SurveyMetric.Compare(Survey.Ces, before, after).Z.Should().BeApproximately(2, 1e-12, because: "input 1..5 → 3..7");
    }

    [Theory]
    [MemberData(nameof(AllSurveys))]
    public void Compare_EmptyBefore_AllNull(Survey survey)
    {
        var after = Aggregate(survey, 40);

        SurveyMetric.Compare(survey, SurveyAggregate.Empty, after).Should().Be(new ChangeTest(null, null, null), because: $"input {survey}");
    }

    private static SurveyAggregate Aggregate(Survey survey, int n) =>
        Responses.Aggregate(survey, Enumerable.Range(0, n).Select(i => (double)(survey.DefaultScale().Min + (i % 3))));
}
