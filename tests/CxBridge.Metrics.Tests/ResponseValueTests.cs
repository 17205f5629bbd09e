using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class ResponseValueTests
{
    [Theory]
    [InlineData(1, 5, 5.0, true)]
    [InlineData(1, 5, 4.0, true)]
    [InlineData(1, 5, 3.0, false)]
    [InlineData(1, 7, 6.0, true)]
    [InlineData(1, 7, 5.0, false)]
    [InlineData(1, 10, 9.0, true)]
    [InlineData(1, 10, 8.0, false)]
    public void IsTopTwo_Score_TopTwoPointsOfItsScale(int min, int max, double score, bool expected)
    {
        ResponseValue.IsTopTwo(score, new ScoreScale(min, max)).Should().Be(expected, because: $"input {score} on {min}-{max}");
    }

    [Theory]
    [InlineData(0.0, NpsCategory.Detractor)]
    [InlineData(6.0, NpsCategory.Detractor)]
    [InlineData(7.0, NpsCategory.Passive)]
    [InlineData(8.0, NpsCategory.Passive)]
    [InlineData(9.0, NpsCategory.Promoter)]
    [InlineData(10.0, NpsCategory.Promoter)]
    public void Categorize_Score_NpsBands(double score, NpsCategory expected)
    {
        ResponseValue.Categorize(score).Should().Be(expected, because: $"input {score}");
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(11.0)]
    [InlineData(double.NaN)]
    public void Categorize_OutsideZeroToTen_Throws(double score)
    {
        var act = () => ResponseValue.Categorize(score);

        act.Should().Throw<ArgumentOutOfRangeException>(because: $"input {score}");
    }

    [Theory]
    [InlineData(5.0, true)]
    [InlineData(7.0, true)]
    [InlineData(4.99, false)]
    public void IsAgree_CesValue_FiveOrMore(double value, bool expected)
    {
        ResponseValue.IsAgree(value).Should().Be(expected, because: $"input {value}");
    }

    [Theory]
    [InlineData(Survey.Nps, 7.0)]
    [InlineData(Survey.Enps, 10.0)]
    [InlineData(Survey.Csat, 4.0)]
    [InlineData(Survey.Psat, 2.0)]
    public void Of_NonCesSurvey_ScoreItselfWhateverPolarity(Survey survey, double score)
    {
        ResponseValue.Of(survey, score, new ScoreScale(0, 10), Polarity.Effort).Should().Be(score, because: $"input {survey} {score}");
    }

    [Fact]
    public void Of_ScoreOutsideScale_Throws()
    {
        var act = () => ResponseValue.Of(Survey.Ces, 8, new ScoreScale(1, 7), Polarity.Ease);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
