using System.Globalization;

namespace CxBridge.Metrics;

/// <summary>
/// Plain-language sentences about linkage results for a department head (plain text, no markup). Names are the
/// caller's display names ("NPS", "revenue") and appear mid-sentence as given.
/// </summary>
public static class LinkageWording
{
    private static readonly string[] Numbers = ["zero", "one", "two", "three", "four"];

    /// <summary>
    /// The caveat every verdict with numbers carries: correlation is not causation, and trying several lags raises the
    /// chance of a false positive, which the q-value allows for across the page. With four lags: "Correlation is not
    /// causation: something else may move both. Trying four lags also raises the chance that a coincidence looks like
    /// a link; the q-value allows for that across every pair and lag on this page."
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">lagsTried is outside 1..4.</exception>
    public static string Caveat(int lagsTried)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lagsTried, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(lagsTried, LinkageAnalysis.MaxLag + 1);
        const string NotCausation = "Correlation is not causation: something else may move both.";
        return lagsTried == 1
            ? $"{NotCausation} Testing many pairs raises the chance that a coincidence looks like a link; the q-value allows for that across every pair on this page."
            : $"{NotCausation} Trying {Numbers[lagsTried]} lags also raises the chance that a coincidence looks like a link; the q-value allows for that across every pair and lag on this page.";
    }

    /// <summary>
    /// One sentence for the pair's <see cref="LinkageResult.Verdict"/>, e.g. for <see cref="LinkageVerdict.MovesAsExpected"/>
    /// with r &gt; 0 at lag 1: "When NPS rose, revenue tended to rise one month later, the direction a healthy link
    /// points." The verdicts with numbers (moves as expected, moves opposite, no evidence yet) end with
    /// <see cref="Caveat"/> for the number of lags tried; not enough history and no variation say what is missing instead.
    /// </summary>
    /// <exception cref="ArgumentException">The result has no verdict yet (call <see cref="LinkageAnalysis.ControlFalseDiscovery"/> first).</exception>
    public static string VerdictSentence(LinkageResult result, string driverName, string outcomeName)
    {
        ArgumentNullException.ThrowIfNull(result);
        var caveat = Caveat(result.Lags.Count);
        return result.Verdict switch
        {
            LinkageVerdict.MovesAsExpected =>
                $"When {driverName} rose, {outcomeName} tended to {Movement(result)} {LagPhrase(result.StrongestLag!.Value)}, the direction a healthy link points. {caveat}",
            LinkageVerdict.MovesOpposite =>
                $"When {driverName} rose, {outcomeName} tended to {Movement(result)} {LagPhrase(result.StrongestLag!.Value)}, the opposite of the direction a healthy link points. {caveat}",
            LinkageVerdict.NoEvidenceYet =>
                $"No clear link yet between changes in {driverName} and changes in {outcomeName}, {LagRange(result.Lags.Count)}. {caveat}",
            LinkageVerdict.NotEnoughHistory =>
                $"Not enough history yet to compare {driverName} and {outcomeName}: it takes at least {LinkageAnalysis.MinimumPairs} month-over-month changes of both, that is {LinkageAnalysis.MinimumPairs + 1} months in a row.",
            LinkageVerdict.NoVariation =>
                $"Nothing to compare yet: {driverName} or {outcomeName} did not change from month to month.",
            null => throw new ArgumentException("The result has no verdict yet; call LinkageAnalysis.ControlFalseDiscovery first.", nameof(result)),
            _ => throw new ArgumentOutOfRangeException(nameof(result), result.Verdict, "Unknown verdict."),
        };
    }

    /// <summary>
    /// What one point of the driver is worth in the outcome, from a lag's OLS slope (normally
    /// <see cref="LinkageResult.Strongest"/>): "Months when NPS rose one point saw revenue change by +$41k on average
    /// one month later (95% CI +$12k to +$70k, n = 21)." The lag reads "in the same month", "one month later", "two
    /// months later" or "three months later". <paramref name="formatOutcome"/> formats a size (always ≥ 0) in the
    /// outcome's unit (e.g. 41000 → "$41k"); the sentence adds + or − (nothing for 0).
    /// <paramref name="driverUnit"/> names one step of the driver ("point"; "hour" for resolution time).
    /// Null when the lag is null or has no numbers.
    /// </summary>
    public static string? PointWorth(
        LagResult? lag,
        string driverName,
        string outcomeName,
        Func<double, string> formatOutcome,
        string driverUnit = "point")
    {
        ArgumentNullException.ThrowIfNull(formatOutcome);
        if (lag is not { Status: LagStatus.Computed, Slope: { } slope, SlopeInterval95: { } interval })
        {
            return null;
        }

        string Signed(double value) => value switch
        {
            > 0 => "+" + formatOutcome(value),
            < 0 => "−" + formatOutcome(-value),
            _ => formatOutcome(0),
        };

        var n = lag.N.ToString(CultureInfo.InvariantCulture);
        return $"Months when {driverName} rose one {driverUnit} saw {outcomeName} change by {Signed(slope)} on average "
            + $"{LagPhrase(lag.Lag)} (95% CI {Signed(interval.Low)} to {Signed(interval.High)}, n = {n}).";
    }

    /// <summary>"in the same month", "one month later", "two months later", "three months later".</summary>
    /// <exception cref="ArgumentOutOfRangeException">lag is outside 0..3.</exception>
    public static string LagPhrase(int lag) => lag switch
    {
        0 => "in the same month",
        1 => "one month later",
        2 or 3 => $"{Numbers[lag]} months later",
        _ => throw new ArgumentOutOfRangeException(nameof(lag), lag, "Lags run from 0 to 3."),
    };

    private static string Movement(LinkageResult result) => result.Strongest!.Pearson > 0 ? "rise" : "fall";

    private static string LagRange(int lagsTried) => lagsTried switch
    {
        1 => "in the same month",
        2 => "in the same month or one month later",
        _ => $"in the same month or up to {Numbers[lagsTried - 1]} months later",
    };
}
