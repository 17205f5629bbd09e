using System.Globalization;
using System.Text;

namespace CxBridge.Browser.Tests.Infrastructure;

/// <summary>
/// 12 help-desk tickets opened on one day, with a known First Response Time: ticket i (1…12) is first answered
/// i hours after it opened, so the median is (6 + 7) / 2 = 6.5 h (n 12). Channels alternate chat and email.
/// </summary>
public static class TicketWave
{
    public const int Rows = 12;
    public const string Frt = "6.5 h";

    /// <summary>The ticket ids, wave-t01 … wave-t12.</summary>
    public static IReadOnlyList<string> Ids { get; } = Enumerable.Range(1, Rows).Select(i => $"wave-t{i:D2}").ToList();

    /// <summary>The 10th of the month before <paramref name="today"/>: inside the overview's default range (the 12 whole months before today) and its latest month.</summary>
    public static DateOnly DayInLastMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 10).AddMonths(-1);

    /// <summary>The CSV text: ticket_id, opened_at, first_response_at, resolved_at, contacts, escalated, channel, agent, team.</summary>
    public static string Csv(DateOnly day)
    {
        var csv = new StringBuilder("ticket_id,opened_at,first_response_at,resolved_at,contacts,escalated,channel,agent,team\n");
        var opened = new DateTimeOffset(day, new TimeOnly(8, 0), TimeSpan.Zero);
        for (var i = 1; i <= Rows; i++)
        {
            var firstResponse = opened.AddHours(i);
            var resolved = firstResponse.AddHours(2);
            csv.Append(CultureInfo.InvariantCulture,
                $"{Ids[i - 1]},{opened:yyyy-MM-ddTHH:mm:ssZ},{firstResponse:yyyy-MM-ddTHH:mm:ssZ},{resolved:yyyy-MM-ddTHH:mm:ssZ},{(i % 3 == 0 ? 2 : 1)},{(i % 4 == 0 ? "true" : "false")},{(i % 2 == 0 ? "email" : "chat")},agent-{i % 3 + 1},support\n");
        }
        return csv.ToString();
    }
}
