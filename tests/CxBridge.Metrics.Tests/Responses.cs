using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

/// <summary>Builds a <see cref="SurveyAggregate"/> from raw answers the way the SQL query does.</summary>
internal static class Responses
{
    public static double[] Repeat(double score, int count) => Enumerable.Repeat(score, count).ToArray();

    public static SurveyAggregate Aggregate(Survey survey, IEnumerable<double> scores) =>
        Aggregate(survey, survey.DefaultScale(), Polarity.Ease, scores);

    public static SurveyAggregate Aggregate(Survey survey, ScoreScale scale, Polarity polarity, IEnumerable<double> scores)
    {
        var list = scores.ToList();
        var values = list.Select(s => ResponseValue.Of(survey, s, scale, polarity)).ToList();
        var categories = survey is Survey.Nps or Survey.Enps ? list.Select(ResponseValue.Categorize).ToList() : [];
        return new SurveyAggregate(
            N: list.Count,
            Promoters: categories.Count(c => c == NpsCategory.Promoter),
            Passives: categories.Count(c => c == NpsCategory.Passive),
            Detractors: categories.Count(c => c == NpsCategory.Detractor),
            TopTwo: list.Count(s => ResponseValue.IsTopTwo(s, scale)),
            ScoreSum: list.Sum(),
            ValueSum: values.Sum(),
            ValueSumOfSquares: values.Sum(v => v * v),
            Agree: survey == Survey.Ces ? values.Count(ResponseValue.IsAgree) : 0);
    }

    /// <summary>An nps/enps aggregate from category counts only.</summary>
    public static SurveyAggregate NpsCounts(int promoters, int passives, int detractors) =>
        SurveyAggregate.Empty with
        {
            N = promoters + passives + detractors,
            Promoters = promoters,
            Passives = passives,
            Detractors = detractors,
        };
}
