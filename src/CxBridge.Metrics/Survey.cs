namespace CxBridge.Metrics;

/// <summary>The survey a response belongs to (the <c>survey</c> column).</summary>
public enum Survey
{
    /// <summary>Net Promoter Score, 0–10.</summary>
    Nps,

    /// <summary>Customer satisfaction, 1–5 by default.</summary>
    Csat,

    /// <summary>Customer effort score (CES 2.0), 1–7 by default.</summary>
    Ces,

    /// <summary>Employee NPS, 0–10.</summary>
    Enps,

    /// <summary>Product satisfaction, 1–5 by default.</summary>
    Psat,
}

/// <summary>Codes, parsing and default scales of <see cref="Survey"/>.</summary>
public static class Surveys
{
    /// <summary>Every survey, in declaration order (nps, csat, ces, enps, psat).</summary>
    public static IReadOnlyList<Survey> All { get; } = [Survey.Nps, Survey.Csat, Survey.Ces, Survey.Enps, Survey.Psat];

    /// <summary>The lower-case code used in files, URLs and the database: "nps", "csat", "ces", "enps", "psat".</summary>
    public static string Code(this Survey s) => s switch
    {
        Survey.Nps => "nps",
        Survey.Csat => "csat",
        Survey.Ces => "ces",
        Survey.Enps => "enps",
        Survey.Psat => "psat",
        _ => throw new ArgumentOutOfRangeException(nameof(s), s, "Unknown survey."),
    };

    /// <summary>Parses a survey code, case-insensitive, ignoring surrounding white space. Null or empty text → false.</summary>
    public static bool TryParse(string? code, out Survey s)
    {
        var trimmed = code?.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Code(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                s = candidate;
                return true;
            }
        }

        s = default;
        return false;
    }

    /// <summary>
    /// The scale assumed when an upload names none, by the standard conventions (<see cref="DefaultScales.Standard"/>):
    /// NPS and eNPS 0–10, CSAT and PSAT 1–5, CES 1–7. An organisation may set other CSAT and CES conventions.
    /// </summary>
    public static ScoreScale DefaultScale(this Survey s) => DefaultScales.Standard.For(s);
}

/// <summary>
/// The scales an upload is read on when it names none (<c>scale=</c>): <see cref="Satisfaction"/> for CSAT and PSAT,
/// <see cref="Effort"/> for CES. NPS and eNPS are always 0–10: the definition of NPS depends on that scale.
/// </summary>
public sealed record DefaultScales(ScoreScale Satisfaction, ScoreScale Effort)
{
    /// <summary>The conventions CxBridge assumes unless the organisation sets others: CSAT/PSAT 1–5, CES 1–7.</summary>
    public static DefaultScales Standard { get; } = new(new ScoreScale(1, 5), new ScoreScale(1, 7));

    /// <summary>The scale NPS and eNPS are answered on.</summary>
    public static ScoreScale Nps { get; } = new(0, 10);

    /// <summary>The scale assumed for <paramref name="survey"/> when an upload names none.</summary>
    public ScoreScale For(Survey survey) => survey switch
    {
        Survey.Nps or Survey.Enps => Nps,
        Survey.Csat or Survey.Psat => Satisfaction,
        Survey.Ces => Effort,
        _ => throw new ArgumentOutOfRangeException(nameof(survey), survey, "Unknown survey."),
    };
}
