using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace CxBridge.Metrics;

/// <summary>
/// Linkage statistics of docs/metrics.md ("Linkage statistics"): does a month-over-month change in a driver (a CX metric or
/// a KPI) go with a change in an outcome in the same month or one to three months later?
/// <para>
/// A department page calls <see cref="Analyse"/> for each of its pairs, then <see cref="ControlFalseDiscovery"/> once
/// with all of the page's results (which fills q-values and verdicts), then <see cref="LinkageWording"/> for the
/// sentences. A series is a month's first day → that month's value; months may be missing.
/// </para>
/// <para>
/// Never NaN or infinite: a number that cannot be computed is null and <see cref="LagResult.Status"/> says why
/// (fewer than <see cref="MinimumPairs"/> pairs → not enough history; all changes equal on one side → no variation).
/// </para>
/// </summary>
public static class LinkageAnalysis
{
    /// <summary>Fewest pairs of changes that get numbers; fewer is "not enough history" (docs/metrics.md: n &lt; 6).</summary>
    public const int MinimumPairs = 6;

    /// <summary>Largest lag: the driver may lead the outcome by 0, 1, 2 or 3 months.</summary>
    public const int MaxLag = 3;

    /// <summary>A pair's strongest lag is a finding when its q is below this.</summary>
    public const double Significance = 0.05;

    private const double Z95 = 1.96;

    /// <summary>
    /// Changes whose standard deviation is at most this share of their largest absolute value are "all equal":
    /// it catches a series that is constant or moves by the same step every month up to rounding (0.3 − 0.2 ≠ 0.2 − 0.1).
    /// </summary>
    private const double NoVariationTolerance = 1e-9;

    /// <summary>
    /// Linkage statistics of driver → outcome for every lag 0..<paramref name="maxLag"/>:
    /// Δx(t) = x(t) − x(t − 1) only where both months have a value (the same for y), and Δx(t) paired with
    /// Δy(t + L) wherever both exist; each lag's numbers as <see cref="AnalysePairs"/>.
    /// Strongest lag: the smallest p among computed lags, ties → the smaller lag; null when no lag is computed.
    /// Levels: Pearson r of x(t) against y(t + L) at the strongest lag, or at lag 0 when there is none
    /// (<see cref="LevelsCorrelation"/>, trend-sensitive); null with fewer than <see cref="MinimumPairs"/> months
    /// or when either side's levels are all equal.
    /// Q-values and the verdict stay null: they need every pair of the page (<see cref="ControlFalseDiscovery"/>).
    /// </summary>
    /// <param name="driver">x: month (the 1st) → value.</param>
    /// <param name="outcome">y: month (the 1st) → value.</param>
    /// <param name="expectedSign">+1 or −1, as <see cref="LinkagePair.ExpectedSign"/>.</param>
    /// <param name="maxLag">Last lag to try, 0..<see cref="MaxLag"/>.</param>
    /// <exception cref="ArgumentException">A key is not the 1st of a month, or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException">expectedSign is not ±1, or maxLag is outside 0..3.</exception>
    public static LinkageResult Analyse(
        IReadOnlyDictionary<DateOnly, double> driver,
        IReadOnlyDictionary<DateOnly, double> outcome,
        int expectedSign,
        int maxLag = MaxLag)
    {
        CheckSeries(driver, nameof(driver));
        CheckSeries(outcome, nameof(outcome));
        if (expectedSign is not (1 or -1))
        {
            throw new ArgumentOutOfRangeException(nameof(expectedSign), expectedSign, "The expected sign is +1 or -1.");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(maxLag);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLag, MaxLag);

        var driverChanges = Changes(driver);
        var outcomeChanges = Changes(outcome);
        var lags = new List<LagResult>();
        for (var lag = 0; lag <= maxLag; lag++)
        {
            var (x, y) = Paired(driverChanges, outcomeChanges, lag);
            lags.Add(AnalysePairs(lag, x, y));
        }

        var strongest = lags
            .Where(result => result.Status == LagStatus.Computed)
            .OrderBy(result => result.P)
            .ThenBy(result => result.Lag)
            .FirstOrDefault();
        var levelsLag = strongest?.Lag ?? 0;
        var (levelsX, levelsY) = Paired(driver, outcome, levelsLag);
        var levelsPearson = levelsX.Count >= MinimumPairs ? Sums.Of(levelsX, levelsY)?.Pearson : null;
        return new LinkageResult(expectedSign, lags, strongest?.Lag, new LevelsCorrelation(levelsLag, levelsX.Count, levelsPearson), null);
    }

