using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class ClvTests
{
    private static readonly DateOnly Period = new(2025, 3, 1);

    [Fact]
    public void Simple_300Times5Times2_3000()
    {
        // docs/metrics.md CLV seed formula; exact.
        Clv.Simple(300, 5, 2).Should().Be(3000, because: "input $300 × 5 orders a year × 2 years");
    }

    [Fact]
    public void Simple_GrossMargin_Applied()
    {
        // Exact: 3000 × 0.5.
        Clv.Simple(300, 5, 2, grossMargin: 0.5).Should().Be(1500, because: "input 300, 5, 2, margin 0.5");
    }

    [Fact]
    public void Subscription_250At65PercentOver4PercentChurn_4062Point50()
    {
        // docs/metrics.md CLV subscription form; exact to the cent (1e-9: 0.65 and 0.04 are not exact binary fractions).
        Clv.Subscription(250, 0.65, 0.04).Should().BeApproximately(4062.50, 1e-9, because: "input $250 × 65% ÷ 4%");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Subscription_ChurnOutsideZeroToOne_Throws(double churn)
    {
        var act = () => Clv.Subscription(250, 0.65, churn);

        act.Should().Throw<ArgumentOutOfRangeException>(because: $"input churn {churn}");
    }

    [Fact]
    public void Evaluate_SeedFormulaThroughAggregates_3000()
    {
        // Exact: 500 orders worth $150,000 from 100 customers → $300 × 5; S 100, L_S 50 → yearly churn 50% → 2 years.
        var inputs = new ClvInputs(Revenue: 150_000m, Orders: 500, Customers: 100, StartCustomers: 100, LostFromStart: 50);

        var point = Clv.Evaluate(Period, inputs, grossMargin: 1, maxLifespanYears: 10, new MetricSettings());

        point.Value.Should().Be(3000, because: $"input {inputs}");
        point.N.Should().Be(100);
        point.Low.Should().BeNull();
        point.High.Should().BeNull();
        point.Detail["average_purchase_value"].Should().Be(300);
        point.Detail["purchase_frequency"].Should().Be(5);
        point.Detail["lifespan_years"].Should().Be(2);
        point.Detail["gross_margin"].Should().Be(1);
        point.Detail["yearly_churn_pct"].Should().Be(50);
        point.Detail["revenue"].Should().Be(150_000);
        point.Detail["orders"].Should().Be(500);
    }

    [Fact]
    public void Evaluate_TwentyOfHundredLeft_LifespanFive()
    {
        // Exact: yearly churn 20/100 = 20% → lifespan 5; $300 × 5 × 5 × 0.6 = $4,500.
        var inputs = new ClvInputs(150_000m, 500, 100, StartCustomers: 100, LostFromStart: 20);

        var point = Clv.Evaluate(Period, inputs, grossMargin: 0.6, maxLifespanYears: 10, new MetricSettings());

        point.Detail["yearly_churn_pct"].Should().Be(20, because: $"input {inputs}");
        point.Detail["lifespan_years"].Should().Be(5, because: $"input {inputs}");
        point.Detail["gross_margin"].Should().Be(0.6);
        point.Value.Should().BeApproximately(4500, 1e-9, because: $"input {inputs}");
    }

    [Fact]
    public void Evaluate_NoCustomerLeft_LifespanIsCap()
    {
        // Exact: L_S = 0 → lifespan = cap 10; $300 × 5 × 10 = $15,000.
        var inputs = new ClvInputs(150_000m, 500, 100, StartCustomers: 100, LostFromStart: 0);

        var point = Clv.Evaluate(Period, inputs, grossMargin: 1, maxLifespanYears: 10, new MetricSettings());

        point.Detail["yearly_churn_pct"].Should().Be(0, because: $"input {inputs}");
        point.Detail["lifespan_years"].Should().Be(10, because: $"input {inputs}");
        point.Value.Should().Be(15_000, because: $"input {inputs}");
    }

    [Fact]
    public void Evaluate_NoStartCustomers_LifespanIsCapChurnNull()
    {
        // Exact: S = 0 (a business younger than W) → lifespan = cap; yearly churn undefined.
        var inputs = new ClvInputs(150_000m, 500, 100, StartCustomers: 0, LostFromStart: 0);

        var point = Clv.Evaluate(Period, inputs, grossMargin: 1, maxLifespanYears: 10, new MetricSettings());

        point.Detail["lifespan_years"].Should().Be(10, because: $"input {inputs}");
        point.Detail["yearly_churn_pct"].Should().BeNull(because: $"input {inputs}");
        point.Value.Should().Be(15_000);
    }

    [Fact]
    public void Evaluate_LowChurn_CappedAtMaxLifespan()
    {
        // Exact: 1 of 100 left → 1/0.01 = 100 years, capped at 10.
        var inputs = new ClvInputs(150_000m, 500, 100, StartCustomers: 100, LostFromStart: 1);

        var point = Clv.Evaluate(Period, inputs, grossMargin: 1, maxLifespanYears: 10, new MetricSettings());

        point.Detail["lifespan_years"].Should().Be(10, because: $"input {inputs}");
        point.Detail["yearly_churn_pct"].Should().Be(1);
    }

    [Fact]
    public void Evaluate_SettingsOverload_UsesClvSettings()
    {
        // Exact: margin 0.5 and cap 4 from settings; no churn → 4 years; $300 × 5 × 4 × 0.5 = $3,000.
        var settings = new MetricSettings { ClvGrossMargin = 0.5, ClvMaxLifespanYears = 4 };
        var inputs = new ClvInputs(150_000m, 500, 100, 100, 0);

        var point = Clv.Evaluate(Period, inputs, settings);

        point.Value.Should().Be(3000, because: $"input {inputs}, margin 0.5, cap 4");
        point.Detail["lifespan_years"].Should().Be(4);
    }

    [Fact]
    public void Settings_ClvDefaults_MarginOneCapTen()
    {
        var settings = new MetricSettings();

        settings.ClvGrossMargin.Should().Be(1.0);
        settings.ClvMaxLifespanYears.Should().Be(10);
    }

    [Fact]
    public void Evaluate_NoPurchasingCustomers_NullValueNotZero()
    {
        var point = Clv.Evaluate(Period, ClvInputs.Empty, new MetricSettings());

        point.N.Should().Be(0);
        point.Value.Should().BeNull(because: "input no orders, no customers");
        point.LowSample.Should().BeFalse();
        point.Detail["average_purchase_value"].Should().BeNull();
        point.Detail["purchase_frequency"].Should().BeNull();
        point.Detail["orders"].Should().Be(0, because: "counts stay counts");
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, false)]
    public void Evaluate_FewPurchasingCustomers_LowSample(int customers, bool expected)
    {
        var inputs = new ClvInputs(1000m, customers, customers, 100, 10);

        Clv.Evaluate(Period, inputs, new MetricSettings()).LowSample.Should().Be(expected, because: $"input {inputs}");
    }

    [Theory]
    [InlineData(10, 20, 100, 10)] // more customers than orders
    [InlineData(10, 0, 100, 10)] // orders without customers
    [InlineData(10, 5, 10, 11)] // L_S > S
    [InlineData(-1, 0, 0, 0)]
    public void Evaluate_InconsistentInputs_Throws(int orders, int customers, int start, int lost)
    {
        var inputs = new ClvInputs(100m, orders, customers, start, lost);
        var act = () => Clv.Evaluate(Period, inputs, new MetricSettings());

        act.Should().Throw<ArgumentException>(because: $"input {inputs}");
    }

    [Theory]
    [InlineData(1.5, 10)]
    [InlineData(-0.1, 10)]
    [InlineData(1, 0)]
    [InlineData(1, double.PositiveInfinity)]
    public void Evaluate_BadMarginOrCap_Throws(double margin, double cap)
    {
        var act = () => Clv.Evaluate(Period, new ClvInputs(100m, 1, 1, 1, 0), margin, cap, new MetricSettings());

        act.Should().Throw<ArgumentOutOfRangeException>(because: $"input margin {margin}, cap {cap}");
    }
}
