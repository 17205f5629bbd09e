using System.Globalization;
using System.Text;

namespace CxBridge.Browser.Tests.Infrastructure;

/// <summary>
/// 100 NPS answers on one day, with known results: chat 35 promoters / 25 passives / 15 detractors, phone
/// 10 / 5 / 10. All together 45 / 30 / 25: NPS 20.0 (n 100); phone alone: NPS 0.0 (n 25).
/// </summary>
public static class NpsWave
{
    public const int Rows = 100;
    public const string Nps = "20.0";
    public const string PhoneNps = "0.0";
    public const int PhoneRows = 25;

    /// <summary>The 15th of the month before <paramref name="today"/>: inside the overview's default range (the 12 whole months before today) and its latest month.</summary>
    public static DateOnly DayInLastMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 15).AddMonths(-1);

    /// <summary>The CSV text: response_id, score, responded_at, channel.</summary>
    public static string Csv(DateOnly day)
    {
        var csv = new StringBuilder("response_id,score,responded_at,channel\n");
        var id = 0;
        void Add(int count, int score, string channel)
        {
            for (var i = 0; i < count; i++)
            {
                csv.Append(CultureInfo.InvariantCulture, $"wave-{++id:D3},{score},{day:yyyy-MM-dd}T10:00:00Z,{channel}\n");
            }
        }
        Add(35, 10, "chat"); Add(25, 8, "chat"); Add(15, 3, "chat");
        Add(10, 9, "phone"); Add(5, 7, "phone"); Add(10, 0, "phone");
        return csv.ToString();
    }
}
