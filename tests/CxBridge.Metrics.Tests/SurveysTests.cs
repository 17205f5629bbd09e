using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class SurveysTests
{
    [Theory]
    [InlineData("nps", Survey.Nps)]
    [InlineData("CSAT", Survey.Csat)]
    [InlineData(" ces ", Survey.Ces)]
    [InlineData("eNPS", Survey.Enps)]
    [InlineData("psat\t", Survey.Psat)]
    public void TryParse_KnownCode_CaseInsensitiveTrimmed(string text, Survey expected)
    {
        Surveys.TryParse(text, out var survey).Should().BeTrue(because: $"input '{text}'");
        survey.Should().Be(expected, because: $"input '{text}'");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("net promoter")]
    [InlineData("n ps")]
    public void TryParse_UnknownCode_False(string? text)
    {
        Surveys.TryParse(text, out _).Should().BeFalse(because: $"input '{text}'");
    }

    [Fact]
    public void All_FiveSurveysWithCodes()
    {
        Surveys.All.Select(s => s.Code()).Should().Equal("nps", "csat", "ces", "enps", "psat");
    }

    [Theory]
    [InlineData(Survey.Nps, 0, 10)]
    [InlineData(Survey.Enps, 0, 10)]
    [InlineData(Survey.Csat, 1, 5)]
    [InlineData(Survey.Psat, 1, 5)]
    [InlineData(Survey.Ces, 1, 7)]
    public void DefaultScale_EachSurvey_DesignScale(Survey survey, int min, int max)
    {
        survey.DefaultScale().Should().Be(new ScoreScale(min, max), because: $"input {survey}");
    }
}
