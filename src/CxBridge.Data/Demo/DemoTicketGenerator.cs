namespace CxBridge.Data.Demo;

/// <summary>One generated support ticket, before it gets its id. Null times are not there (yet).</summary>
internal sealed record DemoTicket(
    string CustomerId,
    DateTime OpenedAt,
    DateTime? FirstResponseAt,
    DateTime? ResolvedAt,
    int Contacts,
    bool Escalated,
    string Channel,
    string? Agent,
    string Team);

/// <summary>
/// Support tickets of the demo company's customers. The volume falls a month after effort gets easier (CES);
/// first-contact resolution, first response and resolution times move with the month's CSAT and CES, and the agents
/// are the ones in the surveys, the best resolving more at the first contact and the worst fewer.
/// </summary>
internal sealed class DemoTicketGenerator
{
    internal static readonly string[] Channels = ["email", "phone", "chat", "web", "app"];
    private static readonly double[] ChannelWeights = [0.38, 0.18, 0.24, 0.14, 0.06];

    /// <summary>Median hours to the first response on each channel: a call is answered at once, an email takes hours.</summary>
    private static readonly double[] FirstResponseMedianHours = [6.0, 0.08, 0.5, 5.0, 4.0];

    /// <summary>First-contact resolution on each channel, relative to the month's rate.</summary>
    private static readonly double[] ChannelFcrEffects = [-0.06, 0.05, 0.03, -0.04, 0.00];

    internal static readonly string[] Teams = ["tier1", "tier2", "billing", "technical"];
    private static readonly double[] TeamWeights = [0.62, 0.00, 0.20, 0.18];

    /// <summary>Tickets a month per customer segment, relative (enterprises have more people who ask).</summary>
    private static readonly double[] SegmentTicketWeights = [0.8, 1.0, 1.3, 1.8];

    /// <summary>The CES and CSAT the ticket curves are centred on.</summary>
    internal const double CesReference = 5.1;
    internal const double CsatReference = 78.0;

    /// <summary>Tickets a month for 1,800 customers at <see cref="CesReference"/>.</summary>
    private const double TicketsPerMonth = 1530.0;

    private readonly DemoCompany _company;
    private readonly Random _rng;

    public DemoTicketGenerator(DemoCompany company)
    {
        _company = company;
        _rng = new Random(unchecked(company.Seed * 31 + 307));
    }

    /// <summary>The tickets of every month, in order of opening.</summary>
    public List<DemoTicket> Generate()
    {
        var tickets = new List<DemoTicket>(_company.Months * 1800);
        for (var m = 0; m < _company.Months; m++)
        {
            tickets.AddRange(GenerateMonth(m));
        }

        return tickets;
    }

    private List<DemoTicket> GenerateMonth(int m)
    {
        var monthStart = _company.First.AddMonths(m);
        var next = monthStart.AddMonths(1);
        var end = _company.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var company = _company;

        // Contact volume: when it got easier last month, fewer customers need to get in touch this month.
        var lastCes = m > 0 ? company.Ces[m - 1] : company.Ces[0];
        var holidays = monthStart.Month is 11 or 12 ? 1.08 : 1.0;
        var count = (int)Math.Round(TicketsPerMonth * company.ActiveAtStart[m] / 1800.0
            * Math.Exp(-0.6 * (lastCes - CesReference)) * holidays * (1 + 0.025 * _rng.Normal()));

        // The month's service quality, tied to what customers said about it.
        var csatGap = company.Csat[m] - CsatReference;
        var fcr = 0.70 + 0.006 * csatGap;
        var firstResponseFactor = Math.Exp(-0.035 * csatGap);
        var resolutionFactor = Math.Exp(-0.9 * (company.Ces[m] - CesReference));

        var customers = company.ActiveDuring(m);
        // Cumulative weights, searched: a linear pick over some 2,000 customers per ticket would be slow.
        var cumulative = new double[customers.Count];
        var total = 0.0;
        for (var i = 0; i < cumulative.Length; i++)
        {
            total += SegmentTicketWeights[customers[i].Segment];
            cumulative[i] = total;
        }

        // Stratified positions for first-contact resolution, as for eNPS: the month's rate shows through the noise.
        var strata = new int[count];
        for (var i = 0; i < count; i++)
        {
            strata[i] = i;
        }

        _rng.Shuffle(strata);
        var tickets = new List<DemoTicket>(count);
        for (var i = 0; i < count; i++)
        {
            var at = Array.BinarySearch(cumulative, _rng.NextDouble() * total);
            var c = customers[Math.Min(at < 0 ? ~at : at, customers.Count - 1)];
            var from = c.StartedAt > monthStart ? c.StartedAt : monthStart;
            var to = c.EndedAt is { } ended && ended < next ? ended : next;
            var opened = _rng.Moment(_rng.Day(from, to, weekendWeight: 0.4), DemoRandom.HourWeights);
            var channel = _rng.Pick(ChannelWeights);
            var agent = _rng.Next(DemoResponseGenerator.Agents.Length);
            var skill = DemoResponseGenerator.AgentEffects[agent];

            var u = (strata[i] + _rng.NextDouble()) / count;
            var firstContact = u < fcr + 0.075 * skill + ChannelFcrEffects[channel];
            var contacts = firstContact ? 1 : Math.Min(5, 2 + _rng.Poisson(0.6));
            var escalated = _rng.NextDouble() < 0.04 * (contacts >= 3 ? 2.2 : contacts == 2 ? 1.2 : 0.7) * Math.Exp(-0.35 * skill);
            var team = escalated ? (_rng.NextDouble() < 0.75 ? 1 : 3) : _rng.Pick(TeamWeights);

            // Hours to the first answer (lognormal around the channel's median) and to the resolution.
            var firstResponse = Math.Clamp(
                FirstResponseMedianHours[channel] * firstResponseFactor * Math.Exp(0.8 * _rng.Normal()), 0.02, 72.0);
            var resolution = 9.0 * Math.Pow(contacts, 0.7) * (escalated ? 2.2 : 1.0) * resolutionFactor
                * Math.Exp(-0.12 * skill) * Math.Exp(0.55 * _rng.Normal());
            resolution = Math.Clamp(Math.Max(resolution, firstResponse + 0.5), 2.0, 100.0);

            // Now and then a ticket closes without an answer (the customer sorted it out): no response, no agent.
            var answered = _rng.NextDouble() >= 0.015;
            DateTime? firstResponseAt = answered ? opened.AddSeconds(Math.Round(firstResponse * 3600)) : null;
            DateTime? resolvedAt = opened.AddSeconds(Math.Round(resolution * 3600));

            // What is still open when the window ends has no resolution (or not even an answer) yet.
            if (resolvedAt >= end)
            {
                resolvedAt = null;
            }

            if (firstResponseAt >= end)
            {
                firstResponseAt = null;
            }

            if (!answered)
            {
                contacts = 1;
                escalated = false;
                team = 0;
            }

            tickets.Add(new DemoTicket(
                c.Id, opened, firstResponseAt, resolvedAt, contacts, escalated, Channels[channel],
                firstResponseAt is null ? null : DemoResponseGenerator.Agents[agent], Teams[team]));
        }

        tickets.Sort(static (a, b) =>
        {
            var byTime = a.OpenedAt.CompareTo(b.OpenedAt);
            return byTime != 0 ? byTime : string.CompareOrdinal(a.CustomerId, b.CustomerId);
        });
        return tickets;
    }
}
