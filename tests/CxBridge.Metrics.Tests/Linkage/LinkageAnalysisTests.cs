using CxBridge.Metrics;
using MathNet.Numerics.Statistics;

namespace CxBridge.Metrics.Tests.Linkage;

public class LinkageAnalysisTests
{
    private static readonly double[] OneToSix = [1, 2, 3, 4, 5, 6];

    [Fact]
    public void FisherInterval95_MetricsMdExample_0303To0709()
    {
        // docs/metrics.md: r = 0.536, n = 50 → tanh(atanh 0.536 ± 1.96/√47) = 0.302829 … 0.708627; tolerance 0.0005 (three decimals).
        var interval = LinkageAnalysis.FisherInterval95(0.536, 50)!.Value;

        interval.Low.Should().BeApproximately(0.303, 0.0005, because: "input r 0.536, n 50");
        interval.High.Should().BeApproximately(0.709, 0.0005, because: "input r 0.536, n 50");
    }

    [Fact]
    public void FisherInterval95_PerfectOrTooFew_ClampedOrNull()
    {
        // Exact: atanh(±1) is infinite, so the interval collapses onto r; with n ≤ 3 there is no 1/√(n − 3).
        LinkageAnalysis.FisherInterval95(1, 10).Should().Be(new Interval(1, 1));
        LinkageAnalysis.FisherInterval95(-1, 10).Should().Be(new Interval(-1, -1));
        LinkageAnalysis.FisherInterval95(0.5, 3).Should().BeNull();
    }

