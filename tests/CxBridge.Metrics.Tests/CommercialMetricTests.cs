using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class CommercialMetricTests
{
    private static readonly DateOnly Period = new(2025, 3, 1);

    [Fact]
    public void ReferralRate_OneIn100_OnePercent()
    {
        // docs/metrics.md referral rate: 1 purchase in 100 through referral → 1%; exact.
        var point = CommercialMetric.ReferralRate(Period, 1, 100, new MetricSettings());

        point.Value.Should().Be(1, because: "input 1 referred of 100 orders");
        point.N.Should().Be(100);
        point.Low.Should().Be(Proportion.AdjustedWald95(1, 100)!.Value.Low);
        point.High.Should().Be(Proportion.AdjustedWald95(1, 100)!.Value.High);
        point.Detail["referred"].Should().Be(1);
        point.Detail["orders"].Should().Be(100);
    }

    [Fact]
    public void ReferralRate_NoOrders_NullValueNotZero()
    {
        var point = CommercialMetric.ReferralRate(Period, 0, 0, new MetricSettings());

        point.Value.Should().BeNull();
        point.Detail["orders"].Should().Be(0);
    }

    [Fact]
    public void ReferralRate_MoreReferredThanOrders_Throws()
    {
        var act = () => CommercialMetric.ReferralRate(Period, 3, 2, new MetricSettings());

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
