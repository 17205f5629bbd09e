using System.Globalization;
using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests.Linkage;

public class LinkageWordingTests
{
    private const string NotCausation = "Correlation is not causation";

    /// <summary>Thousands of dollars, as the web layer might format revenue: 41000 → "$41k".</summary>
    private static readonly Func<double, string> Dollars = value => "$" + (value / 1000).ToString("0", CultureInfo.InvariantCulture) + "k";

    [Fact]
    public void PointWorth_LagOneWithCurrency_SpecSentence()
    {
        var lag = Computed(lag: 1, r: 0.5, slope: 41_000, low: 12_000, high: 70_000, n: 21);

        var sentence = LinkageWording.PointWorth(lag, "NPS", "revenue", Dollars);

        sentence.Should().Be(
            "Months when NPS rose one point saw revenue change by +$41k on average one month later (95% CI +$12k to +$70k, n = 21).");
    }

    [Fact]
    public void PointWorth_LagZeroNegativeSlope_SameMonthAndMinusSigns()
    {
        var lag = Computed(lag: 0, r: -0.4, slope: -3_000, low: -5_000, high: 1_000, n: 12);

        var sentence = LinkageWording.PointWorth(lag, "resolution time", "cost per contact", Dollars, driverUnit: "hour");

        sentence.Should().Be(
            "Months when resolution time rose one hour saw cost per contact change by −$3k on average in the same month (95% CI −$5k to +$1k, n = 12).");
    }

    [Fact]
    public void PointWorth_NoNumbers_Null()
    {
        var notEnough = new LagResult(2, 4, LagStatus.NotEnoughHistory, null, null, null, null, null, null, null, null, null);

        LinkageWording.PointWorth(notEnough, "NPS", "revenue", Dollars).Should().BeNull();
        LinkageWording.PointWorth(null, "NPS", "revenue", Dollars).Should().BeNull();
    }

    [Theory]
    [InlineData(0, "in the same month")]
    [InlineData(1, "one month later")]
    [InlineData(2, "two months later")]
    [InlineData(3, "three months later")]
    public void LagPhrase_EachLag_Words(int lag, string expected)
    {
        LinkageWording.LagPhrase(lag).Should().Be(expected);
    }

    [Theory]
    [InlineData(LinkageVerdict.MovesAsExpected)]
    [InlineData(LinkageVerdict.MovesOpposite)]
    [InlineData(LinkageVerdict.NoEvidenceYet)]
    public void VerdictSentence_VerdictsWithNumbers_CarryBothCaveats(LinkageVerdict verdict)
    {
        var sentence = LinkageWording.VerdictSentence(Result(verdict, expectedSign: +1, r: 0.6), "NPS", "revenue");

        sentence.Should().Contain(NotCausation);
        sentence.Should().Contain("Trying four lags also raises the chance that a coincidence looks like a link");
        sentence.Should().Contain("the q-value allows for that across every pair and lag on this page");
    }

    [Fact]
    public void VerdictSentence_MovesAsExpectedWithNegativeSign_SaysFallAndLag()
    {
        var sentence = LinkageWording.VerdictSentence(Result(LinkageVerdict.MovesAsExpected, expectedSign: -1, r: -0.7), "NPS", "churn rate");

        sentence.Should().StartWith("When NPS rose, churn rate tended to fall one month later, the direction a healthy link points. " + NotCausation);
    }

    [Fact]
    public void VerdictSentence_MovesOpposite_SaysOpposite()
    {
        var sentence = LinkageWording.VerdictSentence(Result(LinkageVerdict.MovesOpposite, expectedSign: -1, r: 0.7), "NPS", "churn rate");

        sentence.Should().StartWith("When NPS rose, churn rate tended to rise one month later, the opposite of the direction a healthy link points.");
    }

    [Theory]
    [InlineData(LinkageVerdict.NotEnoughHistory, "Not enough history yet to compare NPS and revenue: it takes at least 6 month-over-month changes of both, that is 7 months in a row.")]
    [InlineData(LinkageVerdict.NoVariation, "Nothing to compare yet: NPS or revenue did not change from month to month.")]
    public void VerdictSentence_NoNumbers_SaysWhatIsMissing(LinkageVerdict verdict, string expected)
    {
        LinkageWording.VerdictSentence(Result(verdict, expectedSign: +1, r: null), "NPS", "revenue").Should().Be(expected);
    }

    [Fact]
    public void VerdictSentence_BeforeFalseDiscoveryControl_Throws()
    {
        var act = () => LinkageWording.VerdictSentence(Result(null, expectedSign: +1, r: 0.6), "NPS", "revenue");

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Caveat_OneLag_NoMentionOfLags()
    {
        LinkageWording.Caveat(1).Should().StartWith(NotCausation).And.NotContain("lags");
    }

    private static LagResult Computed(int lag, double r, double slope, double low, double high, int n) =>
        new(lag, n, LagStatus.Computed, r, 0.01, 0.02, new Interval(r - 0.2, r + 0.2), r, slope, (high - low) / 4, new Interval(low, high), 0);

    /// <summary>Four lags; with r given, lag 1 is computed and strongest, the others have too little history.</summary>
    private static LinkageResult Result(LinkageVerdict? verdict, int expectedSign, double? r)
    {
        var lags = Enumerable.Range(0, 4)
            .Select(lag => r is { } value && lag == 1
                ? Computed(lag, value, 10, 5, 15, 20)
                : new LagResult(lag, 5, LagStatus.NotEnoughHistory, null, null, null, null, null, null, null, null, null))
            .ToList();
        return new LinkageResult(expectedSign, lags, r is null ? null : 1, new LevelsCorrelation(1, 21, null), verdict);
    }
}