    [Theory]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    public void PearsonP_ROutsideMinusOneToOne_Throws(double r)
    {
        var act = () => LinkageAnalysis.PearsonP(r, 10);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void AnalysePairs_SixPairs_PearsonPSlopeAndIntervalsByHand()
    {
        // x = 1..6, y = 1, 3, 2, 5, 4, 6 (exact arithmetic): x̄ = ȳ = 3.5, Sxx = Syy = 17.5, Sxy = 15.5,
        // r = 15.5/17.5 = 31/35; slope = Sxy/Sxx = 31/35; intercept = 3.5 − 31/35·3.5 = 0.4;
        // SE = √((Syy − b·Sxy)/(n − 2)/Sxx) = √((132/35)/4/17.5) = √(132/2450).
        // p: with 4 df the two-sided p of t = r√(4/(1 − r²)) is 1 − r(3 − r²)/2 = 0.0188454810 (closed form).
        // Slope interval: 31/35 ± t(0.975, 4)·SE, t = 2.7764451052 → 0.2412586668 … 1.5301699047.
        // Fisher: tanh(atanh(31/35) ± 1.96/√3) = 0.2636933776 … 0.9874710142.
        // Tolerances: 1e-12 for the closed forms, 1e-9 for p and the t and Fisher bounds (quoted to 10 decimals).
        double[] y = [1, 3, 2, 5, 4, 6];
        const double R = 31.0 / 35;
        const string input = "x 1..6, y 1 3 2 5 4 6";

        var result = LinkageAnalysis.AnalysePairs(1, OneToSix, y);

        result.Status.Should().Be(LagStatus.Computed);
        result.Lag.Should().Be(1);
        result.N.Should().Be(6);
        result.Pearson.Should().BeApproximately(R, 1e-12, because: $"input {input}");
        result.Pearson.Should().BeApproximately(Correlation.Pearson(OneToSix, y), 1e-12, because: "MathNet's Pearson agrees");
        result.P.Should().BeApproximately(1 - (R * (3 - (R * R)) / 2), 1e-9, because: $"input {input}");
        result.P.Should().BeApproximately(0.0188454810, 1e-9, because: $"input {input}");
        result.Q.Should().BeNull("q needs the whole page");
        result.PearsonInterval95!.Value.Low.Should().BeApproximately(0.2636933776, 1e-9, because: $"input {input}");
        result.PearsonInterval95!.Value.High.Should().BeApproximately(0.9874710142, 1e-9, because: $"input {input}");
        result.Slope.Should().BeApproximately(R, 1e-12, because: $"input {input}");
        result.Intercept.Should().BeApproximately(0.4, 1e-12, because: $"input {input}");
        result.SlopeStandardError.Should().BeApproximately(Math.Sqrt(132.0 / 2450), 1e-12, because: $"input {input}");
        result.SlopeInterval95!.Value.Low.Should().BeApproximately(0.2412586668, 1e-9, because: $"input {input}");
        result.SlopeInterval95!.Value.High.Should().BeApproximately(1.5301699047, 1e-9, because: $"input {input}");

        // No ties: ranks are the values themselves, so ρ = r (exact).
        result.Spearman.Should().BeApproximately(R, 1e-12, because: $"input {input}");
    }

    [Fact]
    public void AnalysePairs_TiedValues_SpearmanUsesAverageRanks()
    {
        // y = 1, 2, 2, 3, 5, 4 → ranks 1, 2.5, 2.5, 4, 6, 5 (the tied 2s share ranks 2 and 3).
        // With x ranks 1..6: Sxx = 17.5, Syy = 17, Sxy = 16, ρ = 16/√(17.5·17) = 0.9276336570; exact to 1e-12.
        double[] y = [1, 2, 2, 3, 5, 4];

        var result = LinkageAnalysis.AnalysePairs(0, OneToSix, y);

        result.Spearman.Should().BeApproximately(16 / Math.Sqrt(17.5 * 17), 1e-12, because: "input x 1..6, y 1 2 2 3 5 4");
        result.Spearman.Should().BeApproximately(Correlation.Spearman(OneToSix, y), 1e-12, because: "MathNet's Spearman agrees");
    }

    [Fact]
    public void AnalysePairs_FivePairs_NotEnoughHistoryAndNoNumbers()
    {
        var result = LinkageAnalysis.AnalysePairs(0, [1, 2, 3, 4, 5], [2, 1, 4, 3, 5]);

        result.Should().Be(new LagResult(0, 5, LagStatus.NotEnoughHistory, null, null, null, null, null, null, null, null, null));
    }

    [Fact]
    public void Analyse_ChangeTwoMonthsLater_StrongestLagTwoWithSlopeTwo()
    {
        // Δy(t) = 2·Δx(t − 2) + 0.1·sin t, x a random walk (steps uniform in ±2, seed 20240601), 36 months:
        // lag 2 has 33 pairs, r ≈ 1 and the slope 2 up to the noise; tolerance 0.05 on the slope.
        var (x, y) = LagTwoSeries();

        var result = LinkageAnalysis.Analyse(x, y, expectedSign: +1);

        result.Lags.Select(lag => lag.Lag).Should().Equal(0, 1, 2, 3);
        result.Lags.Select(lag => lag.N).Should().Equal(35, 34, 33, 32);
        result.StrongestLag.Should().Be(2);
        result.Strongest!.Slope.Should().BeApproximately(2, 0.05, because: "Δy(t) = 2·Δx(t − 2) + small noise");
        result.Strongest.SlopeInterval95!.Value.Low.Should().BeLessThan(2);
        result.Strongest.SlopeInterval95!.Value.High.Should().BeGreaterThan(2);
        result.Strongest.Pearson.Should().BeGreaterThan(0.99);
        result.TrendSensitiveLevels.Lag.Should().Be(2, "levels are correlated at the strongest lag");
        result.TrendSensitiveLevels.N.Should().Be(34);
        result.Verdict.Should().BeNull("the verdict needs the page's q-values");
    }

    [Theory]
    [InlineData(+1, LinkageVerdict.MovesAsExpected)]
    [InlineData(-1, LinkageVerdict.MovesOpposite)]
    public void ControlFalseDiscovery_ChangeTwoMonthsLater_VerdictFollowsExpectedSign(int expectedSign, LinkageVerdict verdict)
    {
        var (x, y) = LagTwoSeries();

        var result = LinkageAnalysis.ControlFalseDiscovery([LinkageAnalysis.Analyse(x, y, expectedSign)]).Single();

        result.Verdict.Should().Be(verdict, because: $"r > 0 at lag 2 and the expected sign is {expectedSign}");
        result.Strongest!.Q.Should().BeLessThan(0.05);
    }

    [Fact]
    public void Analyse_SharedTrendIndependentNoise_LevelsHighButChangesNotSignificant()
    {
        // x = 50 + 0.5t + noise in ±1, y = 1000 + 10t + noise in ±20, 36 months, noise drawn from one stream (seed 20240601;
        // System.Random streams of nearby seeds are correlated): both climb, so the levels correlate strongly, but the
        // month-over-month changes are independent noise around a constant.
        var noise = new Random(20240601);
        var x = Months.Series(Enumerable.Range(0, 36).Select(t => 50 + (0.5 * t) + ((noise.NextDouble() - 0.5) * 2)).ToList());
        var y = Months.Series(Enumerable.Range(0, 36).Select(t => 1000 + (10.0 * t) + ((noise.NextDouble() - 0.5) * 40)).ToList());

        var result = LinkageAnalysis.ControlFalseDiscovery([LinkageAnalysis.Analyse(x, y, +1)]).Single();

        result.TrendSensitiveLevels.Pearson.Should().BeGreaterThan(0.9, "both series share a linear trend");
        result.Lags.Should().AllSatisfy(lag => lag.P.Should().BeGreaterThan(0.05, $"changes are independent (lag {lag.Lag})"));
        result.Verdict.Should().Be(LinkageVerdict.NoEvidenceYet);
    }

    [Fact]
    public void Analyse_ConstantDriver_NoVariationAndNoNaN()
    {
        var x = Months.Series(Enumerable.Repeat(42.0, 24).ToList());
        var y = Months.Series(Enumerable.Range(0, 24).Select(t => 100 + (t * t % 7)).Select(v => (double)v).ToList());

        var result = LinkageAnalysis.ControlFalseDiscovery([LinkageAnalysis.Analyse(x, y, +1)]).Single();

        result.Lags.Should().AllSatisfy(lag => lag.Status.Should().Be(LagStatus.NoVariation));
        result.Lags.Should().AllSatisfy(lag => lag.Pearson.Should().BeNull());
        result.StrongestLag.Should().BeNull();
        result.TrendSensitiveLevels.Should().Be(new LevelsCorrelation(0, 24, null));
        result.Verdict.Should().Be(LinkageVerdict.NoVariation);
        Months.Numbers(result).Where(value => !double.IsFinite(value)).Should().BeEmpty();
    }

    [Fact]
    public void Analyse_SameStepEveryMonth_NoVariationDespiteRounding()
    {
        // x = 0.1·t: every change is 0.1 only up to rounding (0.3 − 0.2 = 0.09999999999999998), which must not pass as variation.
        var x = Months.Series(Enumerable.Range(0, 24).Select(t => 0.1 * t).ToList());
        var y = Months.Series(Enumerable.Range(0, 24).Select(t => Math.Sin(t)).ToList());

        var result = LinkageAnalysis.Analyse(x, y, +1);

        result.Lags.Should().AllSatisfy(lag => lag.Status.Should().Be(LagStatus.NoVariation));
        Months.Numbers(result).Where(value => !double.IsFinite(value)).Should().BeEmpty();
    }

    [Fact]
    public void Analyse_SixMonths_NotEnoughHistory()
    {
        // Six months give five changes, so no lag reaches six pairs.
        var x = Months.Series([1.0, 3, 2, 5, 4, 6]);
        var y = Months.Series([10.0, 30, 20, 50, 40, 60]);

        var result = LinkageAnalysis.ControlFalseDiscovery([LinkageAnalysis.Analyse(x, y, +1)]).Single();

        result.Lags.Select(lag => lag.N).Should().Equal(5, 4, 3, 2);
        result.Lags.Should().AllSatisfy(lag => lag.Status.Should().Be(LagStatus.NotEnoughHistory));
        result.Lags.SelectMany(Months.NumbersOf).Should().BeEmpty("no lag has numbers without enough history");
        result.TrendSensitiveLevels.Should().Be(new LevelsCorrelation(0, 6, 1), "levels count months, not changes, and y = 10x exactly");
        result.StrongestLag.Should().BeNull();
        result.Verdict.Should().Be(LinkageVerdict.NotEnoughHistory);
    }

    [Fact]
    public void Analyse_SevenMonths_OnlyLagZeroHasSixPairs()
    {
        var x = Months.Series([1.0, 3, 2, 5, 4, 6, 9]);
        var y = Months.Series([10.0, 30, 20, 50, 40, 60, 80]);

        var result = LinkageAnalysis.Analyse(x, y, +1);

        result.Lags.Select(lag => lag.Status).Should().Equal(
            LagStatus.Computed, LagStatus.NotEnoughHistory, LagStatus.NotEnoughHistory, LagStatus.NotEnoughHistory);
        result.StrongestLag.Should().Be(0);
        result.TrendSensitiveLevels.N.Should().Be(7);
        result.TrendSensitiveLevels.Pearson.Should().NotBeNull();
    }

    [Fact]
    public void Analyse_MissingMonths_NoChangeAcrossAGap()
    {
        // 12 months with March and August missing: changes exist for Feb, May, Jun, Jul, Oct, Nov, Dec (7), not for the
        // months right after a gap (Apr, Sep) nor January. y is complete, so lag 0 pairs all 7.
        var x = Months.Series([1.0, 2, null, 4, 3, 6, 5, null, 9, 8, 12, 11]);
        var y = Months.Series(Enumerable.Range(0, 12).Select(t => (double)(t * t % 5)).ToList());

        var result = LinkageAnalysis.Analyse(x, y, +1);

        result.Lags[0].N.Should().Be(7);
        result.Lags[1].N.Should().Be(6, "December's change has no January after it");
    }

    [Fact]
    public void Analyse_PerfectCorrelationAtSeveralLags_PZeroAndSmallerLagWins()
    {
        // x alternates 0, 1, 0, 1, … and y = x: changes +1, −1, …, so r = 1 at lags 0 and 2 and r = −1 at lags 1 and 3.
        // Exact: every p is 0 (no infinite t), the tie goes to lag 0, the Fisher interval collapses to [1, 1] and SE = 0.
        var series = Months.Series(Enumerable.Range(0, 24).Select(t => (double)(t % 2)).ToList());

        var result = LinkageAnalysis.ControlFalseDiscovery([LinkageAnalysis.Analyse(series, series, +1)]).Single();

        result.Lags.Select(lag => lag.Pearson).Should().Equal(1, -1, 1, -1);
        result.Lags.Should().AllSatisfy(lag => lag.P.Should().Be(0));
        result.StrongestLag.Should().Be(0);
        result.Strongest!.PearsonInterval95.Should().Be(new Interval(1, 1));
        result.Strongest.SlopeStandardError.Should().Be(0);
        result.Verdict.Should().Be(LinkageVerdict.MovesAsExpected);
        Months.Numbers(result).Where(value => !double.IsFinite(value)).Should().BeEmpty();
    }

    [Fact]
    public void Analyse_RevenueInBillions_SameRAndSlopeScaled()
    {
        // r does not depend on the unit, and the slope scales with the outcome's unit (tolerance 1e-9 relative).
        var (x, y) = LagTwoSeries();
        var billions = y.ToDictionary(point => point.Key, point => point.Value * 1e9);

        var plain = LinkageAnalysis.Analyse(x, y, +1).Strongest!;
        var scaled = LinkageAnalysis.Analyse(x, billions, +1).Strongest!;

        scaled.Pearson.Should().BeApproximately(plain.Pearson!.Value, 1e-12);
        scaled.Slope.Should().BeApproximately(plain.Slope!.Value * 1e9, 1e-9 * 2e9);
        scaled.SlopeStandardError.Should().BeApproximately(plain.SlopeStandardError!.Value * 1e9, 1e-9 * 1e9);
    }

    [Fact]
    public void ControlFalseDiscovery_TwoPairs_QAcrossEveryLagOfThePage()
    {
        // The page's q-values are Benjamini–Hochberg over all eight p-values together, in page order (exact).
        var (x, y) = LagTwoSeries();
        var noise = new Random(7);
        var unrelated = Months.Series(Enumerable.Range(0, 36).Select(_ => noise.NextDouble()).ToList());
        var page = new[] { LinkageAnalysis.Analyse(x, y, +1), LinkageAnalysis.Analyse(x, unrelated, -1) };

        var controlled = LinkageAnalysis.ControlFalseDiscovery(page);

        var expected = FalseDiscovery.BenjaminiHochberg(page.SelectMany(result => result.Lags).Select(lag => lag.P!.Value).ToList());
        controlled.SelectMany(result => result.Lags).Select(lag => lag.Q!.Value).Should().Equal(expected);
        controlled.Select(result => result.Verdict).Should().Equal(LinkageVerdict.MovesAsExpected, LinkageVerdict.NoEvidenceYet);
        page[0].Lags.Should().AllSatisfy(lag => lag.Q.Should().BeNull(), "the input is not changed");
    }

    [Fact]
    public void ControlFalseDiscovery_LagsWithoutP_KeepNullQ()
    {
        var x = Months.Series([1.0, 3, 2, 5, 4, 6, 9]);
        var y = Months.Series([10.0, 30, 20, 50, 40, 60, 80]);

        var result = LinkageAnalysis.ControlFalseDiscovery([LinkageAnalysis.Analyse(x, y, +1)]).Single();

        result.Lags.Select(lag => lag.Q is null).Should().Equal(false, true, true, true);
        result.Lags[0].Q.Should().Be(result.Lags[0].P, "one p-value on the page is its own q-value");
    }

    [Fact]
    public void Analyse_KeyNotFirstOfMonth_Throws()
    {
        var x = new Dictionary<DateOnly, double> { [new DateOnly(2024, 1, 15)] = 1 };

        var act = () => LinkageAnalysis.Analyse(x, Months.Series([1.0]), +1);

        act.Should().Throw<ArgumentException>();
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(2, 3)]
    [InlineData(1, 4)]
    [InlineData(1, -1)]
    public void Analyse_ExpectedSignOrMaxLagOutOfRange_Throws(int expectedSign, int maxLag)
    {
        var series = Months.Series([1.0, 2, 3]);

        var act = () => LinkageAnalysis.Analyse(series, series, expectedSign, maxLag);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>36 months: x a random walk (seed 20240601), y's change = 2·(x's change two months earlier) + 0.1·sin t.</summary>
    private static (IReadOnlyDictionary<DateOnly, double> X, IReadOnlyDictionary<DateOnly, double> Y) LagTwoSeries()
    {
        var random = new Random(20240601);
        var x = new double[36];
        var y = new double[36];
        x[0] = 30;
        y[0] = 1000;
        for (var t = 1; t < 36; t++)
        {
            x[t] = x[t - 1] + ((random.NextDouble() * 4) - 2);
            var driverChange = t >= 3 ? x[t - 2] - x[t - 3] : 0;
            y[t] = y[t - 1] + (2 * driverChange) + (0.1 * Math.Sin(t));
        }

        return (Months.Series(x), Months.Series(y));
    }
}
