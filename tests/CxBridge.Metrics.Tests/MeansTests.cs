using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class MeansTests
{
    [Fact]
    public void FromSums_OneToFive_StudentTIntervalByHand()
    {
        // Values 1..5: n 5, Σx 15, Σx² 55 → mean 3, sd √2.5 (exact);
        // by hand 3 ± t(0.975, 4)·√2.5/√5 = 3 ± 2.776445105·0.707106781 = 1.036756839 … 4.963243161; tolerance 1e-6.
        var summary = MeanSummary.FromSums(5, 15, 55);
        const string input = "values 1..5";

        summary.N.Should().Be(5);
        summary.Mean.Should().BeApproximately(3, 1e-12, because: $"input {input}");
        summary.StandardDeviation.Should().BeApproximately(Math.Sqrt(2.5), 1e-12, because: $"input {input}");
        summary.Interval95!.Value.Low.Should().BeApproximately(1.036756839, 1e-6, because: $"input {input}");
        summary.Interval95!.Value.High.Should().BeApproximately(4.963243161, 1e-6, because: $"input {input}");
    }

    [Fact]
    public void FromSums_NoValues_AllNull()
    {
        MeanSummary.FromSums(0, 0, 0).Should().Be(new MeanSummary(0, null, null, null));
    }

    [Fact]
    public void FromSums_OneValue_MeanOnly()
    {
        MeanSummary.FromSums(1, 4, 16).Should().Be(new MeanSummary(1, 4, null, null));
    }

    [Fact]
    public void FromSums_EqualValues_ZeroDeviationNotNaN()
    {
        // Exact: 0.1 three times; Σx² − (Σx)²/n rounds to a tiny negative number without the guard.
        var summary = MeanSummary.FromSums(3, 0.1 + 0.1 + 0.1, (0.1 * 0.1) * 3);

        summary.StandardDeviation.Should().BeApproximately(0, 1e-9, because: "input 0.1, 0.1, 0.1");
    }

    [Fact]
    public void Compare_OneToFiveAgainstThreeToSeven_WelchByHand()
    {
        // By hand: Δ 2, se = √(2.5/5 + 2.5/5) = 1, t = 2, Welch df = 1²/(0.25/4 + 0.25/4) = 8,
        // two-sided p = 0.0805162 (Student t, 8 df); tolerance 1e-6.
        var test = Means.Compare(MeanSummary.FromSums(5, 15, 55), MeanSummary.FromSums(5, 25, 135));
        const string input = "1..5 → 3..7";

        test.Delta.Should().BeApproximately(2, 1e-12, because: $"input {input}");
        test.Z.Should().BeApproximately(2, 1e-12, because: $"input {input}");
        test.P.Should().BeApproximately(0.0805162, 1e-6, because: $"input {input}");
        test.Significant.Should().BeFalse(because: $"input {input}");
    }

    [Fact]
    public void Compare_SideWithFewerThanTwo_AllNull()
    {
        Means.Compare(MeanSummary.FromSums(1, 4, 16), MeanSummary.FromSums(5, 15, 55))
            .Should().Be(new ChangeTest(null, null, null));
    }
}
