using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class GrainsTests
{
    [Theory]
    [InlineData("week", Grain.Week)]
    [InlineData("Month", Grain.Month)]
    [InlineData(" QUARTER ", Grain.Quarter)]
    [InlineData("year", Grain.Year)]
    [InlineData("total", Grain.Total)]
    public void TryParse_KnownCode_CaseInsensitiveTrimmed(string text, Grain expected)
    {
        Grains.TryParse(text, out var grain).Should().BeTrue(because: $"input '{text}'");
        grain.Should().Be(expected, because: $"input '{text}'");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("day")]
    [InlineData("months")]
    public void TryParse_UnknownCode_False(string? text)
    {
        Grains.TryParse(text, out _).Should().BeFalse(because: $"input '{text}'");
    }

    [Fact]
    public void Code_EveryGrain_RoundTrips()
    {
        foreach (var grain in Enum.GetValues<Grain>())
        {
            Grains.TryParse(grain.Code(), out var parsed).Should().BeTrue();
            parsed.Should().Be(grain);
        }
    }
}
