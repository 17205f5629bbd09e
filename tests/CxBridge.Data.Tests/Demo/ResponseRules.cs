using System.Globalization;

namespace CxBridge.Data.Tests.Demo;

/// <summary>What a valid row of the canonical <c>responses</c> format looks like (docs/data-contract.md), for the demo and the samples.</summary>
internal static class ResponseRules
{
    public static readonly string[] Header =
    [
        "response_id", "survey", "score", "responded_at", "customer_id", "comment", "channel", "touchpoint",
        "region", "product", "segment", "agent", "department",
    ];

    public const int Id = 0, Survey = 1, Score = 2, RespondedAt = 3, CustomerId = 4, Comment = 5, Channel = 6,
        Touchpoint = 7, Region = 8, Product = 9, Segment = 10, Agent = 11, Department = 12;

    public static readonly IReadOnlyDictionary<string, (int Min, int Max)> Scales = new Dictionary<string, (int, int)>
    {
        ["nps"] = (0, 10),
        ["enps"] = (0, 10),
        ["csat"] = (1, 5),
        ["psat"] = (1, 5),
        ["ces"] = (1, 7),
    };

    public static readonly string[] Channels = ["email", "phone", "chat", "web", "app", "store"];
    public static readonly string[] Touchpoints = ["purchase", "delivery", "support", "billing", "onboarding", "renewal"];
    public static readonly string[] Regions = ["north", "south", "east", "west", "central"];
    public static readonly string[] Products = ["basic", "plus", "pro", "enterprise"];
    public static readonly string[] Segments = ["smb", "mid-market", "enterprise", "consumer"];
    public static readonly string[] Departments =
        ["marketing", "finance", "operations", "technology", "sales", "product", "service", "success", "hr"];

    public static int ScoreOf(string[] row) => int.Parse(row[Score], NumberStyles.None, CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 with offset 0, as the demo and the samples write it: <c>2025-03-14T09:26:00Z</c>.</summary>
    public static DateTime TimeOf(string[] row) =>
        DateTime.ParseExact(row[RespondedAt], "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static string MonthOf(string[] row) => row[RespondedAt][..7];

    public static double Nps(IEnumerable<string[]> rows)
    {
        var scores = rows.Select(ScoreOf).ToList();
        return 100.0 * (scores.Count(s => s >= 9) - scores.Count(s => s <= 6)) / scores.Count;
    }

    public static double TopTwoPercent(IEnumerable<string[]> rows)
    {
        var scores = rows.Select(ScoreOf).ToList();
        return 100.0 * scores.Count(s => s >= 4) / scores.Count;
    }

    public static double Mean(IEnumerable<string[]> rows) => rows.Average(ScoreOf);
}
