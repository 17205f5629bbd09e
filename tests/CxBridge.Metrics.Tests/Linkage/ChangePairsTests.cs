namespace CxBridge.Metrics.Tests.Linkage;

public sealed class ChangePairsTests
{
    [Fact]
    public void ChangePairs_LagOne_PairsEachDriverChangeWithTheOutcomeChangeAMonthLater()
    {
        // Driver 10, 12, 11, 15 (changes +2, −1, +4 in months 1..3); outcome 100, 100, 104, 102, 110 (changes 0, +4, −2, +8 in months 1..4).
        var driver = Months.Series([10.0, 12, 11, 15]);
        var outcome = Months.Series([100.0, 100, 104, 102, 110]);

        var pairs = LinkageAnalysis.ChangePairs(driver, outcome, lag: 1);

        pairs.Should().Equal(
            (Months.First.AddMonths(1), 2.0, 4.0),
            (Months.First.AddMonths(2), -1.0, -2.0),
            (Months.First.AddMonths(3), 4.0, 8.0));
    }

    [Fact]
    public void ChangePairs_MissingMonth_LeavesOutTheChangesThatNeedIt()
    {
        var driver = Months.Series([1.0, 2, null, 4, 6]);
        var outcome = Months.Series([5.0, 5, 5, 5, 5]);

        var pairs = LinkageAnalysis.ChangePairs(driver, outcome, lag: 0);

        pairs.Select(p => p.Month).Should().Equal(Months.First.AddMonths(1), Months.First.AddMonths(4));
    }

    [Fact]
    public void ChangePairs_AnalysedAsPairs_GiveTheSameLagResultAsAnalyse()
    {
        var random = new Random(7);
        var x = Enumerable.Range(0, 20).Select(_ => random.NextDouble() * 10).ToList();
        var y = x.Select((v, i) => i > 0 ? 3 * x[i - 1] + random.NextDouble() : 0).ToList();
        var driver = Months.Series(x);
        var outcome = Months.Series(y);

        var pairs = LinkageAnalysis.ChangePairs(driver, outcome, lag: 1);
        var direct = LinkageAnalysis.AnalysePairs(1, pairs.Select(p => p.DriverChange).ToList(), pairs.Select(p => p.OutcomeChange).ToList());
        var analysed = LinkageAnalysis.Analyse(driver, outcome, expectedSign: 1).Lags.Single(l => l.Lag == 1);

        direct.Should().BeEquivalentTo(analysed, "exact: the page's scatter draws the very pairs the statistics come from");
    }
}
