namespace CxBridge.Data.Demo;

/// <summary>
/// One customer of the demo company. Segment, region, plan and disposition come from the responses' stream (so the
/// pool is the one the surveys always drew from); the dates come from <see cref="DemoCompany"/>.
/// </summary>
internal sealed class DemoCustomer(int index, string id, int segment, int region, int product, double disposition)
{
    public int Index { get; } = index;
    public string Id { get; } = id;
    public int Segment { get; } = segment;
    public int Region { get; } = region;

    /// <summary>The plan (basic, plus, pro, enterprise): the <c>product</c> of the responses.</summary>
    public int Product { get; } = product;

    /// <summary>How kindly this customer rates, about −0.6 … 0.6: it moves their scores, their churn and their referrals.</summary>
    public double Disposition { get; } = disposition;

    public DateOnly StartedAt { get; set; }

    /// <summary>The day the customer left (no longer a customer from that day on), or null while still a customer.</summary>
    public DateOnly? EndedAt { get; set; }
}

/// <summary>
/// The demo company month by month: who is a customer (an existing base, new customers arriving, customers leaving)
/// and what the surveys say. Surveys come only from customers who are customers for the whole month, and how many
/// customers arrive and leave follows what the surveys said one and two months before — renewals follow NPS — so
/// the relationships the department pages look for are really in the data. Orders, tickets and KPIs are built on
/// top (<see cref="DemoOrderGenerator"/>, <see cref="DemoTicketGenerator"/>, <see cref="DemoKpiGenerator"/>).
/// </summary>
internal sealed class DemoCompany
{
    /// <summary>Share of the pool that was already a customer when the window starts.</summary>
    private const double BaseShare = 0.60;

    /// <summary>The NPS the churn and growth curves are centred on, and the NPS assumed for the months before the window.</summary>
    internal const double NpsReference = 30.0;

    /// <summary>Customers arriving a month at <see cref="NpsReference"/>.</summary>
    private const double NewPerMonth = 45.0;

    /// <summary>Monthly churn (start basis) at <see cref="NpsReference"/>.</summary>
    private const double ChurnBase = 0.021;

    /// <summary>Relative change of churn per NPS point of two months before.</summary>
    private const double ChurnPerNpsPoint = 0.025;

    /// <summary>Relative change of new customers per NPS point of the month before.</summary>
    private const double NewPerNpsPoint = 0.022;

    /// <summary>Relative churn of each segment (consumers leave more easily than enterprises).</summary>
    private static readonly double[] SegmentChurn = [1.30, 1.00, 0.75, 0.55];

    private readonly Random _rng;
    private readonly DemoResponseGenerator _responses;
    private readonly List<DemoResponse>[]? _kept;

    /// <summary>Simulates the company over <paramref name="months"/> months from <paramref name="first"/>.</summary>
    /// <param name="seed">The demo seed; the surveys use it as it is, everything else a stream derived from it.</param>
    /// <param name="first">The first day of the first month.</param>
    /// <param name="months">How many months.</param>
    /// <param name="keepResponses">Keep the responses (with comments) for writing; otherwise only their monthly metrics.</param>
    public DemoCompany(int seed, DateOnly first, int months, bool keepResponses)
    {
        Seed = seed;
        First = first;
        Months = months;
        _rng = new Random(unchecked(seed * 31 + 101));
        _responses = new DemoResponseGenerator(seed, first, months, withComments: keepResponses);
        _kept = keepResponses ? new List<DemoResponse>[months] : null;
        Customers = _responses.Customers;

        Nps = new double[months];
        Csat = new double[months];
        Ces = new double[months];
        Psat = new double[months];
        Enps = new double[months];
        ActiveAtStart = new int[months];
        Left = new int[months];
        Started = new int[months];
        Simulate();
    }

    public int Seed { get; }

    /// <summary>The first day of the first month.</summary>
    public DateOnly First { get; }

    public int Months { get; }

    /// <summary>The end of the window: the first day after the last month.</summary>
    public DateOnly End => First.AddMonths(Months);

    public IReadOnlyList<DemoCustomer> Customers { get; }

    /// <summary>NPS of the month's <c>nps</c> responses (points).</summary>
    public double[] Nps { get; }

    /// <summary>CSAT of the month's <c>csat</c> responses (% in the top two points).</summary>
    public double[] Csat { get; }

    /// <summary>CES of the month's <c>ces</c> responses (mean, 1–7).</summary>
    public double[] Ces { get; }

