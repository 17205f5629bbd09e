using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests.Linkage;

public class FalseDiscoveryTests
{
    [Fact]
    public void BenjaminiHochberg_1995WorkedExample_FourDiscoveriesAndExactQ()
    {
        // Benjamini & Hochberg (1995) worked example: 15 sorted p-values; at level 0.05 exactly the first four are discoveries.
        // By hand, q_i = min over j ≥ i of p_j·15/j (capped at 1):
        //   p·15/i = 0.0015, 0.003, 0.0095, 0.035625, 0.0603, 0.0695, 0.0638571…, 0.0645, 0.0765, 0.486, 0.5811818…,
        //            0.714875, 0.7532307…, 0.8132142…, 1;
        //   running minimum from the end changes only i = 6: min(0.0695, 0.0298·15/7) = 0.0298·15/7.
        // Exact to 1e-12.
        double[] p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.3240, 0.4262, 0.5719, 0.6528, 0.7590, 1.0000];
        double[] expected =
        [
            0.0001 * 15, 0.0004 * 15 / 2, 0.0019 * 15 / 3, 0.0095 * 15 / 4, 0.0201 * 15 / 5,
            0.0298 * 15 / 7, 0.0298 * 15 / 7, 0.0344 * 15 / 8, 0.0459 * 15 / 9, 0.3240 * 15 / 10,
            0.4262 * 15 / 11, 0.5719 * 15 / 12, 0.6528 * 15 / 13, 0.7590 * 15 / 14, 1.0,
        ];

        var q = FalseDiscovery.BenjaminiHochberg(p);

        q.Should().Equal(expected, (actual, wanted) => Math.Abs(actual - wanted) < 1e-12);
        q.Select((value, i) => (value, i)).Where(x => x.value <= 0.05).Select(x => x.i).Should().Equal(0, 1, 2, 3);
    }

    [Fact]
    public void BenjaminiHochberg_UnsortedWithTies_InputOrderAndEqualQForEqualP()
    {
        // Sorted: 0.01, 0.02, 0.02, 0.04 (m = 4) → p·4/i = 0.04, 0.04, 0.02·4/3, 0.04 → q = 0.02·4/3 for i ≤ 3
        // (the tie takes the later, smaller bound), 0.04 last; same as R p.adjust(c(.04, .02, .01, .02), "BH"). Exact to 1e-12.
        var q = FalseDiscovery.BenjaminiHochberg([0.04, 0.02, 0.01, 0.02]);

        q.Should().Equal([0.04, 0.08 / 3, 0.08 / 3, 0.08 / 3], (actual, wanted) => Math.Abs(actual - wanted) < 1e-12);
    }

    [Fact]
    public void BenjaminiHochberg_Empty_Empty()
    {
        FalseDiscovery.BenjaminiHochberg([]).Should().BeEmpty();
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void BenjaminiHochberg_POutsideZeroToOne_Throws(double p)
    {
        var act = () => FalseDiscovery.BenjaminiHochberg([0.5, p]);

        act.Should().Throw<ArgumentException>();
    }
}
