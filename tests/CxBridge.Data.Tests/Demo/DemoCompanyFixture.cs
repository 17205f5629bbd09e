using CxBridge.Data.Demo;

namespace CxBridge.Data.Tests.Demo;

/// <summary>One generated CSV of the demo, parsed.</summary>
public sealed record DemoFile(string Text, int Written, string[] Header, List<string[]> Rows);

/// <summary>
/// Every kind of the demo for the default window (24 months up to January 2026), generated and parsed once, with the
/// monthly series the department pages would compute from them (docs/metrics.md definitions).
/// </summary>
public sealed class DemoCompanyFixture
{
    public const int Months = 24;
    public static readonly DateOnly End = new(2026, 1, 1);
    public static readonly DateOnly Start = End.AddMonths(-Months);

    /// <summary>The writers by kind, with the default window and the given seed.</summary>
    public static readonly IReadOnlyDictionary<string, Func<TextWriter, DateOnly, int, int, int>> Writers =
        new Dictionary<string, Func<TextWriter, DateOnly, int, int, int>>
        {
            ["responses"] = DemoData.WriteResponses,
            ["customers"] = DemoData.WriteCustomers,
            ["orders"] = DemoData.WriteOrders,
            ["tickets"] = DemoData.WriteTickets,
            ["kpis"] = DemoData.WriteKpis,
            ["events"] = DemoData.WriteEvents,
        };

    public DemoCompanyFixture()
    {
        Files = Writers.ToDictionary(w => w.Key, w => Generate(w.Key, DemoData.DefaultSeed));
        MonthKeys = Enumerable.Range(0, Months).Select(i => Start.AddMonths(i).ToString("yyyy-MM")).ToArray();
        CustomersById = Customers.ToDictionary(r => r[CustomerRules.Id]);

        var responses = Files["responses"].Rows;
        Nps = Monthly(responses.Where(r => r[ResponseRules.Survey] == "nps"), ResponseRules.MonthOf, ResponseRules.Nps);
        Csat = Monthly(responses.Where(r => r[ResponseRules.Survey] == "csat"), ResponseRules.MonthOf, ResponseRules.TopTwoPercent);
        Ces = Monthly(responses.Where(r => r[ResponseRules.Survey] == "ces"), ResponseRules.MonthOf, ResponseRules.Mean);
        Psat = Monthly(responses.Where(r => r[ResponseRules.Survey] == "psat"), ResponseRules.MonthOf, ResponseRules.TopTwoPercent);
        PsatCount = Monthly(responses.Where(r => r[ResponseRules.Survey] == "psat"), ResponseRules.MonthOf, g => g.Count());
        Enps = Monthly(responses.Where(r => r[ResponseRules.Survey] == "enps"), ResponseRules.MonthOf, ResponseRules.Nps);

        Churn = new double[Months];
        Started = new double[Months];
        for (var m = 0; m < Months; m++)
        {
            // docs/metrics.md, churn rate (start basis): S active at s, L_S of them ended before e.
            var (s, e) = (Start.AddMonths(m), Start.AddMonths(m + 1));
            var atStart = Customers.Where(c => KindRules.Date(c[CustomerRules.StartedAt]) < s
                && (c[CustomerRules.EndedAt] == "" || KindRules.Date(c[CustomerRules.EndedAt]) >= s)).ToList();
            var left = atStart.Count(c => c[CustomerRules.EndedAt] != "" && KindRules.Date(c[CustomerRules.EndedAt]) < e);
            Churn[m] = 100.0 * left / atStart.Count;
            Started[m] = Customers.Count(c => KindRules.Date(c[CustomerRules.StartedAt]) is var d && d >= s && d < e);
        }

        static string OrderMonth(string[] r) => r[OrderRules.OrderedAt][..7];
        OrderCount = Monthly(Orders, OrderMonth, g => g.Count());
        Referral = Monthly(Orders, OrderMonth, g => 100.0 * g.Count(OrderRules.IsReferred) / g.Count());
        Revenue = MonthKeys.Select(k => Orders.Where(o => OrderMonth(o) == k).Sum(OrderRules.AmountOf)).ToArray();

        static string OpenMonth(string[] r) => r[TicketRules.OpenedAt][..7];
        static string ResolvedMonth(string[] r) => r[TicketRules.ResolvedAt][..7];
        var resolved = Tickets.Where(t => t[TicketRules.ResolvedAt] != "").ToList();
        TicketCount = Monthly(Tickets, OpenMonth, g => g.Count());
        Fcr = Monthly(resolved, ResolvedMonth, g => 100.0 * g.Count(t => TicketRules.ContactsOf(t) == 1) / g.Count());
        Frt = Monthly(Tickets.Where(t => t[TicketRules.FirstResponseAt] != ""), OpenMonth,
            g => Median(g.Select(t => TicketRules.Hours(t, TicketRules.FirstResponseAt))));
        ResolutionTime = Monthly(resolved, ResolvedMonth, g => g.Average(t => TicketRules.Hours(t, TicketRules.ResolvedAt)));
        Escalation = Monthly(Tickets, OpenMonth, g => 100.0 * g.Count(t => t[TicketRules.Escalated] == "true") / g.Count());
    }

