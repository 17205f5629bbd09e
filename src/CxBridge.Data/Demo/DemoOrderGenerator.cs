namespace CxBridge.Data.Demo;

/// <summary>One generated order, before it gets its id. A refund is an order with a negative amount.</summary>
internal sealed record DemoOrder(string CustomerId, DateTime OrderedAt, decimal Amount, bool Referred, string Channel);

/// <summary>
/// Orders of the demo company's customers, only while they are customers. How often a customer orders depends on the
/// segment and on last month's NPS; amounts on the plan and the segment; the share of orders that came through a
/// referral follows last month's NPS (<see cref="DemoCompany.ReferralTarget"/>).
/// </summary>
internal sealed class DemoOrderGenerator
{
    internal static readonly string[] Channels = ["web", "app", "store", "phone"];

    /// <summary>Channel mix of each segment, in <see cref="DemoResponseGenerator.Segments"/> then <see cref="Channels"/> order.</summary>
    private static readonly double[][] ChannelWeightsBySegment =
    [
        [0.40, 0.38, 0.20, 0.02],
        [0.55, 0.20, 0.10, 0.15],
        [0.60, 0.10, 0.00, 0.30],
        [0.55, 0.05, 0.00, 0.40],
    ];

    /// <summary>Orders a month of a customer of each segment at <see cref="DemoCompany.NpsReference"/>.</summary>
    private static readonly double[] OrdersPerMonthBySegment = [1.25, 1.60, 1.75, 2.10];

    /// <summary>Typical order of each plan (basic, plus, pro, enterprise), before the segment's multiplier.</summary>
    private static readonly double[] PlanAmounts = [29.0, 59.0, 129.0, 420.0];

    private static readonly double[] SegmentAmountMultipliers = [1.0, 1.7, 3.0, 5.5];

    /// <summary>Share of orders that are refunds (negative amounts).</summary>
    private const double RefundShare = 0.01;

    private readonly DemoCompany _company;
    private readonly Random _rng;

    public DemoOrderGenerator(DemoCompany company)
    {
        _company = company;
        _rng = new Random(unchecked(company.Seed * 31 + 211));
    }

    /// <summary>The orders of every month, in time order.</summary>
    public List<DemoOrder> Generate()
    {
        var orders = new List<DemoOrder>(_company.Months * 3300);
        for (var m = 0; m < _company.Months; m++)
        {
            orders.AddRange(GenerateMonth(m));
        }

        return orders;
    }

    private List<DemoOrder> GenerateMonth(int m)
    {
        var monthStart = _company.First.AddMonths(m);
        var next = monthStart.AddMonths(1);
        var days = next.DayNumber - monthStart.DayNumber;

        // Happy customers renew, add seats and buy more, on the same rhythm as the unhappy ones leave: two months
        // after NPS moves. The holidays add a little, January takes a little away.
        var rate = Math.Exp(0.01 * (_company.NpsAt(m - 2) - DemoCompany.NpsReference))
            * monthStart.Month switch { 11 => 1.04, 12 => 1.08, 1 => 0.96, _ => 1.0 }
            * (1 + 0.015 * _rng.Normal());

        var drafts = new List<(DemoCustomer Customer, DateTime At, decimal Amount, int Channel)>(3500);
        foreach (var c in _company.ActiveDuring(m))
        {
            var from = c.StartedAt > monthStart ? c.StartedAt : monthStart;
            var to = c.EndedAt is { } ended && ended < next ? ended : next;
            var activeDays = to.DayNumber - from.DayNumber;
            if (activeDays <= 0)
            {
                continue;
            }

            var mean = OrdersPerMonthBySegment[c.Segment] * Math.Exp(0.4 * c.Disposition) * rate * activeDays / days;
            var count = _rng.Poisson(mean);
            for (var k = 0; k < count; k++)
            {
                var at = _rng.Moment(_rng.Day(from, to, weekendWeight: 0.8), DemoRandom.HourWeights);
                var typical = PlanAmounts[c.Product] * SegmentAmountMultipliers[c.Segment];
                var amount = typical * Math.Exp(0.35 * _rng.Normal());
                if (_rng.NextDouble() < RefundShare)
                {
                    // A refund: all of an order, or part of it.
                    amount = -amount * (_rng.NextDouble() < 0.6 ? 1.0 : 0.2 + 0.6 * _rng.NextDouble());
                }

                drafts.Add((c, at, Math.Round((decimal)amount, 2, MidpointRounding.AwayFromZero), _rng.Pick(ChannelWeightsBySegment[c.Segment])));
            }
        }

        drafts.Sort(static (a, b) =>
        {
            var byTime = a.At.CompareTo(b.At);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.Customer.Id, b.Customer.Id);
        });

        // Which orders came through a referral: as many as the month's referral rate says, more likely for a new
        // customer (who was referred) and for a customer who rates kindly; never a refund.
        var weights = new double[drafts.Count];
        for (var i = 0; i < weights.Length; i++)
        {
            var (c, at, amount, _) = drafts[i];
            var isNew = DateOnly.FromDateTime(at).DayNumber - c.StartedAt.DayNumber < 60;
            weights[i] = amount < 0 ? 0 : (isNew ? 4.0 : 1.0) * Math.Exp(1.5 * c.Disposition);
        }

        var target = _company.ReferralTarget(m) * (1 + 0.04 * _rng.Normal());
        var referred = new HashSet<int>(_rng.SampleWithoutReplacement(weights, (int)Math.Round(drafts.Count * target)));

        var orders = new List<DemoOrder>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var (c, at, amount, channel) = drafts[i];
            orders.Add(new DemoOrder(c.Id, at, amount, referred.Contains(i), Channels[channel]));
        }

        return orders;
    }
}