    /// <summary>PSAT of the month's <c>psat</c> responses (% in the top two points).</summary>
    public double[] Psat { get; }

    /// <summary>eNPS of the month's <c>enps</c> responses (points).</summary>
    public double[] Enps { get; }

    /// <summary>Customers at the start of each month (docs/metrics.md <c>S</c>).</summary>
    public int[] ActiveAtStart { get; }

    /// <summary>Customers of <see cref="ActiveAtStart"/> who left during the month (<c>L_S</c>).</summary>
    public int[] Left { get; }

    /// <summary>Customers who started during the month (<c>N</c>).</summary>
    public int[] Started { get; }

    /// <summary>The responses of month <paramref name="m"/>, in time order (only with <c>keepResponses</c>).</summary>
    public IReadOnlyList<DemoResponse> Responses(int m) =>
        _kept?[m] ?? throw new InvalidOperationException("The responses were not kept.");

    /// <summary>NPS of month <paramref name="m"/>, or the NPS assumed before the window for a month before it.</summary>
    public double NpsAt(int m) => m < 0 ? NpsReference : Nps[Math.Min(m, Months - 1)];

    /// <summary>
    /// The expected churn (start basis, 0–1) of month <paramref name="m"/>: customers decide at renewal, a month after
    /// how they felt shows in NPS, and leave the month after that — churn follows NPS two months on, and the
    /// referral rate (which follows NPS one month on) one month on.
    /// </summary>
    public double ChurnTarget(int m) => ChurnBase * Math.Exp(-ChurnPerNpsPoint * (NpsAt(m - 2) - NpsReference));

    /// <summary>Churn (start basis, %) of month <paramref name="m"/>.</summary>
    public double ChurnRate(int m) => ActiveAtStart[m] == 0 ? 0 : 100.0 * Left[m] / ActiveAtStart[m];

    /// <summary>
    /// The share of orders that come through a referral in month <paramref name="m"/>: promoters recommend, and the
    /// purchases they bring arrive about a month later, so it follows last month's NPS (3–8%).
    /// </summary>
    public double ReferralTarget(int m) => Math.Clamp(0.052 * Math.Exp(0.03 * (NpsAt(m - 1) - NpsReference)), 0.03, 0.08);

    /// <summary>Customers of the pool who are customers at some moment of month <paramref name="m"/>.</summary>
    public List<DemoCustomer> ActiveDuring(int m)
    {
        var start = First.AddMonths(m);
        var next = start.AddMonths(1);
        var list = new List<DemoCustomer>(2400);
        foreach (var c in Customers)
        {
            if (c.StartedAt < next && (c.EndedAt is null || c.EndedAt.Value > start))
            {
                list.Add(c);
            }
        }

        return list;
    }