    /// <summary>
    /// Statistics of n pairs (x[i], y[i]) — at lag L, the driver's and the outcome's changes — with
    /// Sxx = Σ(x − x̄)², Syy = Σ(y − ȳ)², Sxy = Σ(x − x̄)(y − ȳ):
    /// Pearson r = Sxy/√(Sxx·Syy); p as <see cref="PearsonP"/>; interval as <see cref="FisherInterval95"/>;
    /// Spearman ρ = Pearson r of the ranks (ties get their average rank);
    /// OLS slope b = Sxy/Sxx, intercept ȳ − b·x̄, SE = √((Syy − b·Sxy)/(n − 2)/Sxx) (the residual sum Syy − b·Sxy
    /// computed as Syy·(1 − r²)), interval b ± t(0.975, n − 2)·SE.
    /// n &lt; <see cref="MinimumPairs"/> → <see cref="LagStatus.NotEnoughHistory"/>; either side's values all equal
    /// (standard deviation ≤ 1e-9 of the largest absolute value) → <see cref="LagStatus.NoVariation"/>;
    /// both with every number null. <see cref="LagResult.Q"/> is always null here.
    /// </summary>
    /// <exception cref="ArgumentException">The lists differ in length, or a value is NaN or infinite.</exception>
    public static LagResult AnalysePairs(int lag, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException("Every x needs its y: the lists must have the same length.", nameof(y));
        }

        if (x.Concat(y).Any(value => !double.IsFinite(value)))
        {
            throw new ArgumentException("Values must be finite numbers.", nameof(x));
        }

        var n = x.Count;
        if (n < MinimumPairs)
        {
            return LagResult.Empty(lag, n, LagStatus.NotEnoughHistory);
        }

        if (Sums.Of(x, y) is not { } sums)
        {
            return LagResult.Empty(lag, n, LagStatus.NoVariation);
        }

