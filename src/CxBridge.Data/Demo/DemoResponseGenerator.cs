namespace CxBridge.Data.Demo;

/// <summary>One generated survey response, before it gets its id.</summary>
internal sealed record DemoResponse(
    string Survey,
    int Score,
    DateTime RespondedAt,
    string? CustomerId,
    string? Comment,
    string? Channel,
    string? Touchpoint,
    string? Region,
    string? Product,
    string? Segment,
    string? Agent,
    string? Department,
    int Sequence);

/// <summary>
/// The demo company's surveys (and its customer pool; who is a customer when is <see cref="DemoCompany"/>'s part).
/// Scores come from per-segment base distributions over each scale, tilted towards the top of
/// the scale by the sum of the effects that apply (month, channel, touchpoint, agent, region, product, customer):
/// <c>p(i) ∝ base(i) · exp(γ · (i − min) / (max − min))</c>. Two <see cref="Random"/> streams derived from the seed keep
/// the scores independent of the comment wording.
/// </summary>
internal sealed class DemoResponseGenerator
{
    /// <summary>The size of the customer pool (<c>C00001</c> …): everyone who is, was or will be a customer.</summary>
    private const int CustomerCount = 3000;

    /// <summary>Months by which employee sentiment (eNPS) leads customer sentiment (NPS).</summary>
    private const int EnpsLeadMonths = 2;

    internal static readonly string[] Segments = ["consumer", "smb", "mid-market", "enterprise"];
    private static readonly double[] SegmentWeights = [0.40, 0.30, 0.20, 0.10];

    internal static readonly string[] Regions = ["north", "south", "east", "west", "central"];
    private static readonly double[] RegionWeights = [0.22, 0.20, 0.20, 0.23, 0.15];
    private static readonly double[] RegionEffects = [0.05, -0.05, 0.00, 0.12, -0.15];

    internal static readonly string[] Products = ["basic", "plus", "pro", "enterprise"];
    private static readonly double[] ProductEffects = [-0.05, 0.05, 0.15, -0.10];

    /// <summary>Product mix of each segment, in <see cref="Segments"/> order.</summary>
    private static readonly double[][] ProductWeightsBySegment =
    [
        [0.55, 0.35, 0.10, 0.00],
        [0.20, 0.45, 0.30, 0.05],
        [0.00, 0.20, 0.50, 0.30],
        [0.00, 0.00, 0.25, 0.75],
    ];

    private static readonly string[] Channels = ["email", "phone", "chat", "web", "app", "store"];
    private static readonly double[] ChannelEffects = [0.00, -0.40, 0.35, 0.05, 0.15, 0.10];

    /// <summary>Extra effect of each channel on CES: self-service and chat are easy, phone and store less so.</summary>
    private static readonly double[] ChannelEffortEffects = [-0.05, -0.35, 0.25, 0.15, 0.25, -0.15];

    private static readonly string[] Touchpoints = ["purchase", "delivery", "support", "billing", "onboarding", "renewal"];
    private static readonly double[] TouchpointEffects = [0.20, 0.05, -0.10, -0.40, 0.10, -0.05];

    /// <summary>Channel mix of each touchpoint, in <see cref="Touchpoints"/> then <see cref="Channels"/> order.</summary>
    private static readonly double[][] ChannelWeightsByTouchpoint =
    [
        [0.05, 0.05, 0.05, 0.35, 0.25, 0.25],
        [0.40, 0.05, 0.05, 0.20, 0.25, 0.05],
        [0.22, 0.32, 0.32, 0.08, 0.06, 0.00],
        [0.35, 0.20, 0.12, 0.25, 0.08, 0.00],
        [0.25, 0.08, 0.12, 0.35, 0.20, 0.00],
        [0.40, 0.25, 0.08, 0.20, 0.07, 0.00],
    ];

    private static readonly double[] NpsTouchpointWeights = [0.22, 0.14, 0.22, 0.12, 0.12, 0.18];
    private static readonly double[] CsatTouchpointWeights = [0.15, 0.20, 0.35, 0.15, 0.10, 0.05];
    private static readonly double[] CesTouchpointWeights = [0.10, 0.05, 0.45, 0.20, 0.12, 0.08];

    /// <summary>Support agents. The first is clearly the best, the last clearly the worst.</summary>
    internal static readonly string[] Agents =
    [
        "Ana Ruiz", "Ben Okafor", "Chloe Martin", "David Kim", "Elena Petrova", "Farid Haddad",
        "Grace Liu", "Hugo Santos", "Isla Murphy", "Jonas Weber", "Keiko Tanaka", "Tom Becker",
    ];

