using CxBridge.Metrics;

namespace CxBridge.Data.Demo;

/// <summary>One KPI value of a department for a month, written with <paramref name="Decimals"/> decimals.</summary>
internal sealed record DemoKpi(string Department, string Kpi, DateOnly Period, double Value, int Decimals, string Unit);

/// <summary>
/// The departments' monthly KPIs: every default KPI of <see cref="DepartmentCatalog"/> (docs/departments.md), with its unit. Where a KPI is something the other files
/// already hold, it is computed from them: revenue is the orders' sum, contact volume the tickets of the month, new
/// customers those who started. The rest follow the CX metrics the way the catalog's pairs expect, with a lag where
/// one is natural and with noise: an operational driver (page load time, lead time, turnover, training) is set so that
/// it goes with the CX the customers reported, and an outcome (renewals, cross-sell, expansion) follows it.
/// </summary>
internal sealed class DemoKpiGenerator
{
    private readonly DemoCompany _company;
    private readonly IReadOnlyList<DemoOrder> _orders;
    private readonly IReadOnlyList<DemoTicket> _tickets;
    private readonly Random _rng;

    public DemoKpiGenerator(DemoCompany company, IReadOnlyList<DemoOrder> orders, IReadOnlyList<DemoTicket> tickets)
    {
        _company = company;
        _orders = orders;
        _tickets = tickets;
        _rng = new Random(unchecked(company.Seed * 31 + 401));
    }

    /// <summary>Every department's KPIs, department by department, KPI by KPI, month by month.</summary>
    public List<DemoKpi> Generate()
    {
        var c = _company;
        var months = c.Months;
        var ops = new Operations(c, _orders, _tickets);

        // Shared by several KPIs: what marketing spends, what a contact costs, what service costs in all.
        var spend = Series(m => 62_000 * (1 + 0.06 * Math.Sin(2 * Math.PI * (c.First.AddMonths(m).Month - 2) / 12.0)) * (1 + 0.03 * Noise()));
        var costPerContact = Series(m => 8.40 * (1 + 1.6 * (0.70 - ops.Fcr[m] / 100) + 8.0 * (ops.Escalation[m] / 100 - 0.04)) * (1 + 0.015 * Noise()));
        var serviceCost = Series(m => ops.Contacts[m] * costPerContact[m] + 24_000);
        var newCustomers = Series(m => c.Started[m]);
        var retention = Series(m => 100 - c.ChurnRate(m));
        var ces = c.Ces;
        var csat = c.Csat;
        var nps = c.Nps;
        const double cesRef = DemoTicketGenerator.CesReference, csatRef = DemoTicketGenerator.CsatReference, npsRef = DemoCompany.NpsReference;

        var values = new Dictionary<(string, string), double[]>
        {
            [("marketing", "new_customers")] = newCustomers,
            [("marketing", "marketing_qualified_leads")] = Series(m => 9.0 * newCustomers[Math.Min(m + 1, months - 1)] * (1 + 0.05 * Noise())),
            [("marketing", "customer_acquisition_cost")] = Series(m => spend[m] / Math.Max(1, newCustomers[m])),

            [("finance", "revenue")] = ops.Revenue,
            [("finance", "cost_to_serve")] = Series(m => serviceCost[m] / Math.Max(1, c.ActiveAtStart[m])),
            [("finance", "contact_volume")] = ops.Tickets,
            [("finance", "self_service_rate")] = Series(m => Math.Clamp(36 + 14 * (ces[m] - cesRef) + 0.8 * Noise(), 5, 95)),

            // Lead time this month shows in NPS next month; time to close in this month's.
            [("operations", "feature_lead_time")] = Series(m => 26 - 0.32 * (Ahead(nps, m, 1) - npsRef) + 1.0 * Noise()),
            [("operations", "time_to_close")] = Series(m => 4.0 - 0.05 * (nps[m] - npsRef) + 0.15 * Noise()),
            [("operations", "products_per_customer")] = Series(m => 1.32 + 0.005 * m + 0.004 * (c.NpsAt(m - 1) - npsRef) + 0.01 * Noise()),

            [("technology", "page_load_time")] = Series(m => 2.2 * Math.Exp(-0.03 * (csat[m] - csatRef)) * (1 + 0.04 * Noise())),
            [("technology", "app_crash_rate")] = Series(m => Math.Max(0.1, 0.9 - 0.9 * (ces[m] - cesRef) + (BadRelease(m) ? 0.15 : 0) + 0.05 * Noise())),
            [("technology", "complaints")] = Series(m => 0.05 * ops.Tickets[m] * Math.Exp(-0.05 * (csat[m] - csatRef)) * (1 + 0.05 * Noise())),

            [("sales", "new_customers")] = newCustomers,
            [("sales", "cross_sell_rate")] = Series(m => 6.5 + 0.08 * (c.NpsAt(m - 1) - npsRef) + 0.25 * Noise()),
            [("sales", "upsell_rate")] = Series(m => 4.2 + 0.1 * (csat[m] - csatRef) + 0.2 * Noise()),
            [("sales", "revenue_per_customer")] = Series(m => ops.Revenue[m] / Math.Max(1, c.ActiveAtStart[m])),

            [("product", "feature_adoption")] = Series(m => 41 + 12 * (ces[m] - cesRef) + 2.0 * ReleaseEffect(m) + 0.7 * Noise()),
            [("product", "active_users")] = Series(m => c.ActiveAtStart[m] * 6.2 * Math.Exp(0.004 * (c.Psat[m] - 72)) * (1 + 0.01 * Noise())),
            [("product", "releases")] = Series(m => Array.FindAll(DemoResponseGenerator.Releases, r => r.Month == m).Length),

            [("service", "cost_per_contact")] = costPerContact,
            [("service", "contact_volume")] = ops.Tickets,

            // Renewals decided this month are next month's churn.
            [("success", "renewal_rate")] = Series(m => Math.Clamp(100 - 360 * c.ChurnTarget(m + 1) + 0.4 * Noise(), 0, 100)),
            [("success", "expansion_revenue")] = Series(m =>
                c.ActiveAtStart[m] * 19.0 * (1 + 0.25 * (retention[m] - 98)) * (1 + 0.03 * Noise())),
            [("success", "health_score")] = Series(m => 64 + 0.3 * (nps[m] - npsRef) + 4 * (ces[m] - cesRef) + 0.8 * Noise()),

            // People who leave take their know-how with them: CSAT suffers the month after; training shows in FCR a month later.
            [("hr", "employee_turnover")] = Series(m =>
                Math.Max(0.2, 1.7 - 0.04 * (Ahead(csat, m, 1) - csatRef) - 0.01 * (c.Enps[m] - 15) + 0.08 * Noise())),
            [("hr", "engagement_index")] = Series(m => 66 + 0.22 * c.Enps[m] + 0.8 * Noise()),
            [("hr", "training_hours")] = Series(m => 8.5 + 0.35 * (Ahead(ops.Fcr, m, 1) - 70) + 0.45 * Noise()),

            [("executive", "revenue")] = ops.Revenue,
            [("executive", "profit")] = Series(m => 0.45 * ops.Revenue[m] - serviceCost[m] - spend[m] - 380_000 * (1 + 0.01 * Noise())),
        };

        // In the catalog's order; a KPI the demo has no story for (an admin's addition, say) is left out.
        var rows = new List<DemoKpi>(values.Count * months);
        foreach (var department in DepartmentCatalog.All)
        {
            foreach (var kpi in department.Kpis)
            {
                if (!values.TryGetValue((department.Code, kpi.Code), out var series))
                {
                    continue;
                }

                var decimals = kpi.Unit switch
                {
                    "count" when kpi.Code == "products_per_customer" => 2,
                    "count" or "contacts" => 0,
                    "%" or "seconds" => 2,
                    _ when kpi.Unit.StartsWith("currency", StringComparison.Ordinal) => 2,
                    _ => 1,
                };
                for (var m = 0; m < months; m++)
                {
                    var value = Math.Round(series[m], decimals, MidpointRounding.AwayFromZero);
                    rows.Add(new DemoKpi(department.Code, kpi.Code, c.First.AddMonths(m), value, decimals, kpi.Unit));
                }
            }
        }

        return rows;

        double[] Series(Func<int, double> value)
        {
            var series = new double[months];
            for (var m = 0; m < months; m++)
            {
                series[m] = value(m);
            }

            return series;
        }
    }

