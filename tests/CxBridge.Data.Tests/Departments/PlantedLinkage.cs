using System.Globalization;
using System.Text;

namespace CxBridge.Data.Tests.Departments;

/// <summary>
/// Finance data with relationships planted on purpose, for 24 whole months starting <see cref="First"/>:
/// CES from survey responses (ten answers a month on 1–7, whose mean moves month to month), contact volume built so that
/// Δcontact_volume(t+1) = −<see cref="K"/>·ΔCES(t) + a few contacts of fixed noise (CES → contact volume at lag 1,
/// sign −), and cost to serve made of its own fixed noise, unrelated to CES. The files are text as an upload gives them;
/// <see cref="CesFromCsv"/> and <see cref="KpiFromCsv"/> read the expected series back from that same text.
/// </summary>
public sealed class PlantedLinkage
{
    /// <summary>Contacts fewer per one-point rise of CES, one month later.</summary>
    public const double K = 200;

    public const int Months = 24;

    /// <summary>Sum of each month's ten CES scores (mean = sum / 10): a wandering series with changes of both signs.</summary>
    private static readonly int[] CesSums = [45, 48, 44, 50, 47, 52, 49, 46, 51, 55, 50, 47, 53, 49, 52, 56, 51, 54, 50, 57, 53, 55, 58, 54];

    /// <summary>Contacts of noise added to each month's change of contact volume.</summary>
    private static readonly int[] ContactNoise = [3, -2, 5, -4, 1, 0, -3, 4, -1, 2, -5, 3, 0, -2, 4, -3, 1, 5, -4, 2, -1, 0, 3, -2];

    /// <summary>Cost to serve, independent of everything else (its own fixed sequence).</summary>
    private static readonly double[] CostToServe =
        [15.2, 14.6, 15.9, 15.1, 14.8, 15.5, 16.0, 14.9, 15.3, 15.0, 15.8, 14.7, 15.4, 16.1, 15.2, 14.5, 15.6, 15.1, 14.9, 15.7, 15.3, 14.8, 15.5, 15.0];

    public PlantedLinkage(DateOnly first)
    {
        if (first.Day != 1)
        {
            throw new ArgumentException("the first month is its 1st", nameof(first));
        }
        First = first;

        var responses = new StringBuilder("response_id,survey,score,responded_at\n");
        var ces = new double[Months];
        for (var m = 0; m < Months; m++)
        {
            var month = first.AddMonths(m);
            var (baseScore, extra) = (CesSums[m] / 10, CesSums[m] % 10);
            for (var i = 0; i < 10; i++)
            {
                var score = baseScore + (i < extra ? 1 : 0);
                responses.Append(CultureInfo.InvariantCulture, $"ces-{month:yyyyMM}-{i},ces,{score},{month.AddDays(2 + i):yyyy-MM-dd}T10:00:00Z\n");
            }
            ces[m] = CesSums[m] / 10.0;
        }
        ResponsesCsv = responses.ToString();

        var contacts = new double[Months];
        contacts[0] = 1200;
        for (var m = 1; m < Months; m++)
        {
            // The change into month m answers CES's change into month m − 1 (none before the first month).
            var cesChange = m >= 2 ? ces[m - 1] - ces[m - 2] : 0;
            contacts[m] = Math.Round(contacts[m - 1] - K * cesChange + ContactNoise[m], 6);
        }

        var kpis = new StringBuilder("department,kpi,period,value,unit\n");
        for (var m = 0; m < Months; m++)
        {
            kpis.Append(CultureInfo.InvariantCulture, $"finance,contact_volume,{first.AddMonths(m):yyyy-MM},{contacts[m]:R},contacts\n");
        }
        for (var m = 0; m < Months; m++)
        {
            kpis.Append(CultureInfo.InvariantCulture, $"finance,cost_to_serve,{first.AddMonths(m):yyyy-MM},{CostToServe[m]:R},currency per customer\n");
        }
        KpisCsv = kpis.ToString();
    }

    /// <summary>The first month (its 1st).</summary>
    public DateOnly First { get; }

    /// <summary>The last month (its 1st).</summary>
    public DateOnly Last => First.AddMonths(Months - 1);

    /// <summary>Ten CES answers a month, survey column ces, 1–7 scale.</summary>
    public string ResponsesCsv { get; }

    /// <summary>finance contact_volume and cost_to_serve, one value a month.</summary>
    public string KpisCsv { get; }

    /// <summary>Month's 1st → mean of the month's scores, read from a responses file's text (score and responded_at columns).</summary>
    public static Dictionary<DateOnly, double> CesFromCsv(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = lines[0].Split(',');
        var (score, at) = (Array.IndexOf(header, "score"), Array.IndexOf(header, "responded_at"));
        return lines.Skip(1).Select(l => l.Split(','))
            .GroupBy(f => { var d = DateOnly.ParseExact(f[at][..10], "yyyy-MM-dd", CultureInfo.InvariantCulture); return new DateOnly(d.Year, d.Month, 1); })
            .ToDictionary(g => g.Key, g => g.Average(f => double.Parse(f[score], CultureInfo.InvariantCulture)));
    }

    /// <summary>Month's 1st → value of one KPI, read from a kpis file's text.</summary>
    public static Dictionary<DateOnly, double> KpiFromCsv(string csv, string department, string kpi) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
            .Select(l => l.Split(','))
            .Where(f => f[0] == department && f[1] == kpi)
            .ToDictionary(f => DateOnly.ParseExact(f[2] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture), f => double.Parse(f[3], CultureInfo.InvariantCulture));
}
