namespace CxBridge.Metrics;

/// <summary>
/// What SQL returns for the CLV of the period ending at e, over the trailing twelve months W = [e − 12 months, e)
/// (docs/metrics.md, CLV): <see cref="Revenue"/> and <see cref="Orders"/> in W; <see cref="Customers"/> = distinct
/// purchasing customers in W; <see cref="StartCustomers"/> = S, customers active at W's start;
/// <see cref="LostFromStart"/> = L_S, customers of S whose <c>ended_at</c> is before e.
/// </summary>
public sealed record ClvInputs(decimal Revenue, int Orders, int Customers, int StartCustomers, int LostFromStart)
{
    /// <summary>No orders and no customers.</summary>
    public static ClvInputs Empty { get; } = new(0m, 0, 0, 0, 0);
}

/// <summary>Customer lifetime value (docs/metrics.md, CLV), in the currency of the orders.</summary>
public static class Clv
{
    /// <summary>
    /// CLV = average purchase value × purchase frequency × lifespan × gross margin, where average purchase value =
    /// revenue/orders, purchase frequency = orders/customers (orders per purchasing customer per year, W being twelve
    /// months), lifespan (years) = 1/yearly churn with yearly churn = L_S/S (start basis over W), capped at
    /// <paramref name="maxLifespanYears"/>; the cap is also the lifespan when L_S = 0 or S = 0.
    /// n = Customers; value null when n = 0; lowSample = 0 &lt; n &lt; SmallSampleThreshold; no interval (low/high null).
    /// Detail: average_purchase_value and purchase_frequency (null when n = 0), lifespan_years, gross_margin,
    /// yearly_churn_pct (100·L_S/S, null when S = 0), revenue, orders, start_customers, lost_from_start.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Negative counts, L_S &gt; S, more purchasing customers than orders, or orders without customers (or customers without orders).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">Gross margin outside 0..1, or a maximum lifespan that is not a positive finite number.</exception>
    public static MetricPoint Evaluate(DateOnly period, ClvInputs inputs, double grossMargin, double maxLifespanYears, MetricSettings settings)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(settings);
        CheckMargin(grossMargin);
        if (!(maxLifespanYears > 0) || double.IsInfinity(maxLifespanYears))
        {
            throw new ArgumentOutOfRangeException(nameof(maxLifespanYears), maxLifespanYears, "The maximum lifespan is a positive number of years.");
        }

        Check(inputs);
        var n = inputs.Customers;
        var (s, lost) = (inputs.StartCustomers, inputs.LostFromStart);
        var lifespan = lost == 0 ? maxLifespanYears : Math.Min((double)s / lost, maxLifespanYears);
        double? averagePurchaseValue = n == 0 ? null : (double)(inputs.Revenue / inputs.Orders);
        double? purchaseFrequency = n == 0 ? null : (double)inputs.Orders / n;
        var value = averagePurchaseValue * purchaseFrequency * lifespan * grossMargin;
        var detail = new Dictionary<string, double?>
        {
            ["average_purchase_value"] = averagePurchaseValue,
            ["purchase_frequency"] = purchaseFrequency,
            ["lifespan_years"] = lifespan,
            ["gross_margin"] = grossMargin,
            ["yearly_churn_pct"] = RatePoint.Percent(lost, s),
            ["revenue"] = (double)inputs.Revenue,
            ["orders"] = inputs.Orders,
            ["start_customers"] = s,
            ["lost_from_start"] = lost,
        };
        return new MetricPoint(period, value, n, null, null, RatePoint.IsLowSample(n, settings), Suppressed: false, detail);
    }

    /// <summary>
    /// As the overload with explicit parameters, with <see cref="MetricSettings.ClvGrossMargin"/> (default 1.0) and
    /// <see cref="MetricSettings.ClvMaxLifespanYears"/> (default 10).
    /// </summary>
    public static MetricPoint Evaluate(DateOnly period, ClvInputs inputs, MetricSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Evaluate(period, inputs, settings.ClvGrossMargin, settings.ClvMaxLifespanYears, settings);
    }

    /// <summary>
    /// The seed formula: average order × orders per year × lifespan in years × gross margin
    /// ($300 × 5 × 2 = $3,000).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Negative orders per year or lifespan, or a gross margin outside 0..1.</exception>
    public static double Simple(double averageOrder, double ordersPerYear, double lifespanYears, double grossMargin = 1)
    {
        if (!(ordersPerYear >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ordersPerYear), ordersPerYear, "Orders per year cannot be negative.");
        }

        if (!(lifespanYears >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(lifespanYears), lifespanYears, "A lifespan cannot be negative.");
        }

        CheckMargin(grossMargin);
        return averageOrder * ordersPerYear * lifespanYears * grossMargin;
    }

    /// <summary>
    /// The subscription form: monthly revenue × gross margin ÷ monthly churn, churn and margin as fractions
    /// ($250 × 0.65 ÷ 0.04 = $4,062.50).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Monthly churn not in (0, 1], or a gross margin outside 0..1.</exception>
    public static double Subscription(double monthlyRevenue, double grossMargin, double monthlyChurn)
    {
        CheckMargin(grossMargin);
        if (!(monthlyChurn is > 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(monthlyChurn), monthlyChurn, "Monthly churn is a fraction greater than 0 and at most 1.");
        }

        return monthlyRevenue * grossMargin / monthlyChurn;
    }

    private static void CheckMargin(double grossMargin)
    {
        if (!(grossMargin is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(grossMargin), grossMargin, "Gross margin is a fraction from 0 to 1.");
        }
    }

    private static void Check(ClvInputs inputs)
    {
        if (inputs.Orders < 0 || inputs.Customers < 0 || inputs.StartCustomers < 0 || inputs.LostFromStart < 0)
        {
            throw new ArgumentException($"CLV counts cannot be negative: {inputs}.", nameof(inputs));
        }

        if (inputs.LostFromStart > inputs.StartCustomers)
        {
            throw new ArgumentException($"More customers lost than there were at the start: {inputs}.", nameof(inputs));
        }

        if (inputs.Customers > inputs.Orders || (inputs.Customers == 0) != (inputs.Orders == 0))
        {
            throw new ArgumentException(
                $"Every purchasing customer has at least one order and every order a customer: {inputs}.", nameof(inputs));
        }
    }
}