    private void Simulate()
    {
        var baseCount = (int)Math.Round(BaseShare * Customers.Count);

        // The existing base: started up to eight years before the window, more of them recently (the older ones
        // who stayed are fewer). All of them are customers when the window opens.
        for (var i = 0; i < baseCount; i++)
        {
            var monthsBack = 1 + (int)Math.Min(95, -30.0 * Math.Log(1.0 - _rng.NextDouble()));
            var monthStart = First.AddMonths(-monthsBack);
            Customers[i].StartedAt = _rng.Day(monthStart, monthStart.AddMonths(1), weekendWeight: 0.3);
        }

        var nextNew = baseCount;
        var lastNps = new int[Customers.Count];
        var lastNpsMonth = new int[Customers.Count];
        Array.Fill(lastNpsMonth, int.MinValue);
        var active = new List<DemoCustomer>(Customers.Take(baseCount));

        for (var m = 0; m < Months; m++)
        {
            var monthStart = First.AddMonths(m);
            var next = monthStart.AddMonths(1);
            var season = Math.Sin(2 * Math.PI * (monthStart.Month - 3) / 12.0);
            ActiveAtStart[m] = active.Count;

            // Who leaves: as many as the churn of the month says, then who, weighted by segment and disposition, and
            // much more likely if their last answer was a detractor's.
            var churn = ChurnTarget(m) * (1 + 0.04 * _rng.Normal());
            var weights = new double[active.Count];
            for (var i = 0; i < weights.Length; i++)
            {
                var c = active[i];
                var w = SegmentChurn[c.Segment] * Math.Exp(-2.0 * c.Disposition);
                if (m - lastNpsMonth[c.Index] <= 3)
                {
                    w *= lastNps[c.Index] <= 6 ? 2.5 : lastNps[c.Index] >= 9 ? 0.6 : 1.0;
                }

                weights[i] = w;
            }

            var leaving = _rng.SampleWithoutReplacement(weights, (int)Math.Round(active.Count * churn));
            foreach (var i in leaving)
            {
                active[i].EndedAt = _rng.Day(monthStart, next, weekendWeight: 0.6);
            }

            Left[m] = leaving.Length;

            // Who arrives: word of mouth and reviews bring new customers the month after NPS moves.
            var arriving = (int)Math.Round(NewPerMonth * Math.Exp(NewPerNpsPoint * (NpsAt(m - 1) - NpsReference))
                * (1 + 0.05 * season) * (1 + 0.05 * _rng.Normal()));
            arriving = Math.Min(Math.Max(arriving, 0), Customers.Count - nextNew);
            var arrived = new List<DemoCustomer>(arriving);
            for (var i = 0; i < arriving; i++)
            {
                var c = Customers[nextNew++];
                c.StartedAt = _rng.Day(monthStart, next, weekendWeight: 0.3);
                arrived.Add(c);
            }

            arrived.Sort(static (a, b) => a.StartedAt.CompareTo(b.StartedAt));
            Started[m] = arriving;

            // The surveys of the month ask those who are customers all month long.
            var pool = active.Where(c => c.EndedAt is null).ToList();
            var responses = _responses.GenerateMonth(m, pool);
            Measure(m, responses);
            foreach (var r in responses)
            {
                if (r.Survey == "nps" && r.CustomerId is not null)
                {
                    var index = int.Parse(r.CustomerId.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture) - 1;
                    lastNps[index] = r.Score;
                    lastNpsMonth[index] = m;
                }
            }

            if (_kept is not null)
            {
                _kept[m] = responses;
            }

            active = [.. pool, .. arrived];
        }

        // The rest of the pool were customers once and left before the window: the customer file knows them too.
        for (var i = nextNew; i < Customers.Count; i++)
        {
            var monthsBack = 4 + _rng.Next(60);
            var start = First.AddMonths(-monthsBack);
            var c = Customers[i];
            c.StartedAt = _rng.Day(start, start.AddMonths(1), weekendWeight: 0.3);
            var stayed = 1 + _rng.Next(monthsBack - 1);
            var endMonth = c.StartedAt.AddMonths(stayed);
            c.EndedAt = _rng.Day(new DateOnly(endMonth.Year, endMonth.Month, 1), new DateOnly(endMonth.Year, endMonth.Month, 1).AddMonths(1), 0.6);
            if (c.EndedAt <= c.StartedAt)
            {
                c.EndedAt = c.StartedAt.AddDays(30);
            }

            if (c.EndedAt >= First)
            {
                c.EndedAt = First.AddDays(-1 - _rng.Next(20));
            }
        }
    }

    private void Measure(int m, List<DemoResponse> responses)
    {
        int npsN = 0, npsP = 0, npsD = 0, csatN = 0, csatTop = 0, cesN = 0, cesSum = 0, psatN = 0, psatTop = 0;
        int enpsN = 0, enpsP = 0, enpsD = 0;
        foreach (var r in responses)
        {
            switch (r.Survey)
            {
                case "nps":
                    npsN++;
                    npsP += r.Score >= 9 ? 1 : 0;
                    npsD += r.Score <= 6 ? 1 : 0;
                    break;
                case "enps":
                    enpsN++;
                    enpsP += r.Score >= 9 ? 1 : 0;
                    enpsD += r.Score <= 6 ? 1 : 0;
                    break;
                case "csat":
                    csatN++;
                    csatTop += r.Score >= 4 ? 1 : 0;
                    break;
                case "psat":
                    psatN++;
                    psatTop += r.Score >= 4 ? 1 : 0;
                    break;
                case "ces":
                    cesN++;
                    cesSum += r.Score;
                    break;
            }
        }

        Nps[m] = 100.0 * (npsP - npsD) / Math.Max(1, npsN);
        Enps[m] = 100.0 * (enpsP - enpsD) / Math.Max(1, enpsN);
        Csat[m] = 100.0 * csatTop / Math.Max(1, csatN);
        Psat[m] = 100.0 * psatTop / Math.Max(1, psatN);
        Ces[m] = (double)cesSum / Math.Max(1, cesN);
    }
}
