namespace CxBridge.Metrics;

/// <summary>
/// The value stored with each response (the <c>value</c> column) and the per-response classifications
/// every survey aggregate is built from. These work on one response, so there is no empty input.
/// </summary>
public static class ResponseValue
{
    private const double CesMin = 1;
    private const double CesMax = 7;

    /// <summary>
    /// The stored value of one answer. NPS, eNPS, CSAT and PSAT: the score itself, on its native scale.
    /// CES: polarity applied on the native scale (<see cref="Polarity.Effort"/> stores max + min − x), then rescaled
    /// linearly onto 1–7: 1 + (x − min)·6/(max − min). <paramref name="polarity"/> is ignored for other surveys.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside <paramref name="scale"/> or the scale is empty.</exception>
    public static double Of(Survey survey, double score, ScoreScale scale, Polarity polarity)
    {
        if (scale.Min >= scale.Max)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "A scale needs Min < Max.");
        }

        if (!scale.Contains(score))
        {
            throw new ArgumentOutOfRangeException(nameof(score), score, $"Score outside the scale {scale}.");
        }

        if (survey != Survey.Ces)
        {
            return score;
        }

        var oriented = polarity == Polarity.Effort ? scale.Max + scale.Min - score : score;
        return CesMin + ((oriented - scale.Min) * (CesMax - CesMin) / (scale.Max - scale.Min));
    }

    /// <summary>
    /// Whether a CSAT/PSAT answer counts as satisfied: one of the top two points of its own scale,
    /// i.e. score ≥ max − 1 (1–5: 4, 5; 1–7: 6, 7; 1–10: 9, 10).
    /// </summary>
    public static bool IsTopTwo(double score, ScoreScale scale) => score >= scale.Max - 1;

    /// <summary>NPS category of a 0–10 score: 9–10 promoter, 7–8 passive, 0–6 detractor (a fraction goes to the lower band).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The score is outside 0–10 or NaN.</exception>
    public static NpsCategory Categorize(double score) => score switch
    {
        >= 9 and <= 10 => NpsCategory.Promoter,
        >= 7 and < 9 => NpsCategory.Passive,
        >= 0 and < 7 => NpsCategory.Detractor,
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "An NPS score is 0–10."),
    };

    /// <summary>Whether a CES value (already on 1–7, see <see cref="Of"/>) agrees: value ≥ 5.</summary>
    public static bool IsAgree(double cesValue) => cesValue >= 5;
}