    public IReadOnlyDictionary<string, DemoFile> Files { get; }
    public List<string[]> Customers => Files["customers"].Rows;
    public List<string[]> Orders => Files["orders"].Rows;
    public List<string[]> Tickets => Files["tickets"].Rows;
    public List<string[]> Kpis => Files["kpis"].Rows;
    public List<string[]> Events => Files["events"].Rows;
    public IReadOnlyDictionary<string, string[]> CustomersById { get; }

    /// <summary><c>yyyy-MM</c> of each month of the window.</summary>
    public string[] MonthKeys { get; }

    public double[] Nps { get; }
    public double[] Csat { get; }
    public double[] Ces { get; }
    public double[] Psat { get; }
    public double[] PsatCount { get; }
    public double[] Enps { get; }

    /// <summary>Churn rate, start basis (%).</summary>
    public double[] Churn { get; }

    /// <summary>Customers whose <c>started_at</c> is in the month.</summary>
    public double[] Started { get; }

    public double[] OrderCount { get; }

    /// <summary>Referral rate (%): referred orders of all orders of the month.</summary>
    public double[] Referral { get; }

    /// <summary>Sum of the month's order amounts.</summary>
    public decimal[] Revenue { get; }

    public double[] TicketCount { get; }

    /// <summary>FCR (%) of the tickets resolved in the month.</summary>
    public double[] Fcr { get; }

    /// <summary>FRT (median hours) of the tickets opened in the month.</summary>
    public double[] Frt { get; }

    /// <summary>Mean hours to resolution of the tickets resolved in the month.</summary>
    public double[] ResolutionTime { get; }

    /// <summary>Escalation rate (%) of the tickets opened in the month.</summary>
    public double[] Escalation { get; }

    /// <summary>The KPI's monthly values.</summary>
    public double[] Kpi(string department, string kpi) => KpiText(department, kpi).Select(KindRules.Number).ToArray();

    /// <summary>The KPI's monthly values as written.</summary>
    public string[] KpiText(string department, string kpi) =>
        MonthKeys.Select(k => Kpis.Single(r => r[KpiRules.Department] == department
            && r[KpiRules.Kpi] == kpi && r[KpiRules.Period] == k)[KpiRules.Value]).ToArray();

    public static DemoFile Generate(string kind, int seed, DateOnly? end = null, int months = Months)
    {
        var writer = new StringWriter();
        var written = Writers[kind](writer, end ?? End, months, seed);
        var text = writer.ToString();
        var (header, rows) = CsvTestReader.Read(text);
        return new DemoFile(text, written, header, rows);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private double[] Monthly(IEnumerable<string[]> rows, Func<string[], string> month, Func<IEnumerable<string[]>, double> value)
    {
        var groups = rows.GroupBy(month).ToDictionary(g => g.Key);
        return MonthKeys.Select(k => groups.TryGetValue(k, out var g) ? value(g) : double.NaN).ToArray();
    }

    /// <summary>
    /// docs/metrics.md, linkage statistics: Pearson r of the month-over-month changes, Δx(t) paired with Δy(t + lag).
    /// </summary>
    public static double ChangeCorrelation(IReadOnlyList<double> x, IReadOnlyList<double> y, int lag)
    {
        var dx = new List<double>();
        var dy = new List<double>();
        for (var t = 1; t + lag < x.Count; t++)
        {
            dx.Add(x[t] - x[t - 1]);
            dy.Add(y[t + lag] - y[t + lag - 1]);
        }

        var (mx, my) = (dx.Average(), dy.Average());
        var sxy = dx.Zip(dy, (a, b) => (a - mx) * (b - my)).Sum();
        return sxy / Math.Sqrt(dx.Sum(a => (a - mx) * (a - mx)) * dy.Sum(b => (b - my) * (b - my)));
    }
}