    internal static readonly double[] AgentEffects = [1.30, 0.05, -0.05, 0.00, 0.05, -0.05, 0.03, -0.05, 0.05, -0.03, 0.00, -1.20];

    private static readonly string[] Departments =
        ["marketing", "finance", "operations", "technology", "sales", "product", "service", "success", "hr"];

    /// <summary>Share of the eNPS answers from each department: small departments often fall under the anonymity threshold.</summary>
    private static readonly double[] DepartmentWeights = [0.06, 0.04, 0.12, 0.18, 0.14, 0.08, 0.25, 0.10, 0.03];

    private static readonly double[] DepartmentEffects = [0.20, 0.00, -0.20, 0.30, -0.10, 0.30, -0.35, 0.05, 0.20];

    // Base distributions over each scale (lowest score first), per segment in Segments order.
    private static readonly double[][] NpsBase =
    [
        [0.04, 0.02, 0.03, 0.03, 0.03, 0.06, 0.07, 0.10, 0.14, 0.18, 0.30],
        [0.01, 0.01, 0.02, 0.02, 0.03, 0.04, 0.05, 0.12, 0.18, 0.24, 0.28],
        [0.01, 0.01, 0.02, 0.02, 0.03, 0.04, 0.05, 0.15, 0.22, 0.24, 0.21],
        [0.01, 0.01, 0.01, 0.02, 0.03, 0.03, 0.06, 0.20, 0.26, 0.23, 0.14],
    ];

    private static readonly double[][] CsatBase =
    [
        [0.07, 0.06, 0.10, 0.30, 0.47],
        [0.04, 0.05, 0.11, 0.36, 0.44],
        [0.04, 0.06, 0.13, 0.40, 0.37],
        [0.04, 0.07, 0.15, 0.44, 0.30],
    ];

    private static readonly double[][] CesBase =
    [
        [0.04, 0.06, 0.09, 0.14, 0.24, 0.24, 0.19],
        [0.05, 0.06, 0.10, 0.15, 0.25, 0.23, 0.16],
        [0.05, 0.07, 0.11, 0.17, 0.25, 0.21, 0.14],
        [0.06, 0.09, 0.13, 0.18, 0.24, 0.18, 0.12],
    ];

    private static readonly double[][] PsatBase =
    [
        [0.06, 0.07, 0.13, 0.36, 0.38],
        [0.05, 0.07, 0.14, 0.38, 0.36],
        [0.05, 0.08, 0.15, 0.40, 0.32],
        [0.06, 0.09, 0.17, 0.40, 0.28],
    ];

    private static readonly double[] EnpsBase = [0.02, 0.02, 0.03, 0.04, 0.04, 0.06, 0.06, 0.18, 0.22, 0.17, 0.16];

    /// <summary>Product releases: month index (from the first generated month), PSAT effect, and the release's name.</summary>
    internal static readonly (int Month, double Effect, string Name)[] Releases =
    [
        (4, 1.20, "3.2"),
        (10, -1.10, "3.4"),
        (15, 1.10, "3.6"),
        (20, -0.75, "4.0"),
    ];

    private readonly Random _rng;
    private readonly DemoComments? _comments;
    private readonly DateOnly _first;
    private readonly int _months;
    private readonly DemoCustomer[] _customers;
    private readonly double[] _monthNoise;

    /// <param name="seed">The seed of the scores' stream (the comments get a stream of their own).</param>
    /// <param name="first">The first day of the first generated month.</param>
    /// <param name="months">How many months will be generated.</param>
    /// <param name="withComments">Whether to write comments; without them the scores are the same, only faster.</param>
    public DemoResponseGenerator(int seed, DateOnly first, int months, bool withComments = true)
    {
        _rng = new Random(seed);
        _comments = withComments ? new DemoComments(new Random(unchecked(seed * 31 + 17))) : null;
        _first = first;
        _months = months;

        _customers = new DemoCustomer[CustomerCount];
        for (var i = 0; i < CustomerCount; i++)
        {
            var segment = Pick(SegmentWeights);
            _customers[i] = new DemoCustomer(
                i,
                $"C{i + 1:D5}",
                segment,
                Pick(RegionWeights),
                Pick(ProductWeightsBySegment[segment]),
                0.30 * Normal());
        }

        // A shared wobble per month (and a few months beyond, for the eNPS lead) so months are not too smooth.
        _monthNoise = new double[months + EnpsLeadMonths + 1];
        for (var i = 0; i < _monthNoise.Length; i++)
        {
            _monthNoise[i] = 0.06 * Normal();
        }
    }

    /// <summary>The customer pool, by index: segment, region, plan and disposition drawn here, the dates by <see cref="DemoCompany"/>.</summary>
    public IReadOnlyList<DemoCustomer> Customers => _customers;