    /// <summary>The value <paramref name="lag"/> months after <paramref name="m"/>, or the last one there is.</summary>
    private static double Ahead(double[] series, int m, int lag) => series[Math.Min(m + lag, series.Length - 1)];

    private double Noise() => _rng.Normal();

    private static bool BadRelease(int m) => Array.Exists(DemoResponseGenerator.Releases, r => r.Month == m && r.Effect < 0);

    /// <summary>How the releases so far feel this month: each release's effect, fading by more than half a month.</summary>
    private static double ReleaseEffect(int m)
    {
        var effect = 0.0;
        foreach (var (month, e, _) in DemoResponseGenerator.Releases)
        {
            if (month <= m)
            {
                effect += e * Math.Pow(0.45, m - month);
            }
        }

        return effect;
    }

    /// <summary>The monthly figures of the orders and tickets, computed as docs/metrics.md defines them.</summary>
    private sealed class Operations
    {
        public Operations(DemoCompany company, IReadOnlyList<DemoOrder> orders, IReadOnlyList<DemoTicket> tickets)
        {
            var months = company.Months;
            Revenue = new double[months];
            Tickets = new double[months];
            Contacts = new double[months];
            Fcr = new double[months];
            Escalation = new double[months];

            // In decimal, so the KPI is exactly the sum a reader of the orders file gets.
            var revenue = new decimal[months];
            foreach (var o in orders)
            {
                revenue[MonthOf(company, o.OrderedAt)] += o.Amount;
            }

            var resolved = new int[months];
            var firstContact = new int[months];
            var escalated = new int[months];
            foreach (var t in tickets)
            {
                var m = MonthOf(company, t.OpenedAt);
                Tickets[m]++;
                Contacts[m] += t.Contacts;
                escalated[m] += t.Escalated ? 1 : 0;
                if (t.ResolvedAt is { } at && MonthOf(company, at) is var r && r < months)
                {
                    resolved[r]++;
                    firstContact[r] += t.Contacts == 1 ? 1 : 0;
                }
            }

            for (var m = 0; m < months; m++)
            {
                Revenue[m] = (double)revenue[m];
                Fcr[m] = resolved[m] == 0 ? 70 : 100.0 * firstContact[m] / resolved[m];
                Escalation[m] = Tickets[m] == 0 ? 4 : 100.0 * escalated[m] / Tickets[m];
            }
        }

        /// <summary>Sum of the month's order amounts (refunds subtract).</summary>
        public double[] Revenue { get; }

        /// <summary>Tickets opened in the month.</summary>
        public double[] Tickets { get; }

        /// <summary>Customer contacts of the tickets opened in the month.</summary>
        public double[] Contacts { get; }

        /// <summary>First-contact resolution (%) of the tickets resolved in the month.</summary>
        public double[] Fcr { get; }

        /// <summary>Escalation rate (%) of the tickets opened in the month.</summary>
        public double[] Escalation { get; }

        private static int MonthOf(DemoCompany company, DateTime at) =>
            (at.Year - company.First.Year) * 12 + at.Month - company.First.Month;
    }
}
