using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class ProportionTests
{
    [Fact]
    public void Compare_30Of50To40Of50_SignificantPooledZ()
    {
        // By hand: pooled 0.7, se = √(0.7·0.3·(1/50 + 1/50)) = 0.0916515, z = 0.2/se = 2.182179, p = 0.029096; tolerance 1e-6.
        var test = Proportion.Compare(30, 50, 40, 50);
        const string input = "30/50 → 40/50";

        test.Delta.Should().BeApproximately(0.2, 1e-12, because: $"input {input}");
        test.Z.Should().BeApproximately(2.182179, 1e-6, because: $"input {input}");
        test.P.Should().BeApproximately(0.029096, 1e-6, because: $"input {input}");
        test.Significant.Should().BeTrue(because: $"input {input}");
    }

    [Fact]
    public void Compare_EmptySide_AllNull()
    {
        Proportion.Compare(0, 0, 3, 5).Should().Be(new ChangeTest(null, null, null));
        Proportion.Compare(3, 5, 0, 0).Should().Be(new ChangeTest(null, null, null));
    }

    [Fact]
    public void Compare_NoVariation_DeltaZeroWithoutTest()
    {
        var test = Proportion.Compare(5, 5, 8, 8);

        test.Should().Be(new ChangeTest(0, null, null), because: "input 5/5 → 8/8");
        test.Significant.Should().BeFalse();
    }

    [Fact]
    public void AdjustedWald95_MoreSuccessesThanTrials_Throws()
    {
        var act = () => Proportion.AdjustedWald95(6, 5);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
