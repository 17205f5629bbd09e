namespace CxBridge.Metrics;

/// <summary>Whether a lag has numbers (docs/metrics.md, Linkage statistics), and if not, why.</summary>
public enum LagStatus
{
    /// <summary>At least <see cref="LinkageAnalysis.MinimumPairs"/> pairs and both sides vary: every number is filled.</summary>
    Computed,

    /// <summary>Fewer than <see cref="LinkageAnalysis.MinimumPairs"/> pairs of changes: no numbers ("not enough history").</summary>
    NotEnoughHistory,

    /// <summary>Enough pairs, but the driver's or the outcome's changes are all equal: no numbers ("no variation").</summary>
    NoVariation,
}

/// <summary>What a pair's statistics say, for the department page (see <see cref="LinkageAnalysis.ControlFalseDiscovery"/>).</summary>
public enum LinkageVerdict
{
    /// <summary>At the strongest lag q &lt; 0.05 and the sign of r is the expected sign.</summary>
    MovesAsExpected,

    /// <summary>At the strongest lag q &lt; 0.05 and the sign of r is opposite to the expected sign.</summary>
    MovesOpposite,

    /// <summary>At least one lag has numbers, but q ≥ 0.05 at the strongest lag (the smallest q of the pair).</summary>
    NoEvidenceYet,

    /// <summary>No lag has <see cref="LinkageAnalysis.MinimumPairs"/> pairs of changes.</summary>
    NotEnoughHistory,

    /// <summary>Some lag has enough pairs, but at every such lag one side's changes are all equal.</summary>
    NoVariation,
}

/// <summary>
/// Statistics of one lag L: the driver's change in month t paired with the outcome's change in month t + L
/// (see <see cref="LinkageAnalysis.AnalysePairs"/> for each formula). <see cref="N"/> is the number of pairs.
/// Every number is null unless <see cref="Status"/> is <see cref="LagStatus.Computed"/>; <see cref="Q"/> is null
/// until <see cref="LinkageAnalysis.ControlFalseDiscovery"/> fills it. No number is ever NaN or infinite.
/// </summary>
/// <param name="Lag">Months by which the driver leads the outcome, 0..3.</param>
/// <param name="N">Pairs of month-over-month changes.</param>
/// <param name="Status">Whether the numbers exist, and if not, why.</param>
/// <param name="Pearson">Pearson r of the changes, −1..1.</param>
/// <param name="P">Two-sided p of r from the t test with n − 2 degrees of freedom.</param>
/// <param name="Q">Benjamini–Hochberg q of <paramref name="P"/> across every pair and lag of the page.</param>
/// <param name="PearsonInterval95">Plain Fisher z 95% interval of r.</param>
/// <param name="Spearman">Spearman ρ of the changes (average ranks for ties).</param>
/// <param name="Slope">OLS slope of the outcome's change on the driver's change, in outcome units per driver unit.</param>
/// <param name="SlopeStandardError">Standard error of <paramref name="Slope"/>.</param>
/// <param name="SlopeInterval95">Slope ± t(0.975, n − 2)·SE.</param>
/// <param name="Intercept">OLS intercept: the outcome's average change in a month when the driver did not change.</param>
public sealed record LagResult(
    int Lag,
    int N,
    LagStatus Status,
    double? Pearson,
    double? P,
    double? Q,
    Interval? PearsonInterval95,
    double? Spearman,
    double? Slope,
    double? SlopeStandardError,
    Interval? SlopeInterval95,
    double? Intercept)
{
    /// <summary>A lag with no numbers, for the given reason.</summary>
    internal static LagResult Empty(int lag, int n, LagStatus status) =>
        new(lag, n, status, null, null, null, null, null, null, null, null, null);
}

/// <summary>
/// Pearson r of the monthly levels (not their changes): the driver in month t against the outcome in month t + Lag.
/// Trend-sensitive: two series that both grow over time correlate strongly even when unrelated, so a page shows it
/// only labelled as such, next to the statistics of the changes. <see cref="Pearson"/> is null with fewer than
/// <see cref="LinkageAnalysis.MinimumPairs"/> month pairs or when either side's levels are all equal.
/// </summary>
/// <param name="Lag">The pair's strongest lag, or 0 when it has none.</param>
/// <param name="N">Months with both levels (driver in t, outcome in t + Lag).</param>
/// <param name="Pearson">Pearson r of the levels, −1..1, or null.</param>
public sealed record LevelsCorrelation(int Lag, int N, double? Pearson);

/// <summary>
/// Linkage statistics of one pair (driver → outcome) from <see cref="LinkageAnalysis.Analyse"/>.
/// <see cref="Verdict"/> and every lag's <see cref="LagResult.Q"/> are null until
/// <see cref="LinkageAnalysis.ControlFalseDiscovery"/> has seen every pair of the page.
/// </summary>
/// <param name="ExpectedSign">+1 or −1: the sign of r when things are healthy (<see cref="LinkagePair.ExpectedSign"/>).</param>
/// <param name="Lags">One result per lag, 0..maxLag, in that order (<c>Lags[L].Lag == L</c>).</param>
/// <param name="StrongestLag">The lag with the smallest p among computed lags (ties → the smaller lag); null when none is computed.</param>
/// <param name="TrendSensitiveLevels">Correlation of the levels at the strongest lag (0 when none); trend-sensitive.</param>
/// <param name="Verdict">What the pair's statistics say; null until false-discovery control.</param>
public sealed record LinkageResult(
    int ExpectedSign,
    IReadOnlyList<LagResult> Lags,
    int? StrongestLag,
    LevelsCorrelation TrendSensitiveLevels,
    LinkageVerdict? Verdict)
{
    /// <summary>The result at <see cref="StrongestLag"/>, or null when no lag is computed.</summary>
    public LagResult? Strongest => StrongestLag is { } lag ? Lags[lag] : null;
}