    /// <summary>
    /// The responses of month <paramref name="m"/> (0 = the first generated month), in time order, from customers
    /// drawn out of <paramref name="pool"/> (those who are customers for the whole month).
    /// </summary>
    public List<DemoResponse> GenerateMonth(int m, IReadOnlyList<DemoCustomer> pool)
    {
        var monthStart = _first.AddMonths(m);
        var list = new List<DemoResponse>(1200);

        var season = Math.Sin(2 * Math.PI * (monthStart.Month - 3) / 12.0);
        var volume = 1 + 0.06 * season + 0.05 * Normal();

        AddCustomerSurvey(list, pool, "nps", Volume(400, volume), m, monthStart);
        AddCustomerSurvey(list, pool, "csat", Volume(300, volume), m, monthStart);
        AddCustomerSurvey(list, pool, "ces", Volume(200, volume), m, monthStart);
        // A release triggers the in-product survey on its new screens: more PSAT answers that month.
        var releaseMonth = Array.Exists(Releases, r => r.Month == m);
        AddPsat(list, pool, Volume(releaseMonth ? 200 : 120, volume), m, monthStart);
        AddEnps(list, Volume(40, 1 + 0.12 * Normal()), m, monthStart);

        list.Sort(static (a, b) =>
        {
            var byTime = a.RespondedAt.CompareTo(b.RespondedAt);
            return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
        });
        return list;
    }

    /// <summary>Customer sentiment over the period: a slow upward trend with a dip around months 9–11 and its recovery.</summary>
    internal static double CustomerMood(double t) =>
        0.025 * t - 0.75 * Math.Exp(-Math.Pow((t - 9.5) / 1.7, 2));

    private double MonthNoise(int m) => _monthNoise[Math.Clamp(m, 0, _monthNoise.Length - 1)];

    private void AddCustomerSurvey(
        List<DemoResponse> list, IReadOnlyList<DemoCustomer> pool, string survey, int count, int m, DateOnly monthStart)
    {
        var mood = CustomerMood(m) + MonthNoise(m);
        var holidays = monthStart.Month is 11 or 12;
        var progress = _months > 1 ? (double)m / (_months - 1) : 0.5;
        var touchpointWeights = survey switch
        {
            "nps" => NpsTouchpointWeights,
            "csat" => CsatTouchpointWeights,
            _ => CesTouchpointWeights,
        };

        for (var i = 0; i < count; i++)
        {
            var customer = pool[_rng.Next(pool.Count)];
            var tp = Pick(touchpointWeights);
            var ch = Pick(ChannelWeightsByTouchpoint[tp]);
            var agent = Touchpoints[tp] == "support" || Channels[ch] is "phone" or "chat" ? _rng.Next(Agents.Length) : -1;
            var agentEffect = agent >= 0 ? AgentEffects[agent] : 0.0;
            var touchpointEffect = TouchpointEffects[tp] + (holidays && Touchpoints[tp] == "delivery" ? -0.60 : 0.0);
            var common = RegionEffects[customer.Region] + ProductEffects[customer.Product] + customer.Disposition;

            int score;
            switch (survey)
            {
                case "nps":
                    score = SampleScore(NpsBase[customer.Segment], 0,
                        0.30 + mood + ChannelEffects[ch] + touchpointEffect + 0.9 * agentEffect + common);
                    break;
                case "csat":
                    score = SampleScore(CsatBase[customer.Segment], 1,
                        -0.10 + 0.7 * mood + ChannelEffects[ch] + 1.2 * touchpointEffect + agentEffect + common);
                    break;
                default:
                    score = SampleScore(CesBase[customer.Segment], 1,
                        -0.05 + 1.9 * progress + 0.2 * mood + ChannelEffortEffects[ch] + 0.6 * touchpointEffect
                        + 0.8 * agentEffect + 0.5 * common);
                    break;
            }

            var sentiment = Sentiment(survey, score);
            var agentName = agent >= 0 ? Agents[agent] : null;
            var comment = _comments?.Maybe(new CommentContext(
                survey, sentiment, Touchpoints[tp], Channels[ch], agentName, Products[customer.Product], null, null));

            list.Add(new DemoResponse(
                survey, score, Timestamp(monthStart, DemoRandom.HourWeights, weekendWeight: 0.5), customer.Id, comment,
                Channels[ch], Touchpoints[tp], Regions[customer.Region], Products[customer.Product],
                Segments[customer.Segment], agentName, null, list.Count));
        }
    }

