namespace CxBridge.Data.Demo;

/// <summary>One demo event: month index in the window, day in the month, and what the events file says.</summary>
internal sealed record DemoEvent(int Month, int Day, string Kind, string Title, string? Department, string? Link);

/// <summary>
/// The demo company's dated events (a dozen over 24 months), chosen to go with what its data shows: the four releases
/// that move PSAT (<see cref="DemoResponseGenerator.Releases"/>), an incident after each of the two that went badly,
/// a company-wide price change just before the customer mood dips (months 9–11), two marketing campaigns (the
/// referral one before referrals climb), the help centre relaunch, the agents' coaching programme, and the holiday
/// delivery delays of the first November. The days are drawn from the seed; the incidents follow their releases.
/// </summary>
internal static class DemoEvents
{
    private static readonly string[] IncidentTitles =
    [
        "App crashes on sign-in after release {0}",
        "Checkout errors after release {0}",
    ];

    public static List<DemoEvent> Generate(DateOnly first, int months, int seed)
    {
        var rng = new Random(unchecked(seed * 31 + 503));
        var events = new List<DemoEvent>();
        int LastDay(int m) => DateTime.DaysInMonth(first.AddMonths(m).Year, first.AddMonths(m).Month);
        int Day(int m, int from, int to) => Math.Min(from + rng.Next(to - from + 1), LastDay(m));

        var incidents = 0;
        foreach (var (month, effect, name) in DemoResponseGenerator.Releases)
        {
            var day = Day(month, 3, 18);
            events.Add(new DemoEvent(month, day, "release", $"Release {name}", "product", $"https://example.com/releases/{name}"));
            if (effect < 0)
            {
                var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, IncidentTitles[incidents++ % IncidentTitles.Length], name);
                events.Add(new DemoEvent(month, Math.Min(day + 1 + rng.Next(4), LastDay(month)), "incident", title, "technology", null));
            }
        }

        events.Add(new DemoEvent(2, Day(2, 1, 10), "campaign", "Spring brand campaign", "marketing", null));
        events.Add(new DemoEvent(6, Day(6, 1, 25), "other", "Help centre relaunched with self-service guides", "service", "https://example.com/help"));
        events.Add(new DemoEvent(8, 1, "price_change", "Plus and Pro plans up 8%", null, "https://example.com/pricing"));
        events.Add(new DemoEvent(13, Day(13, 1, 15), "campaign", "Refer-a-friend campaign", "marketing", "https://example.com/refer"));
        events.Add(new DemoEvent(16, Day(16, 1, 25), "other", "New-agent coaching programme", "hr", null));
        for (var m = 0; m < months; m++)
        {
            if (first.AddMonths(m).Month == 11)
            {
                events.Add(new DemoEvent(m, Day(m, 20, 28), "incident", "Holiday delivery delays", "operations", null));
                break;
            }
        }

        return events.Where(e => e.Month < months)
            .OrderBy(e => e.Month).ThenBy(e => e.Day).ThenBy(e => e.Title, StringComparer.Ordinal)
            .ToList();
    }
}
