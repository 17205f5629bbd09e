namespace CxBridge.Metrics;

/// <summary>Retention and churn of a <see cref="CustomerAggregate"/> (docs/metrics.md, Customer metrics).</summary>
public static class CustomerMetric
{
    /// <summary>
    /// Retention rate: value = 100·(S − L_S)/S, the share of the start cohort still a customer at period end; n = S;
    /// value and interval null when S = 0; low/high = <see cref="Proportion.AdjustedWald95"/> on (S − L_S) of S;
    /// lowSample = 0 &lt; n &lt; SmallSampleThreshold. Detail: start, lost_from_start, retained (counts).
    /// </summary>
    /// <exception cref="ArgumentException">Counts that are negative or inconsistent (see <see cref="CustomerAggregate"/>).</exception>
    public static MetricPoint Retention(DateOnly period, CustomerAggregate aggregate, MetricSettings settings)
    {
        Check(aggregate);
        var retained = aggregate.Start - aggregate.LostFromStart;
        var detail = new Dictionary<string, double?>
        {
            ["start"] = aggregate.Start,
            ["lost_from_start"] = aggregate.LostFromStart,
            ["retained"] = retained,
        };
        return RatePoint.Of(period, retained, aggregate.Start, settings, detail);
    }

    /// <summary>
    /// Churn rate on <paramref name="basis"/>: <see cref="ChurnBasis.Start"/> 100·L_S/S with n = S (the complement of
    /// retention); <see cref="ChurnBasis.Period"/> 100·L/(S + N) with n = S + N. Value and interval null when n = 0;
    /// low/high = <see cref="Proportion.AdjustedWald95"/> on the same counts; lowSample = 0 &lt; n &lt; SmallSampleThreshold.
    /// Detail: start, new, lost, lost_from_start (counts), basis (0 = start, 1 = period). Not annualized: the period's
    /// length is the caller's; see <see cref="Annualize"/> for a monthly rate.
    /// </summary>
    /// <exception cref="ArgumentException">Counts that are negative or inconsistent (see <see cref="CustomerAggregate"/>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">Unknown basis.</exception>
    public static MetricPoint Churn(DateOnly period, CustomerAggregate aggregate, ChurnBasis basis, MetricSettings settings)
    {
        Check(aggregate);
        var (lost, n) = basis switch
        {
            ChurnBasis.Start => (aggregate.LostFromStart, aggregate.Start),
            ChurnBasis.Period => (aggregate.Lost, aggregate.Start + aggregate.New),
            _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown churn basis."),
        };
        var detail = new Dictionary<string, double?>
        {
            ["start"] = aggregate.Start,
            ["new"] = aggregate.New,
            ["lost"] = aggregate.Lost,
            ["lost_from_start"] = aggregate.LostFromStart,
            ["basis"] = basis == ChurnBasis.Start ? 0 : 1,
        };
        return RatePoint.Of(period, lost, n, settings, detail);
    }

    /// <summary>Churn rate on the organisation's basis, <see cref="MetricSettings.ChurnBasis"/> (default start); as the overload with a basis.</summary>
    public static MetricPoint Churn(DateOnly period, CustomerAggregate aggregate, MetricSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Churn(period, aggregate, settings.ChurnBasis, settings);
    }

    /// <summary>
    /// A monthly churn rate m (percent, 0–100) as a yearly figure, in percent: 100·(1 − (1 − m/100)¹²);
    /// 2% a month → 21.53% a year.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rate is not in 0..100 (or is NaN).</exception>
    public static double Annualize(double monthlyRatePercent)
    {
        if (!(monthlyRatePercent is >= 0 and <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(monthlyRatePercent), monthlyRatePercent, "A monthly rate is a percentage from 0 to 100.");
        }

        return 100 * (1 - Math.Pow(1 - (monthlyRatePercent / 100), 12));
    }

    private static void Check(CustomerAggregate aggregate)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        var (s, n, ls, l) = (aggregate.Start, aggregate.New, aggregate.LostFromStart, aggregate.Lost);
        if (s < 0 || n < 0 || ls < 0 || l < 0)
        {
            throw new ArgumentException($"Customer counts cannot be negative: {aggregate}.", nameof(aggregate));
        }

        if (ls > s || ls > l || l > (long)s + n)
        {
            throw new ArgumentException(
                $"Inconsistent customer counts {aggregate}: expected L_S ≤ S and L_S ≤ L ≤ S + N.", nameof(aggregate));
        }
    }
}
