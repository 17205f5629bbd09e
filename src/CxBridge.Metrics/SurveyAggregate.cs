namespace CxBridge.Metrics;

/// <summary>
/// What SQL returns for one survey metric and one period, over responses with a non-null score:
/// <see cref="N"/> responses; NPS categories (nps/enps); <see cref="TopTwo"/> satisfied (csat/psat);
/// <see cref="ScoreSum"/> of native scores; <see cref="ValueSum"/> and <see cref="ValueSumOfSquares"/> of the
/// stored values (<see cref="ResponseValue.Of"/>); <see cref="Agree"/> CES values ≥ 5.
/// </summary>
public sealed record SurveyAggregate(
    int N,
    int Promoters,
    int Passives,
    int Detractors,
    int TopTwo,
    double ScoreSum,
    double ValueSum,
    double ValueSumOfSquares,
    int Agree)
{
    /// <summary>No responses: every count and sum 0.</summary>
    public static SurveyAggregate Empty { get; } = new(0, 0, 0, 0, 0, 0, 0, 0, 0);
}
