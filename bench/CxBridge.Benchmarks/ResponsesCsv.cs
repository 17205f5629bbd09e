using System.Globalization;
using System.Text;

namespace CxBridge.Benchmarks;

/// <summary>
/// Writes a responses CSV the import takes in strict mode: unique response ids, nps/csat/ces with scores on
/// their default scales, ISO timestamps with Z spread over the last 24 months, and about 30% of the rows with a
/// short quoted comment holding a comma. Seeded, so the same row count gives the same file. With
/// <c>allSurveys</c>, eNPS (0–10) and PSAT (1–5) answers too, so every survey metric has data.
/// </summary>
internal static class ResponsesCsv
{
    public const string Header = "response_id,survey,score,responded_at,customer_id,comment,channel,touchpoint,region,product,segment,agent";

    private static readonly string[] Channels = ["email", "web", "app", "phone", "chat", "store"];
    private static readonly string[] Touchpoints = ["onboarding", "purchase", "delivery", "support", "billing", "renewal"];
    private static readonly string[] Regions = ["North", "South", "East", "West", "Central"];
    private static readonly string[] Products = ["Basic", "Plus", "Pro", "Enterprise"];
    private static readonly string[] Segments = ["Consumer", "SMB", "Mid-market", "Enterprise"];
    internal static readonly string[] FirstNames = ["Alice", "Ben", "Chloe", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas"];
    internal static readonly string[] LastNames = ["Martin", "Smith", "Garcia", "Nguyen", "Müller", "Rossi"];
    private static readonly string[] Comments =
    [
        "Quick answer, friendly agent",
        "Too slow, had to call twice",
        "Great product, fair price",
        "Delivery was late, again",
        "Easy to set up, works well",
        "Billing is confusing, please simplify",
        "Helpful, but the app crashes sometimes",
        "Not bad, could be cheaper",
    ];

    public static void Write(string path, int rows, int seed = 42, bool allSurveys = false)
    {
        var rng = new Random(seed);
        var end = DateTime.UtcNow.Date;
        var start = end.AddMonths(-24);
        var spanSeconds = (long)(end - start).TotalSeconds;
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.NewLine = "\n";
        writer.WriteLine(Header);
        Span<char> buffer = stackalloc char[32];
        for (var i = 1; i <= rows; i++)
        {
            var (survey, score) = allSurveys
                ? rng.Next(20) switch
                {
                    < 7 => ("nps", Skewed(rng, 0, 10)),
                    < 11 => ("csat", Skewed(rng, 1, 5)),
                    < 14 => ("ces", Skewed(rng, 1, 7)),
                    < 17 => ("enps", Skewed(rng, 0, 10)),
                    _ => ("psat", Skewed(rng, 1, 5)),
                }
                : rng.Next(10) switch
                {
                    < 5 => ("nps", Skewed(rng, 0, 10)),
                    < 8 => ("csat", Skewed(rng, 1, 5)),
                    _ => ("ces", Skewed(rng, 1, 7)),
                };
            var at = start.AddSeconds(rng.NextInt64(spanSeconds));
            writer.Write('R');
            writer.Write(i.ToString("D8", CultureInfo.InvariantCulture));
            writer.Write(',');
            writer.Write(survey);
            writer.Write(',');
            writer.Write(score.ToString(CultureInfo.InvariantCulture));
            writer.Write(',');
            at.TryFormat(buffer, out var length, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            writer.Write(buffer[..length]);
            writer.Write(",C");
            writer.Write(rng.Next(200_000).ToString("D6", CultureInfo.InvariantCulture));
            writer.Write(',');
            if (rng.Next(10) < 3)
            {
                writer.Write('"');
                writer.Write(Comments[rng.Next(Comments.Length)]);
                writer.Write('"');
            }
            writer.Write(',');
            writer.Write(Pick(rng, Channels));
            writer.Write(',');
            writer.Write(Pick(rng, Touchpoints));
            writer.Write(',');
            writer.Write(Pick(rng, Regions));
            writer.Write(',');
            writer.Write(Pick(rng, Products));
            writer.Write(',');
            writer.Write(Pick(rng, Segments));
            writer.Write(',');
            writer.Write(Pick(rng, FirstNames));
            writer.Write(' ');
            writer.Write(Pick(rng, LastNames));
            writer.Write('\n');
        }
    }

    private static string Pick(Random rng, string[] values) => values[rng.Next(values.Length)];

    /// <summary>A score on [min, max] leaning to the top of the scale, as real answers do.</summary>
    private static int Skewed(Random rng, int min, int max) =>
        max - (int)Math.Floor(Math.Pow(rng.NextDouble(), 2) * (max - min + 1));
}
