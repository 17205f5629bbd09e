using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class NpsTests
{
    private static readonly DateOnly Period = new(2025, 1, 1);

    [Fact]
    public void Compute_45Promoters30Passives25Detractors_MatchesMetricsMdExample()
    {
        // docs/metrics.md NPS, tolerance 0.005 (two decimals). Exact values: adjusted 19.4175, interval 3.76997 … 35.06498.
        var nps = Nps.Compute(45, 30, 25);
        const string input = "P/Pa/D = 45/30/25";

        nps.N.Should().Be(100, because: $"input {input}");
        nps.Value.Should().BeApproximately(20, 1e-12, because: $"input {input}");
        nps.AdjustedValue.Should().BeApproximately(19.42, 0.005, because: $"input {input}");
        nps.Interval95!.Value.Low.Should().BeApproximately(3.77, 0.005, because: $"input {input}");

        // docs/metrics.md's 35.07 is 19.42 + 15.65 rounded separately; the exact bound 35.06498 is 0.00502 away, hence 0.006.
        nps.Interval95!.Value.High.Should().BeApproximately(35.07, 0.006, because: $"input {input}");
    }

    [Theory]
    [InlineData(3, 2, 1, 5.0 / 9)]
    [InlineData(1, 0, 1, 1.0)]
    [InlineData(1, 1, 0, 0.25)]
    public void RespondentVariance_MetricsMdExamples_Exact(int promoters, int passives, int detractors, double expected)
    {
        // docs/metrics.md per-respondent variance, given there as (D, Pa, P); exact to 1e-12.
        NpsResult.RespondentVariance(promoters, passives, detractors)
            .Should().BeApproximately(expected, 1e-12, because: $"input P/Pa/D = {promoters}/{passives}/{detractors}");
    }

    [Fact]
    public void RespondentVariance_NoRespondents_Throws()
    {
        var act = () => NpsResult.RespondentVariance(0, 0, 0);

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Compute_Prepbench040_MinusThirtyFivePointNine()
    {
        // docs/metrics.md prepbench case 040: 39 responses, 8 promoters, 22 detractors; exact at one decimal.
        var nps = Nps.Compute(8, 39 - 8 - 22, 22);

        Math.Round(nps.Value!.Value, 1).Should().Be(-35.9, because: "input P/Pa/D = 8/9/22, actual " + nps.Value);
    }

    [Fact]
    public void Compute_NoResponses_AllValuesNull()
    {
        var nps = Nps.Compute(0, 0, 0);

        nps.N.Should().Be(0);
        nps.Value.Should().BeNull();
        nps.AdjustedValue.Should().BeNull();
        nps.AdjustedVariance.Should().BeNull();
        nps.Interval95.Should().BeNull();
    }

    [Fact]
    public void Compute_NegativeCount_Throws()
    {
        var act = () => Nps.Compute(-1, 0, 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Interval95_SmallAllPromoterSample_ClampedTo100()
    {
        // Exact: 5 promoters give an unclamped upper bound of 107.5.
        var nps = Nps.Compute(5, 0, 0);

        nps.Interval95!.Value.High.Should().Be(100, because: "input P/Pa/D = 5/0/0");
    }

    [Fact]
    public void Compare_45_30_25To60_35_25_NotSignificant()
    {
        // docs/metrics.md change example 1, tolerance: half a unit in the last printed digit.
        var test = Nps.Compare(Nps.Compute(45, 30, 25), Nps.Compute(60, 35, 25));
        const string input = "45/30/25 → 60/35/25";

        test.Delta.Should().BeApproximately(0.0904, 0.00005, because: $"input {input}");
        test.Z.Should().BeApproximately(0.845, 0.0005, because: $"input {input}");
        test.P.Should().BeApproximately(0.398, 0.0005, because: $"input {input}");
        test.Significant.Should().BeFalse(because: $"input {input}");
    }

    [Fact]
    public void Compare_400_350_250To450_330_220_Significant()
    {
        // docs/metrics.md change example 2, tolerance: half a unit in the last printed digit.
        var test = Nps.Compare(Nps.Compute(400, 350, 250), Nps.Compute(450, 330, 220));
        const string input = "400/350/250 → 450/330/220";

        test.Z.Should().BeApproximately(2.265, 0.0005, because: $"input {input}");
        test.P.Should().BeApproximately(0.0235, 0.00005, because: $"input {input}");
        test.Significant.Should().BeTrue(because: $"input {input}");
    }

    [Fact]
    public void Compare_EmptySide_AllNullNotSignificant()
    {
        var test = Nps.Compare(Nps.Compute(0, 0, 0), Nps.Compute(10, 5, 1));

        test.Should().Be(new ChangeTest(null, null, null));
        test.Significant.Should().BeFalse();
    }

    [Fact]
    public void Evaluate_Nps_ValueIntervalAndDetail()
    {
        // docs/metrics.md 45/30/25 through the API point; detail percentages exact.
        var point = SurveyMetric.Evaluate(Survey.Nps, Period, Responses.NpsCounts(45, 30, 25), new MetricSettings());

        point.Value.Should().BeApproximately(20, 1e-12);
        point.N.Should().Be(100);
        point.Low.Should().BeApproximately(3.77, 0.005);
        point.High.Should().BeApproximately(35.07, 0.006);
        point.Suppressed.Should().BeFalse();
        point.LowSample.Should().BeFalse();
        var expected = new Dictionary<string, double>
        {
            ["promoters"] = 45,
            ["passives"] = 30,
            ["detractors"] = 25,
            ["promoters_pct"] = 45,
            ["passives_pct"] = 30,
            ["detractors_pct"] = 25,
            ["adjusted"] = 100 * ((45.75 / 103) - (25.75 / 103)),
        };
        point.Detail.Keys.Should().BeEquivalentTo(expected.Keys);
        foreach (var (key, value) in expected)
        {
            point.Detail[key].Should().BeApproximately(value, 1e-9, because: $"input P/Pa/D = 45/30/25, detail {key}");
        }
    }

    [Fact]
    public void Evaluate_NpsFromRawScores_CategorizesZeroToTen()
    {
        // Exact: 9,10 promoters; 7,8 passives; 0,6 detractors → 100·(2 − 2)/6 = 0.
        var point = SurveyMetric.Evaluate(Survey.Nps, Period, Responses.Aggregate(Survey.Nps, [0, 6, 7, 8, 9, 10]), new MetricSettings());

        point.Value.Should().Be(0);
        point.Detail["promoters"].Should().Be(2);
        point.Detail["passives"].Should().Be(2);
        point.Detail["detractors"].Should().Be(2);
    }

    [Fact]
    public void Evaluate_NpsCountsNotAddingUpToN_Throws()
    {
        var act = () => SurveyMetric.Evaluate(Survey.Nps, Period, Responses.NpsCounts(1, 1, 1) with { N = 4 }, new MetricSettings());

        act.Should().Throw<ArgumentException>();
    }
}
