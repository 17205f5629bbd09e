using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class ScoreScaleTests
{
    [Theory]
    [InlineData("1-10", 1, 10)]
    [InlineData("0-10", 0, 10)]
    [InlineData("1–7", 1, 7)]
    [InlineData(" 1 - 5 ", 1, 5)]
    public void TryParse_ValidRange_Parsed(string text, int min, int max)
    {
        ScoreScale.TryParse(text, out var scale).Should().BeTrue(because: $"input '{text}'");
        scale.Should().Be(new ScoreScale(min, max), because: $"input '{text}'");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("10")]
    [InlineData("5-1")]
    [InlineData("3-3")]
    [InlineData("-1-5")]
    [InlineData("1-")]
    [InlineData("a-b")]
    [InlineData("1.5-7")]
    [InlineData("1-5-7")]
    public void TryParse_Invalid_False(string? text)
    {
        ScoreScale.TryParse(text, out _).Should().BeFalse(because: $"input '{text}'");
    }

    [Fact]
    public void ToString_HyphenatedAndParsesBack()
    {
        var scale = new ScoreScale(1, 10);

        scale.ToString().Should().Be("1-10");
        ScoreScale.TryParse(scale.ToString(), out var parsed).Should().BeTrue();
        parsed.Should().Be(scale);
    }

    [Theory]
    [InlineData(1.0, true)]
    [InlineData(10.0, true)]
    [InlineData(5.5, true)]
    [InlineData(0.5, false)]
    [InlineData(11.0, false)]
    [InlineData(double.NaN, false)]
    public void Contains_Score_InclusiveBounds(double score, bool expected)
    {
        new ScoreScale(1, 10).Contains(score).Should().Be(expected, because: $"input {score} on 1-10");
    }
}