    private void AddPsat(List<DemoResponse> list, IReadOnlyList<DemoCustomer> pool, int count, int m, DateOnly monthStart)
    {
        var releaseEffect = 0.0;
        string? release = null;
        foreach (var (month, effect, name) in Releases)
        {
            if (month <= m)
            {
                // The reaction fades by more than half each month after the release.
                releaseEffect += effect * Math.Pow(0.45, m - month);
                if (month == m || (month == m - 1 && effect < 0))
                {
                    release = name;
                }
            }
        }

        var mood = 0.2 * (CustomerMood(m) + MonthNoise(m));
        for (var i = 0; i < count; i++)
        {
            var customer = pool[_rng.Next(pool.Count)];
            var channel = _rng.NextDouble() < 0.65 ? "app" : "web";
            var score = SampleScore(PsatBase[customer.Segment], 1,
                -0.20 + releaseEffect + mood + 1.5 * ProductEffects[customer.Product] + 0.5 * customer.Disposition);
            var comment = _comments?.Maybe(new CommentContext(
                "psat", Sentiment("psat", score), null, channel, null, Products[customer.Product], null, release));

            list.Add(new DemoResponse(
                "psat", score, Timestamp(monthStart, DemoRandom.HourWeights, weekendWeight: 0.6), customer.Id, comment,
                channel, null, Regions[customer.Region], Products[customer.Product], Segments[customer.Segment],
                null, null, list.Count));
        }
    }

    private void AddEnps(List<DemoResponse> list, int count, int m, DateOnly monthStart)
    {
        // Employees feel it first: the pulse follows where customer sentiment will be a couple of months later.
        var mood = 1.8 * (CustomerMood(m + EnpsLeadMonths) + MonthNoise(m + EnpsLeadMonths));

        // Stratified draws: with 40 answers a month, plain sampling noise (±12 points) would bury the lead over NPS.
        // Each answer still gets its own random position, but together they cover the distribution evenly.
        var strata = new int[count];
        for (var i = 0; i < count; i++)
        {
            strata[i] = i;
        }

        _rng.Shuffle(strata);
        for (var i = 0; i < count; i++)
        {
            var department = Pick(DepartmentWeights);
            var u = (strata[i] + _rng.NextDouble()) / count;
            var score = SampleScore(EnpsBase, 0, 0.40 + mood + DepartmentEffects[department], u);
            var comment = _comments?.Maybe(new CommentContext(
                "enps", Sentiment("enps", score), null, null, null, null, Departments[department], null));

            list.Add(new DemoResponse(
                "enps", score, Timestamp(monthStart, DemoRandom.WorkHourWeights, weekendWeight: 0.05), null, comment,
                null, null, Regions[Pick(RegionWeights)], null, null, null, Departments[department], list.Count));
        }
    }

    private static int Sentiment(string survey, int score) => survey switch
    {
        "nps" or "enps" => score >= 9 ? 1 : score >= 7 ? 0 : -1,
        "ces" => score >= 5 ? 1 : score == 4 ? 0 : -1,
        _ => score >= 4 ? 1 : score == 3 ? 0 : -1,
    };

    private int Volume(int baseCount, double factor) => Math.Max(1, (int)Math.Round(baseCount * factor * (1 + 0.03 * Normal())));

    /// <summary>
    /// A score from <paramref name="weights"/> tilted by <paramref name="gamma"/> towards the top of the scale, at
    /// <paramref name="position"/> (0..1) of the distribution, or at a random one.
    /// </summary>
    private int SampleScore(double[] weights, int min, double gamma, double? position = null)
    {
        var top = weights.Length - 1;
        Span<double> tilted = stackalloc double[weights.Length];
        var total = 0.0;
        for (var i = 0; i <= top; i++)
        {
            tilted[i] = weights[i] * Math.Exp(gamma * i / top);
            total += tilted[i];
        }

        var u = (position ?? _rng.NextDouble()) * total;
        for (var i = 0; i < top; i++)
        {
            u -= tilted[i];
            if (u < 0)
            {
                return min + i;
            }
        }

        return min + top;
    }

    /// <summary>A moment in the month: weekdays busier than weekends, hours following <paramref name="hourWeights"/>.</summary>
    private DateTime Timestamp(DateOnly monthStart, double[] hourWeights, double weekendWeight)
    {
        var days = DateTime.DaysInMonth(monthStart.Year, monthStart.Month);
        DateOnly day;
        do
        {
            day = monthStart.AddDays(_rng.Next(days));
        }
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday && _rng.NextDouble() >= weekendWeight);

        var hour = Pick(hourWeights);
        return day.ToDateTime(new TimeOnly(hour, _rng.Next(60), _rng.Next(60)), DateTimeKind.Utc);
    }

    private int Pick(double[] weights) => _rng.Pick(weights);

    private double Normal() => _rng.Normal();
}