        // The sums are of scaled values (see Sums); ScaleY/ScaleX turns the slope and its SE back into outcome units per driver unit.
        // Residual sum of squares Syy − b·Sxy = Syy·(1 − r²): never negative, and exactly 0 when |r| = 1.
        var r = sums.Pearson;
        var unit = sums.ScaleY / sums.ScaleX;
        var slope = sums.Sxy / sums.Sxx * unit;
        var residual = sums.Syy * (1 - (r * r));
        var standardError = unit * Math.Sqrt(residual / (n - 2) / sums.Sxx);
        var halfWidth = StudentT.InvCDF(0, 1, n - 2, 0.975) * standardError;
        var intercept = sums.ScaleY * (sums.MeanY - (sums.Sxy / sums.Sxx * sums.MeanX));
        var spearman = Sums.Of(x.Ranks(RankDefinition.Average), y.Ranks(RankDefinition.Average))?.Pearson;
        return new LagResult(
            lag,
            n,
            LagStatus.Computed,
            r,
            PearsonP(r, n),
            null,
            FisherInterval95(r, n),
            spearman,
            slope,
            standardError,
            new Interval(slope - halfWidth, slope + halfWidth),
            intercept);
    }

    /// <summary>
    /// Two-sided p of Pearson r over n pairs: t = r·√((n − 2)/(1 − r²)) against Student t with n − 2 degrees of
    /// freedom, p = 2·P(T ≤ −|t|). |r| = 1 (t would be infinite) → 0. Null when n &lt; 3 (no degrees of freedom).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">r is not in [−1, 1].</exception>
    public static double? PearsonP(double r, int n)
    {
        CheckCorrelation(r);
        if (n < 3)
        {
            return null;
        }

        if (Math.Abs(r) == 1)
        {
            return 0;
        }

        var t = r * Math.Sqrt((n - 2) / (1 - (r * r)));
        return 2 * StudentT.CDF(0, 1, n - 2, -Math.Abs(t));
    }

    /// <summary>
    /// Plain Fisher z 95% interval of Pearson r over n pairs, as docs/metrics.md: tanh(atanh r ± 1.96/√(n − 3)), with no
    /// bias adjustment (r = 0.536, n = 50 → 0.303 … 0.709). |r| = 1 → [r, r] (atanh would be infinite).
    /// Null when n ≤ 3.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">r is not in [−1, 1].</exception>
    public static Interval? FisherInterval95(double r, int n)
    {
        CheckCorrelation(r);
        if (n <= 3)
        {
            return null;
        }

        if (Math.Abs(r) == 1)
        {
            return new Interval(r, r);
        }

        var z = Math.Atanh(r);
        var halfWidth = Z95 / Math.Sqrt(n - 3);
        return new Interval(Math.Tanh(z - halfWidth), Math.Tanh(z + halfWidth));
    }

    /// <summary>
    /// False-discovery control across a page: Benjamini–Hochberg (<see cref="FalseDiscovery.BenjaminiHochberg"/>) over
    /// the p of every lag that has one, in every result, together. Returns the results in the same order with each
    /// such lag's <see cref="LagResult.Q"/> filled and a <see cref="LinkageResult.Verdict"/>:
    /// no computed lag → <see cref="LinkageVerdict.NoVariation"/> when some lag had enough pairs but no variation,
    /// else <see cref="LinkageVerdict.NotEnoughHistory"/>; q ≥ 0.05 at the strongest lag →
    /// <see cref="LinkageVerdict.NoEvidenceYet"/>; otherwise <see cref="LinkageVerdict.MovesAsExpected"/> when the
    /// sign of r there is the expected sign, <see cref="LinkageVerdict.MovesOpposite"/> when not.
    /// The strongest lag has the smallest p of its pair, hence the smallest q. Q-values already present are replaced.
    /// </summary>
    public static IReadOnlyList<LinkageResult> ControlFalseDiscovery(IReadOnlyList<LinkageResult> page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var p = page.SelectMany(result => result.Lags).Where(lag => lag.P is not null).Select(lag => lag.P!.Value).ToList();
        var q = FalseDiscovery.BenjaminiHochberg(p);
        var next = 0;
        var controlled = new List<LinkageResult>();
        foreach (var result in page)
        {
            var lags = new List<LagResult>();
            foreach (var lag in result.Lags)
            {
                lags.Add(lag.P is null ? lag : lag with { Q = q[next++] });
            }

            var withQ = result with { Lags = lags };
            controlled.Add(withQ with { Verdict = Judge(withQ) });
        }

        return controlled;
    }

    private static LinkageVerdict Judge(LinkageResult result)
    {
        if (result.Strongest is not { Pearson: { } r, Q: { } q })
        {
            return result.Lags.Any(lag => lag.Status == LagStatus.NoVariation) ? LinkageVerdict.NoVariation : LinkageVerdict.NotEnoughHistory;
        }

        if (q >= Significance)
        {
            return LinkageVerdict.NoEvidenceYet;
        }

        return Math.Sign(r) == result.ExpectedSign ? LinkageVerdict.MovesAsExpected : LinkageVerdict.MovesOpposite;
    }

    /// <summary>
    /// The pairs of changes a lag's statistics are computed from, in month order: the driver's change in month t (since
    /// t − 1) and the outcome's change in month t + <paramref name="lag"/>, wherever both exist — what a scatter draws.
    /// </summary>
    public static IReadOnlyList<(DateOnly Month, double DriverChange, double OutcomeChange)> ChangePairs(
        IReadOnlyDictionary<DateOnly, double> driver, IReadOnlyDictionary<DateOnly, double> outcome, int lag)
    {
        var dx = Changes(driver);
        var dy = Changes(outcome);
        return dx.Keys.Order()
            .Where(month => dy.ContainsKey(month.AddMonths(lag)))
            .Select(month => (month, dx[month], dy[month.AddMonths(lag)]))
            .ToList();
    }

    /// <summary>Month → change since the previous month, for every month whose previous month also has a value.</summary>
    private static Dictionary<DateOnly, double> Changes(IReadOnlyDictionary<DateOnly, double> series)
    {
        var changes = new Dictionary<DateOnly, double>();
        foreach (var (month, value) in series)
        {
            if (series.TryGetValue(month.AddMonths(-1), out var previous))
            {
                changes[month] = value - previous;
            }
        }

        return changes;
    }

    /// <summary>x(t) with y(t + lag) for every month t, in month order, where both exist.</summary>
    private static (List<double> X, List<double> Y) Paired(
        IReadOnlyDictionary<DateOnly, double> x,
        IReadOnlyDictionary<DateOnly, double> y,
        int lag)
    {
        var pairedX = new List<double>();
        var pairedY = new List<double>();
        foreach (var month in x.Keys.Order())
        {
            if (y.TryGetValue(month.AddMonths(lag), out var later))
            {
                pairedX.Add(x[month]);
                pairedY.Add(later);
            }
        }

        return (pairedX, pairedY);
    }

    private static void CheckSeries(IReadOnlyDictionary<DateOnly, double> series, string name)
    {
        ArgumentNullException.ThrowIfNull(series, name);
        if (series.Keys.Any(month => month.Day != 1))
        {
            throw new ArgumentException("A monthly series is keyed by the 1st of each month.", name);
        }

        if (series.Values.Any(value => !double.IsFinite(value)))
        {
            throw new ArgumentException("Values must be finite numbers.", name);
        }
    }

    private static void CheckCorrelation(double r)
    {
        if (!(r is >= -1 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(r), r, "A correlation is between -1 and 1.");
        }
    }

    /// <summary>
    /// Means and centred sums of paired values. Each side is first divided by its largest absolute value (ScaleX, ScaleY),
    /// so the sums stay finite and nonzero whatever the unit (revenue in the billions, rates in thousandths); r does not
    /// change, and slopes are scaled back by ScaleY/ScaleX. Null when either side does not vary.
    /// </summary>
    private sealed record Sums(double ScaleX, double ScaleY, double MeanX, double MeanY, double Sxx, double Syy, double Sxy)
    {
        /// <summary>Sxy/√(Sxx·Syy), clamped to [−1, 1] against rounding.</summary>
        public double Pearson => Math.Clamp(Sxy / Math.Sqrt(Sxx * Syy), -1, 1);

        public static Sums? Of(IReadOnlyList<double> x, IReadOnlyList<double> y)
        {
            var scaleX = x.Max(Math.Abs);
            var scaleY = y.Max(Math.Abs);
            if (scaleX == 0 || scaleY == 0)
            {
                return null;
            }

            var scaledX = x.Select(value => value / scaleX).ToArray();
            var scaledY = y.Select(value => value / scaleY).ToArray();
            var meanX = scaledX.Average();
            var meanY = scaledY.Average();
            double sxx = 0, syy = 0, sxy = 0;
            for (var i = 0; i < scaledX.Length; i++)
            {
                sxx += (scaledX[i] - meanX) * (scaledX[i] - meanX);
                syy += (scaledY[i] - meanY) * (scaledY[i] - meanY);
                sxy += (scaledX[i] - meanX) * (scaledY[i] - meanY);
            }

            // Scaled values are at most 1 in size, so a standard deviation below the tolerance means "all equal".
            var n = scaledX.Length;
            if (Math.Sqrt(sxx / n) <= NoVariationTolerance || Math.Sqrt(syy / n) <= NoVariationTolerance)
            {
                return null;
            }

            return new Sums(scaleX, scaleY, meanX, meanY, sxx, syy, sxy);
        }
    }
}
