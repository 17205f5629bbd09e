using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class ServiceMetricTests
{
    private static readonly DateOnly Period = new(2025, 3, 1);

    [Fact]
    public void Fcr_280Of400_Seventy()
    {
        // docs/metrics.md FCR; exact.
        var point = ServiceMetric.Fcr(Period, 280, 400, new MetricSettings());
        var interval = Proportion.AdjustedWald95(280, 400)!.Value;

        point.Period.Should().Be(Period);
        point.Value.Should().Be(70, because: "input 280 of 400");
        point.N.Should().Be(400);
        point.Low.Should().Be(interval.Low);
        point.High.Should().Be(interval.High);
        point.Detail["first_contact"].Should().Be(280);
        point.Detail["resolved"].Should().Be(400);
    }

    [Fact]
    public void EscalationRate_15Of500_Three()
    {
        // docs/metrics.md escalation rate; exact.
        var point = ServiceMetric.EscalationRate(Period, 15, 500, new MetricSettings());

        point.Value.Should().Be(3, because: "input 15 of 500");
        point.N.Should().Be(500);
        point.Low.Should().Be(Proportion.AdjustedWald95(15, 500)!.Value.Low);
        point.Detail["escalated"].Should().Be(15);
        point.Detail["opened"].Should().Be(500);
    }

    [Fact]
    public void Frt_OneToTenHours_MedianFivePointFive()
    {
        // Exact: median of 1..10 is (5 + 6)/2; mean 5.5; p90 9.1 (hand-computed, tolerance 1e-12).
        var aggregate = DurationAggregate.Of([.. Enumerable.Range(1, 10).Select(i => (double)i)]);

        var point = ServiceMetric.Frt(Period, aggregate, new MetricSettings());

        point.Value.Should().Be(5.5, because: "input 1..10 hours");
        point.N.Should().Be(10);
        point.Low.Should().BeNull();
        point.High.Should().BeNull();
        point.LowSample.Should().BeTrue(because: "n 10 < 30");
        point.Detail["median"].Should().Be(5.5);
        point.Detail["mean"].Should().Be(5.5);
        point.Detail["p90"].Should().BeApproximately(9.1, 1e-12);
        point.Detail["count"].Should().Be(10);
    }

    [Fact]
    public void Frt_SkewedTimes_ValueIsMedianNotMean()
    {
        // Exact: 1, 1, 2, 100 → median 1.5, mean 26.
        var point = ServiceMetric.Frt(Period, DurationAggregate.Of([1, 100, 1, 2]), new MetricSettings());

        point.Value.Should().Be(1.5, because: "input 1, 100, 1, 2");
        point.Detail["mean"].Should().Be(26);
    }

    [Fact]
    public void Frt_CountWithoutMedian_Throws()
    {
        var act = () => ServiceMetric.Frt(Period, new DurationAggregate(3, 6, null, null, 14), new MetricSettings());

        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void ResolutionTime_OneToFiveHours_MeanWithStudentT()
    {
        // Values 1..5: mean 3 (exact); interval 1.036756839 … 4.963243161 as MeansTests; tolerance 1e-6.
        var point = ServiceMetric.ResolutionTime(Period, DurationAggregate.Of([5, 4, 3, 2, 1]), new MetricSettings());
        const string input = "1..5 hours";

        point.Value.Should().Be(3, because: $"input {input}");
        point.N.Should().Be(5);
        point.Low.Should().BeApproximately(1.036756839, 1e-6, because: $"input {input}");
        point.High.Should().BeApproximately(4.963243161, 1e-6, because: $"input {input}");
        point.Detail["mean"].Should().Be(3);
        point.Detail["median"].Should().Be(3);
        point.Detail["p90"].Should().BeApproximately(4.6, 1e-12, because: "h = 3.6 → 4 + 0.6");
        point.Detail["count"].Should().Be(5);
        point.Detail["sd"].Should().BeApproximately(Math.Sqrt(2.5), 1e-12);
    }

    [Fact]
    public void ResolutionTime_OneTicket_MeanWithoutInterval()
    {
        var point = ServiceMetric.ResolutionTime(Period, DurationAggregate.Of([4]), new MetricSettings());

        point.Value.Should().Be(4, because: "input one ticket of 4 hours");
        point.Low.Should().BeNull();
        point.High.Should().BeNull();
        point.Detail["sd"].Should().BeNull();
    }

    [Fact]
    public void ResolutionTime_NoMedianFromSql_DetailNull()
    {
        // Median and p90 are detail only for resolution time: absent stays absent.
        var point = ServiceMetric.ResolutionTime(Period, new DurationAggregate(5, 15, null, null, 55), new MetricSettings());

        point.Value.Should().Be(3);
        point.Detail["median"].Should().BeNull();
        point.Detail["p90"].Should().BeNull();
    }

    [Fact]
    public void AllServiceMetrics_NoTickets_NullValueNotZero()
    {
        var settings = new MetricSettings();
        (string Name, MetricPoint Point)[] points =
        [
            ("fcr", ServiceMetric.Fcr(Period, 0, 0, settings)),
            ("frt", ServiceMetric.Frt(Period, DurationAggregate.Empty, settings)),
            ("resolution_time", ServiceMetric.ResolutionTime(Period, DurationAggregate.Empty, settings)),
            ("escalation_rate", ServiceMetric.EscalationRate(Period, 0, 0, settings)),
            ("referral_rate", CommercialMetric.ReferralRate(Period, 0, 0, settings)),
        ];

        foreach (var (name, point) in points)
        {
            point.N.Should().Be(0, because: $"input {name} with n = 0");
            point.Value.Should().BeNull(because: $"input {name} with n = 0");
            point.Low.Should().BeNull(because: $"input {name} with n = 0");
            point.High.Should().BeNull(because: $"input {name} with n = 0");
            point.LowSample.Should().BeFalse(because: $"input {name} with n = 0");
            point.Suppressed.Should().BeFalse(because: $"input {name} with n = 0");
        }
    }

    [Fact]
    public void DurationMetrics_NoTickets_DetailNullCountZero()
    {
        foreach (var point in new[]
        {
            ServiceMetric.Frt(Period, DurationAggregate.Empty, new MetricSettings()),
            ServiceMetric.ResolutionTime(Period, DurationAggregate.Empty, new MetricSettings()),
        })
        {
            point.Detail["mean"].Should().BeNull();
            point.Detail["median"].Should().BeNull();
            point.Detail["p90"].Should().BeNull();
            point.Detail["count"].Should().Be(0);
        }
    }

    [Theory]
    [InlineData(29, true)]
    [InlineData(30, false)]
    public void Fcr_SampleSize_LowSampleBelowThirty(int resolved, bool expected)
    {
        ServiceMetric.Fcr(Period, 1, resolved, new MetricSettings()).LowSample.Should().Be(expected, because: $"input n = {resolved}");
    }

    [Fact]
    public void Fcr_MoreFirstContactThanResolved_Throws()
    {
        var act = () => ServiceMetric.Fcr(Period, 5, 4, new MetricSettings());

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void ResolutionTime_NegativeCount_Throws()
    {
        var act = () => ServiceMetric.ResolutionTime(Period, new DurationAggregate(-1, 0, null, null, 0), new MetricSettings());

        act.Should().Throw<ArgumentException>();
    }
}
