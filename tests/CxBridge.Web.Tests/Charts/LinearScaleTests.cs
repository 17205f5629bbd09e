using CxBridge.Web.Components.Charts;

namespace CxBridge.Web.Tests.Charts;

public class LinearScaleTests
{
    [Theory]
    [InlineData(0, 100, 240, 16)]
    [InlineData(-35.9, 53.4, 0, 720)]
    [InlineData(0.1, 0.3, 0.1, 0.7)]
    [InlineData(-40, 60, 228, 16)]
    [InlineData(1e-6, 3e-6, 52, 700)]
    public void Map_DomainEnds_MapToRangeEndsExactly(double min, double max, double start, double end)
    {
        var scale = new LinearScale(min, max, start, end);

        scale.Map(min).Should().Be(start);
        scale.Map(max).Should().Be(end);
    }

    [Fact]
    public void Map_Midpoint_MapsToRangeMiddle()
    {
        var scale = new LinearScale(-40, 60, 228, 28);

        scale.Map(10).Should().BeApproximately(128, 1e-9);
    }

    [Fact]
    public void Map_InvertedRange_GrowsDownwards()
    {
        var scale = new LinearScale(0, 10, 100, 0);

        scale.Map(2).Should().BeGreaterThan(scale.Map(8));
    }

    [Fact]
    public void Map_DegenerateDomain_MapsToRangeMiddle()
    {
        var scale = new LinearScale(5, 5, 0, 32);

        scale.Map(5).Should().Be(16);
    }

    [Fact]
    public void Constructor_NonFiniteBound_Throws()
    {
        var act = () => new LinearScale(0, double.NaN, 0, 1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void NiceTicks_NegativeToPositiveDomain_AreRoundNumbersCoveringDomain()
    {
        var ticks = LinearScale.NiceTicks(-35.9, 53.4);

        ticks.Values.Should().Equal(-40, -20, 0, 20, 40, 60);
        ticks.Step.Should().Be(20);
    }

    [Theory]
    [InlineData(-35.9, 53.4)]
    [InlineData(0, 1)]
    [InlineData(0.03, 0.97)]
    [InlineData(0, 100)]
    [InlineData(-100, 100)]
    [InlineData(35, 47.3)]
    [InlineData(12.3, 12.9)]
    [InlineData(0, 10.5)]
    [InlineData(0.001, 0.007)]
    [InlineData(0.1, 0.3)]
    [InlineData(-0.02, 0.015)]
    [InlineData(1234, 98765)]
    [InlineData(3, 4)]
    public void NiceTicks_AnyDomain_StepIsOneTwoOrFiveTimesPowerOfTenWithFourToSixTicksCoveringDomain(double min, double max)
    {
        var ticks = LinearScale.NiceTicks(min, max);

        ticks.Values.Count.Should().BeInRange(4, 6);
        ticks.First.Should().BeLessThanOrEqualTo(min);
        ticks.Last.Should().BeGreaterThanOrEqualTo(max);
        var exponent = Math.Floor(Math.Log10(ticks.Step));
        var mantissa = Math.Round(ticks.Step / Math.Pow(10, exponent), 9);
        mantissa.Should().BeOneOf(1, 2, 5);
        for (var i = 1; i < ticks.Values.Count; i++)
        {
            (ticks.Values[i] - ticks.Values[i - 1]).Should().BeApproximately(ticks.Step, ticks.Step * 1e-9);
        }

        ticks.Values.Should().OnlyContain(v => Math.Abs((v / ticks.Step) - Math.Round(v / ticks.Step)) < 1e-9);
    }

    [Fact]
    public void NiceTicks_DecimalStep_HasNoFloatingPointNoise()
    {
        var ticks = LinearScale.NiceTicks(0.1, 0.3);

        ticks.Values.Should().Equal(0.1, 0.15, 0.2, 0.25, 0.3);
    }

    [Fact]
    public void NiceTicks_DomainAcrossZero_HasPositiveZero()
    {
        var ticks = LinearScale.NiceTicks(-1, 1);

        ticks.Values.Should().Contain(0);
        ticks.Values.Where(v => v == 0).Should().OnlyContain(v => !double.IsNegative(v));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(42)]
    [InlineData(-7.5)]
    public void NiceTicks_DegenerateDomain_IsWidenedAroundValue(double value)
    {
        var ticks = LinearScale.NiceTicks(value, value);

        ticks.Values.Count.Should().BeInRange(4, 6);
        ticks.First.Should().BeLessThan(value);
        ticks.Last.Should().BeGreaterThan(value);
    }

    [Fact]
    public void NiceTicks_ReversedBounds_AreSwapped()
    {
        LinearScale.NiceTicks(53.4, -35.9).Values.Should().Equal(-40, -20, 0, 20, 40, 60);
    }

    [Theory]
    [InlineData(20, "40")]
    [InlineData(0.5, "2.5")]
    [InlineData(0.05, "0.15")]
    public void ChartFormatsTick_Step_UsesDecimalsTheStepNeeds(double step, string expected)
    {
        var value = step switch { 20 => 40.0, 0.5 => 2.5, _ => 0.15 };

        ChartTestHelpers.WithCulture("fr-FR", () => ChartFormats.Tick(value, step)).Should().Be(expected);
    }

    [Fact]
    public void SvgNumber_NegativeZero_IsWrittenAsZero()
    {
        SvgNumber.Format(-0.001).Should().Be("0.00");
    }
}
