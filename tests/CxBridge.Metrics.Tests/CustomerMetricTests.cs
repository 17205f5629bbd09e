using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class CustomerMetricTests
{
    private static readonly DateOnly Period = new(2025, 3, 1);

    // docs/metrics.md seed example: 80 ongoing + 20 new at the start of a month, 10 of the ongoing leave.
    private static readonly CustomerAggregate Seed = new(Start: 80, New: 20, LostFromStart: 10, Lost: 10);
    private const string SeedInput = "S 80, N 20, L_S 10, L 10";

    [Fact]
    public void Retention_SeedExample_EightySevenPointFive()
    {
        // docs/metrics.md churn seed example; exact.
        var point = CustomerMetric.Retention(Period, Seed, new MetricSettings());

        point.Period.Should().Be(Period);
        point.N.Should().Be(80, because: $"input {SeedInput}");
        point.Value.Should().Be(87.5, because: $"input {SeedInput}");
        point.Detail["start"].Should().Be(80);
        point.Detail["lost_from_start"].Should().Be(10);
        point.Detail["retained"].Should().Be(70);
        point.LowSample.Should().BeFalse();
        point.Suppressed.Should().BeFalse();
    }

    [Fact]
    public void Retention_SeedExample_IntervalIsAdjustedWaldOnRetained()
    {
        var point = CustomerMetric.Retention(Period, Seed, new MetricSettings());
        var expected = Proportion.AdjustedWald95(70, 80)!.Value;

        point.Low.Should().Be(expected.Low, because: $"input {SeedInput}");
        point.High.Should().Be(expected.High, because: $"input {SeedInput}");
        point.Low.Should().BeLessThan(87.5);
        point.High.Should().BeGreaterThan(87.5);
    }

    [Fact]
    public void Churn_SeedExamplePeriodBasis_Ten()
    {
        // docs/metrics.md churn seed example, period basis 10/100; exact.
        var point = CustomerMetric.Churn(Period, Seed, ChurnBasis.Period, new MetricSettings());

        point.N.Should().Be(100, because: $"input {SeedInput}");
        point.Value.Should().Be(10, because: $"input {SeedInput}");
        point.Detail["basis"].Should().Be(1);
        point.Low.Should().Be(Proportion.AdjustedWald95(10, 100)!.Value.Low);
        point.High.Should().Be(Proportion.AdjustedWald95(10, 100)!.Value.High);
    }

    [Fact]
    public void Churn_SeedExampleStartBasis_TwelvePointFive()
    {
        // docs/metrics.md churn seed example, start basis 10/80; exact.
        var point = CustomerMetric.Churn(Period, Seed, ChurnBasis.Start, new MetricSettings());

        point.N.Should().Be(80, because: $"input {SeedInput}");
        point.Value.Should().Be(12.5, because: $"input {SeedInput}");
        point.Detail["basis"].Should().Be(0);
        point.Detail["start"].Should().Be(80);
        point.Detail["new"].Should().Be(20);
        point.Detail["lost"].Should().Be(10);
        point.Detail["lost_from_start"].Should().Be(10);
    }

    [Fact]
    public void Churn_StartBasis_ComplementOfRetention()
    {
        // Exact: 100 − 87.5 = 12.5, and the intervals mirror each other.
        var churn = CustomerMetric.Churn(Period, Seed, ChurnBasis.Start, new MetricSettings());
        var retention = CustomerMetric.Retention(Period, Seed, new MetricSettings());

        (churn.Value + retention.Value).Should().Be(100, because: $"input {SeedInput}");
        churn.Low.Should().BeApproximately(100 - retention.High!.Value, 1e-9);
    }

    [Theory]
    [InlineData(ChurnBasis.Start, 12.5)]
    [InlineData(ChurnBasis.Period, 10.0)]
    public void Churn_BasisFromSettings_Used(ChurnBasis basis, double expected)
    {
        var point = CustomerMetric.Churn(Period, Seed, new MetricSettings { ChurnBasis = basis });

        point.Value.Should().Be(expected, because: $"input {SeedInput}, basis {basis}");
    }

    [Fact]
    public void Churn_DefaultSettings_StartBasis()
    {
        new MetricSettings().ChurnBasis.Should().Be(ChurnBasis.Start);
        CustomerMetric.Churn(Period, Seed, new MetricSettings()).Value.Should().Be(12.5);
    }

    [Fact]
    public void Churn_PeriodBasisCountsNewCustomersWhoLeave()
    {
        // Exact: 2 of the 20 new also leave → L = 12 of S + N = 100; start basis unchanged at 10/80.
        var aggregate = Seed with { Lost = 12 };

        CustomerMetric.Churn(Period, aggregate, ChurnBasis.Period, new MetricSettings()).Value.Should().Be(12, because: $"input {aggregate}");
        CustomerMetric.Churn(Period, aggregate, ChurnBasis.Start, new MetricSettings()).Value.Should().Be(12.5, because: $"input {aggregate}");
    }

    [Fact]
    public void Annualize_TwoPercentMonthly_TwentyOnePointFiveThree()
    {
        // docs/metrics.md: 2% a month = 21.53% a year; tolerance 0.005 (exact 21.5283).
        CustomerMetric.Annualize(2).Should().BeApproximately(21.53, 0.005, because: "input 2% monthly");
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(100, 100)]
    public void Annualize_Bounds_Exact(double monthly, double expected)
    {
        CustomerMetric.Annualize(monthly).Should().Be(expected, because: $"input {monthly}% monthly");
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(100.1)]
    [InlineData(double.NaN)]
    public void Annualize_OutsidePercentRange_Throws(double monthly)
    {
        var act = () => CustomerMetric.Annualize(monthly);

        act.Should().Throw<ArgumentOutOfRangeException>(because: $"input {monthly}");
    }

    [Fact]
    public void RetentionAndChurn_NoCustomers_NullValueNotZero()
    {
        var settings = new MetricSettings();
        MetricPoint[] points =
        [
            CustomerMetric.Retention(Period, CustomerAggregate.Empty, settings),
            CustomerMetric.Churn(Period, CustomerAggregate.Empty, ChurnBasis.Start, settings),
            CustomerMetric.Churn(Period, CustomerAggregate.Empty, ChurnBasis.Period, settings),
        ];

        foreach (var point in points)
        {
            point.N.Should().Be(0);
            point.Value.Should().BeNull(because: "input S = N = 0");
            point.Low.Should().BeNull();
            point.High.Should().BeNull();
            point.LowSample.Should().BeFalse();
            point.Detail["start"].Should().Be(0, because: "counts stay counts");
        }
    }

    [Fact]
    public void Churn_StartBasisEmptyButNewCustomers_NullStartValuePeriodValue()
    {
        // A business that starts in this period: S = 0 → start basis null; period basis 1/5 = 20%, exact.
        var aggregate = new CustomerAggregate(Start: 0, New: 5, LostFromStart: 0, Lost: 1);

        CustomerMetric.Churn(Period, aggregate, ChurnBasis.Start, new MetricSettings()).Value.Should().BeNull(because: $"input {aggregate}");
        CustomerMetric.Retention(Period, aggregate, new MetricSettings()).Value.Should().BeNull(because: $"input {aggregate}");
        CustomerMetric.Churn(Period, aggregate, ChurnBasis.Period, new MetricSettings()).Value.Should().Be(20, because: $"input {aggregate}");
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, false)]
    public void Retention_SmallStartCohort_LowSample(int start, bool expected)
    {
        var point = CustomerMetric.Retention(Period, new CustomerAggregate(start, 0, 1, 1), new MetricSettings());

        point.LowSample.Should().Be(expected, because: $"input S = {start}");
        point.Value.Should().NotBeNull();
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(10, 0, 11, 11)] // L_S > S
    [InlineData(10, 0, 5, 4)] // L < L_S
    [InlineData(10, 5, 0, 16)] // L > S + N
    public void Churn_InconsistentCounts_Throws(int start, int @new, int lostFromStart, int lost)
    {
        var aggregate = new CustomerAggregate(start, @new, lostFromStart, lost);
        var act = () => CustomerMetric.Churn(Period, aggregate, ChurnBasis.Period, new MetricSettings());

        act.Should().Throw<ArgumentException>(because: $"input {aggregate}");
    }

    [Theory]
    [InlineData("start", ChurnBasis.Start)]
    [InlineData(" PERIOD ", ChurnBasis.Period)]
    public void ChurnBasesTryParse_Code_Parsed(string text, ChurnBasis expected)
    {
        ChurnBases.TryParse(text, out var basis).Should().BeTrue(because: $"input '{text}'");
        basis.Should().Be(expected);
        basis.Code().Should().Be(text.Trim().ToLowerInvariant());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cohort")]
    public void ChurnBasesTryParse_Unknown_False(string? text)
    {
        ChurnBases.TryParse(text, out _).Should().BeFalse(because: $"input '{text}'");
    }
}
