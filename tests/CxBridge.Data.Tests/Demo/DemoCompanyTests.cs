using System.Text;
using System.Text.RegularExpressions;
using CxBridge.Data.Demo;

namespace CxBridge.Data.Tests.Demo;

public class DemoCompanyTests(DemoCompanyFixture demo) : IClassFixture<DemoCompanyFixture>
{
    private const int Months = DemoCompanyFixture.Months;
    private static readonly DateTime WindowStart = DemoCompanyFixture.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
    private static readonly DateTime WindowEnd = DemoCompanyFixture.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    public static TheoryData<string> Kinds() => new(DemoCompanyFixture.Writers.Keys);

    public static TheoryData<string> NewKinds() => new("customers", "orders", "tickets", "kpis", "events");

    // ---- Every kind ----

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Write_SameSeed_ByteIdenticalOutput(string kind)
    {
        var first = Encoding.UTF8.GetBytes(DemoCompanyFixture.Generate(kind, 7, months: 6).Text);
        var second = Encoding.UTF8.GetBytes(DemoCompanyFixture.Generate(kind, 7, months: 6).Text);

        second.Should().Equal(first);
        DemoCompanyFixture.Generate(kind, DemoData.DefaultSeed).Text.Should().Be(demo.Files[kind].Text);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Write_DifferentSeed_DifferentOutput(string kind)
    {
        DemoCompanyFixture.Generate(kind, DemoData.DefaultSeed + 1).Text.Should().NotBe(demo.Files[kind].Text);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Write_ParsedWithCsvHelper_CanonicalHeaderAndEveryRowComplete(string kind)
    {
        var file = demo.Files[kind];
        var header = KindRules.Headers[kind];

        file.Text.Should().StartWith(string.Join(',', header) + "\r\n").And.EndWith("\r\n");
        file.Header.Should().Equal(header);
        file.Rows.Should().HaveCount(file.Written);
        file.Rows.Should().OnlyContain(r => r.Length == header.Length);
    }

    [Fact]
    public void Write_Headers_PublishedConstantsAreTheCanonicalOnes()
    {
        DemoData.CustomersHeader.Should().Be("customer_id,started_at,ended_at,segment,region,plan");
        DemoData.OrdersHeader.Should().Be("order_id,customer_id,ordered_at,amount,referred,channel");
        DemoData.TicketsHeader.Should().Be("ticket_id,customer_id,opened_at,first_response_at,resolved_at,contacts,escalated,channel,agent,team");
        DemoData.KpisHeader.Should().Be("department,kpi,period,value,unit");
        DemoData.EventsHeader.Should().Be("event_id,date,kind,title,department,link");
    }

    [Theory]
    [MemberData(nameof(NewKinds))]
    public void Write_EndNotFirstOfMonth_Throws(string kind)
    {
        var act = () => DemoCompanyFixture.Writers[kind](TextWriter.Null, new DateOnly(2025, 3, 14), 24, 1);

        act.Should().Throw<ArgumentException>().WithParameterName("end");
    }

    [Theory]
    [MemberData(nameof(NewKinds))]
    public void Write_NoMonths_Throws(string kind)
    {
        var act = () => DemoCompanyFixture.Writers[kind](TextWriter.Null, new DateOnly(2025, 3, 1), 0, 1);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Write_ShortWindow_SameCompanyOverFewerMonths(int months)
    {
        var end = new DateOnly(2025, 7, 1);
        var window = Enumerable.Range(0, months).Select(i => end.AddMonths(i - months).ToString("yyyy-MM")).ToList();

        DemoCompanyFixture.Generate("customers", 11, end, months).Rows.Should().HaveCount(3000);
        DemoCompanyFixture.Generate("orders", 11, end, months).Rows.Select(r => r[OrderRules.OrderedAt][..7]).Distinct().Order()
            .Should().Equal(window);
        DemoCompanyFixture.Generate("tickets", 11, end, months).Rows.Select(r => r[TicketRules.OpenedAt][..7]).Distinct().Order()
            .Should().Equal(window);
        var kpis = DemoCompanyFixture.Generate("kpis", 11, end, months).Rows;
        kpis.Should().HaveCount(30 * months);
        kpis.Select(r => r[KpiRules.Period]).Distinct().Order().Should().Equal(window);
    }

    // ---- Customers ----

    [Fact]
    public void WriteCustomers_ThePoolOfTheResponses_InIdOrder()
    {
        demo.Customers.Select(r => r[CustomerRules.Id])
            .Should().Equal(Enumerable.Range(1, 3000).Select(i => $"C{i:D5}"));

        var responders = demo.Files["responses"].Rows.Where(r => r[ResponseRules.CustomerId] != "").ToList();
        responders.Should().OnlyContain(r => demo.CustomersById.ContainsKey(r[ResponseRules.CustomerId]));

        // The customer file and the responses describe each customer the same way.
        foreach (var r in responders.DistinctBy(r => r[ResponseRules.CustomerId]))
        {
            var c = demo.CustomersById[r[ResponseRules.CustomerId]];
            (c[CustomerRules.Segment], c[CustomerRules.Region], c[CustomerRules.Plan])
                .Should().Be((r[ResponseRules.Segment], r[ResponseRules.Region], r[ResponseRules.Product]));
        }
    }

    [Fact]
    public void WriteCustomers_Responses_OnlyFromCustomersActiveWhenTheyAnswered()
    {
        var responders = demo.Files["responses"].Rows.Where(r => r[ResponseRules.CustomerId] != "");

        responders.Should().OnlyContain(r => CustomerRules.ActiveOn(
            demo.CustomersById[r[ResponseRules.CustomerId]], DateOnly.FromDateTime(ResponseRules.TimeOf(r))));
    }

    [Fact]
    public void WriteCustomers_Values_IsoDatesAndCanonicalDimensions()
    {
        foreach (var c in demo.Customers)
        {
            var started = KindRules.Date(c[CustomerRules.StartedAt]);
            started.Should().BeBefore(DemoCompanyFixture.End);
            if (c[CustomerRules.EndedAt] != "")
            {
                KindRules.Date(c[CustomerRules.EndedAt]).Should().BeAfter(started).And.BeBefore(DemoCompanyFixture.End);
            }
        }

        demo.Customers.Select(c => c[CustomerRules.Segment]).Distinct().Should().BeEquivalentTo(ResponseRules.Segments);
        demo.Customers.Select(c => c[CustomerRules.Region]).Distinct().Should().BeEquivalentTo(ResponseRules.Regions);
        demo.Customers.Select(c => c[CustomerRules.Plan]).Distinct().Should().BeEquivalentTo(CustomerRules.Plans);
    }

    [Fact]
    public void WriteCustomers_Base_AboutSixtyPercentBeforeTheWindowTheRestArrivingEveryMonth()
    {
        var before = demo.Customers.Count(c => KindRules.Date(c[CustomerRules.StartedAt]) < DemoCompanyFixture.Start);

        before.Should().BeInRange(1700, 2000);
        demo.Started.Should().OnlyContain(n => n >= 25 && n <= 80);
        demo.Customers.Count(c => c[CustomerRules.EndedAt] == "").Should().BeInRange(1800, 2300);
        demo.Customers.Min(c => c[CustomerRules.StartedAt]).Should().StartWith("201");
    }

    [Fact]
    public void WriteCustomers_Churn_AboutTwoPercentAMonth()
    {
        demo.Churn.Should().OnlyContain(c => c >= 1.0 && c <= 3.5);
        demo.Churn.Average().Should().BeInRange(1.5, 3.0);
    }

    // ---- Orders ----

    [Fact]
    public void WriteOrders_Volume_ThreeThousandAMonthOrSo()
    {
        demo.Orders.Count.Should().BeInRange(65_000, 90_000);
        demo.OrderCount.Should().OnlyContain(n => n >= 2500 && n <= 4100);
    }

    [Fact]
    public void WriteOrders_EveryOrder_ByACustomerActiveAtThatMoment()
    {
        foreach (var o in demo.Orders)
        {
            demo.CustomersById.Should().ContainKey(o[OrderRules.CustomerId]);
            var at = KindRules.Time(o[OrderRules.OrderedAt]);
            CustomerRules.ActiveOn(demo.CustomersById[o[OrderRules.CustomerId]], DateOnly.FromDateTime(at))
                .Should().BeTrue("order {0} is by a customer at {1}", o[OrderRules.Id], o[OrderRules.OrderedAt]);
        }
    }

    [Fact]
    public void WriteOrders_Values_IdsTimesAmountsAndChannels()
    {
        demo.Orders.Select(o => o[OrderRules.Id]).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(id => Regex.IsMatch(id, "^O[0-9]{7}$"));
        var times = demo.Orders.Select(o => KindRules.Time(o[OrderRules.OrderedAt])).ToList();
        times.Should().BeInAscendingOrder().And.OnlyContain(t => t >= WindowStart && t < WindowEnd);
        demo.Orders.Should().OnlyContain(o => Regex.IsMatch(o[OrderRules.Amount], @"^-?[0-9]+\.[0-9]{2}$"));
        demo.Orders.Should().OnlyContain(o => o[OrderRules.Referred] == "true" || o[OrderRules.Referred] == "false");
        demo.Orders.Select(o => o[OrderRules.Channel]).Distinct().Should().BeEquivalentTo(OrderRules.Channels);
    }

    [Fact]
    public void WriteOrders_Amounts_ByPlanWithAboutOnePercentRefunds()
    {
        var refunds = demo.Orders.Where(o => OrderRules.AmountOf(o) < 0).ToList();

        ((double)refunds.Count / demo.Orders.Count).Should().BeInRange(0.005, 0.015);
        refunds.Should().OnlyContain(o => !OrderRules.IsReferred(o));
        demo.Orders.Should().NotContain(o => OrderRules.AmountOf(o) == 0);

        var medianByPlan = demo.Orders.Where(o => OrderRules.AmountOf(o) > 0)
            .GroupBy(o => demo.CustomersById[o[OrderRules.CustomerId]][CustomerRules.Plan])
            .ToDictionary(g => g.Key, g => g.Select(OrderRules.AmountOf).Order().ElementAt(g.Count() / 2));
        medianByPlan["basic"].Should().BeInRange(15m, 80m);
        new[] { medianByPlan["basic"], medianByPlan["plus"], medianByPlan["pro"], medianByPlan["enterprise"] }
            .Should().BeInAscendingOrder();
    }

    [Fact]
    public void WriteOrders_ReferralRate_ThreeToEightPercent()
    {
        demo.Referral.Should().OnlyContain(r => r >= 3.0 && r <= 8.0);
    }

    // ---- Tickets ----

    [Fact]
    public void WriteTickets_Volume_TwelveHundredToTwoThousandAMonthFallingAsEffortEases()
    {
        demo.TicketCount.Should().OnlyContain(n => n >= 1200 && n <= 2000);
        demo.Ces.TakeLast(6).Average().Should().BeGreaterThan(demo.Ces.Take(6).Average());
        demo.TicketCount.TakeLast(6).Average().Should().BeLessThan(demo.TicketCount.Take(6).Average() * 0.85);
    }

    [Fact]
    public void WriteTickets_EveryTicket_ByACustomerActiveWhenOpened()
    {
        demo.Tickets.Should().OnlyContain(t => CustomerRules.ActiveOn(
            demo.CustomersById[t[TicketRules.CustomerId]], DateOnly.FromDateTime(KindRules.Time(t[TicketRules.OpenedAt]))));
    }

    [Fact]
    public void WriteTickets_Times_NeverBeforeOpenedAndEmptyOnlyWhereNothingHappenedYet()
    {
        var opened = demo.Tickets.Select(t => KindRules.Time(t[TicketRules.OpenedAt])).ToList();
        opened.Should().BeInAscendingOrder().And.OnlyContain(t => t >= WindowStart && t < WindowEnd);
        demo.Tickets.Select(t => t[TicketRules.Id]).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(id => Regex.IsMatch(id, "^T[0-9]{7}$"));

        foreach (var t in demo.Tickets)
        {
            if (t[TicketRules.FirstResponseAt] != "")
            {
                TicketRules.Hours(t, TicketRules.FirstResponseAt).Should().BeInRange(0, 72, t[TicketRules.Id]);
                KindRules.Time(t[TicketRules.FirstResponseAt]).Should().BeBefore(WindowEnd);
            }

            if (t[TicketRules.ResolvedAt] != "")
            {
                TicketRules.Hours(t, TicketRules.ResolvedAt).Should().BeInRange(2, 100, t[TicketRules.Id]);
                KindRules.Time(t[TicketRules.ResolvedAt]).Should().BeBefore(WindowEnd);
                if (t[TicketRules.FirstResponseAt] != "")
                {
                    KindRules.Time(t[TicketRules.ResolvedAt]).Should().BeAfter(KindRules.Time(t[TicketRules.FirstResponseAt]));
                }
            }
        }

        // A few recent tickets are still open when the window ends; some never got an answer.
        var unresolved = demo.Tickets.Where(t => t[TicketRules.ResolvedAt] == "").ToList();
        unresolved.Count.Should().BeInRange(5, 200);
        unresolved.Should().OnlyContain(t => KindRules.Time(t[TicketRules.OpenedAt]) > WindowEnd.AddHours(-100));
        demo.Tickets.Count(t => t[TicketRules.FirstResponseAt] == "").Should().BeInRange(100, 1500);
        demo.Tickets.Where(t => t[TicketRules.FirstResponseAt] == "").Should().OnlyContain(t => t[TicketRules.Agent] == "");
    }

    [Fact]
    public void WriteTickets_Values_ContactsEscalationsChannelsAgentsTeams()
    {
        demo.Tickets.Should().OnlyContain(t => TicketRules.ContactsOf(t) >= 1 && TicketRules.ContactsOf(t) <= 5);
        demo.Tickets.Select(TicketRules.ContactsOf).Distinct().Should().HaveCount(5);
        demo.Tickets.Should().OnlyContain(t => t[TicketRules.Escalated] == "true" || t[TicketRules.Escalated] == "false");
        (100.0 * demo.Tickets.Count(t => t[TicketRules.Escalated] == "true") / demo.Tickets.Count).Should().BeInRange(3, 6);
        demo.Tickets.Select(t => t[TicketRules.Channel]).Distinct().Should().BeEquivalentTo(TicketRules.Channels);
        demo.Tickets.Select(t => t[TicketRules.Team]).Distinct().Should().BeEquivalentTo(TicketRules.Teams);

        // The agents of the tickets are the agents of the responses.
        var responseAgents = demo.Files["responses"].Rows.Select(r => r[ResponseRules.Agent]).Where(a => a != "").Distinct();
        demo.Tickets.Select(t => t[TicketRules.Agent]).Where(a => a != "").Distinct()
            .Should().BeEquivalentTo(TicketRules.Agents).And.BeEquivalentTo(responseAgents);
    }

    [Fact]
    public void WriteTickets_FirstContactResolution_AboutSeventyPercentBestAgentHighestWorstLowest()
    {
        demo.Fcr.Should().OnlyContain(f => f >= 62 && f <= 78);
        var byAgent = demo.Tickets.Where(t => t[TicketRules.Agent] != "" && t[TicketRules.ResolvedAt] != "")
            .GroupBy(t => t[TicketRules.Agent])
            .ToDictionary(g => g.Key, g => 100.0 * g.Count(t => TicketRules.ContactsOf(t) == 1) / g.Count());
        var others = byAgent.Where(kv => kv.Key is not "Ana Ruiz" and not "Tom Becker").Select(kv => kv.Value).ToList();

        byAgent["Ana Ruiz"].Should().BeGreaterThan(others.Max() + 5);
        byAgent["Tom Becker"].Should().BeLessThan(others.Min() - 3);
        others.Average().Should().BeInRange(65, 75);
    }

    [Fact]
    public void WriteTickets_FirstResponse_MedianAFewHoursChatFasterThanEmail()
    {
        double Median(IEnumerable<string[]> tickets)
        {
            var hours = tickets.Where(t => t[TicketRules.FirstResponseAt] != "")
                .Select(t => TicketRules.Hours(t, TicketRules.FirstResponseAt)).Order().ToList();
            return hours[hours.Count / 2];
        }

        Median(demo.Tickets).Should().BeInRange(1, 5);
        Median(demo.Tickets.Where(t => t[TicketRules.Channel] == "chat"))
            .Should().BeLessThan(Median(demo.Tickets.Where(t => t[TicketRules.Channel] == "email")) / 4);
    }

    // ---- KPIs ----

    [Fact]
    public void WriteKpis_Catalog_EveryDepartmentEveryKpiEveryMonthOnceWithItsUnit()
    {
        var expected = KpiRules.Catalog.SelectMany(d => d.Value.Keys.SelectMany(k => demo.MonthKeys.Select(p => (d.Key, k, p))));

        demo.Kpis.Select(r => (r[KpiRules.Department], r[KpiRules.Kpi], r[KpiRules.Period])).Should().BeEquivalentTo(expected);
        demo.Kpis.Should().HaveCount(KpiRules.Catalog.Sum(d => d.Value.Count) * Months).And.HaveCount(720);
        demo.Kpis.Select(r => r[KpiRules.Department]).Distinct().Should().HaveCount(10);
        demo.Kpis.Should().OnlyContain(r => KpiRules.Catalog[r[KpiRules.Department]][r[KpiRules.Kpi]] == r[KpiRules.Unit]);
        CxBridge.Metrics.DepartmentCatalog.All.SelectMany(d => d.Kpis.Select(k => (d.Code, k.Code, k.Unit)))
            .Should().BeEquivalentTo(KpiRules.Catalog.SelectMany(d => d.Value.Select(k => (d.Key, k.Key, k.Value))),
                "the product's catalog is the one of docs/departments.md");
        demo.Kpis.Should().OnlyContain(r => Regex.IsMatch(r[KpiRules.Value], @"^-?[0-9]+(\.[0-9]{1,2})?$"));
    }

    [Fact]
    public void WriteKpis_Values_PlausibleForTheirUnit()
    {
        foreach (var r in demo.Kpis)
        {
            var value = KindRules.Number(r[KpiRules.Value]);
            switch (r[KpiRules.Unit])
            {
                case "%":
                    value.Should().BeInRange(0, 100, "{0} {1}", r[KpiRules.Kpi], r[KpiRules.Period]);
                    break;
                case "count" or "contacts":
                    value.Should().BeGreaterThanOrEqualTo(0, r[KpiRules.Kpi]);
                    break;
                case "points":
                    value.Should().BeInRange(0, 100, r[KpiRules.Kpi]);
                    break;
                default:
                    value.Should().BeGreaterThan(0, r[KpiRules.Kpi]);
                    break;
            }
        }
    }

    [Fact]
    public void WriteKpis_FromTheOtherFiles_RevenueContactVolumeNewCustomersAndReleases()
    {
        for (var m = 0; m < Months; m++)
        {
            var month = demo.MonthKeys[m];
            var revenue = demo.Revenue[m].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture);
            demo.KpiText("finance", "revenue")[m].Should().Be(revenue, month);
            demo.KpiText("executive", "revenue")[m].Should().Be(revenue, month);
            demo.Kpi("finance", "contact_volume")[m].Should().Be(demo.TicketCount[m], month);
            demo.Kpi("service", "contact_volume")[m].Should().Be(demo.TicketCount[m], month);
            demo.Kpi("marketing", "new_customers")[m].Should().Be(demo.Started[m], month);
            demo.Kpi("sales", "new_customers")[m].Should().Be(demo.Started[m], month);
        }

        // Releases ship in the months the in-product survey reacts to (more PSAT answers on the new screens).
        var releases = demo.Kpi("product", "releases");
        var releaseMonths = Enumerable.Range(0, Months).Where(m => releases[m] > 0).ToList();
        releaseMonths.Should().HaveCount(4);
        releaseMonths.Should().Equal(Enumerable.Range(0, Months).Where(m => demo.PsatCount[m] > 160));
    }

    // ---- The relationships (docs/departments.md pairs), as the department pages compute them ----

    [Theory]
    [InlineData("ces", "tickets", 1, -1)]
    [InlineData("nps", "churn", 2, -1)]
    [InlineData("nps", "referral", 1, 1)]
    [InlineData("referral", "churn", 1, -1)]
    [InlineData("nps", "new_customers", 1, 1)]
    [InlineData("nps", "revenue", 2, 1)]
    [InlineData("churn", "revenue", 0, -1)]
    [InlineData("fcr", "csat", 0, 1)]
    [InlineData("fcr", "cost_per_contact", 0, -1)]
    [InlineData("nps", "renewal_rate", 1, 1)]
    [InlineData("page_load_time", "csat", 0, -1)]
    [InlineData("employee_turnover", "csat", 1, -1)]
    [InlineData("training_hours", "fcr", 1, 1)]
    [InlineData("ces", "cost_to_serve", 1, -1)]
    [InlineData("nps", "cross_sell_rate", 1, 1)]
    [InlineData("feature_lead_time", "nps", 1, -1)]
    public void Relationship_ChangesAtTheLag_HaveTheExpectedSignAndAreTheStrongest(string driver, string outcome, int lag, int sign)
    {
        var (x, y) = (Series(driver), Series(outcome));

        var atLag = DemoCompanyFixture.ChangeCorrelation(x, y, lag);
        var strongest = Enumerable.Range(0, 4).Select(l => DemoCompanyFixture.ChangeCorrelation(x, y, l)).MaxBy(Math.Abs);

        (sign * atLag).Should().BeGreaterThan(0.5, "{0} → {1} at lag {2}", driver, outcome, lag);
        strongest.Should().Be(atLag, "lag {0} is the strongest of 0..3", lag);
    }

    [Fact]
    public void Relationship_NpsDip_ChurnRisesAfterwardsAndReferralsFall()
    {
        // The levels too: churn is highest where NPS was lowest two months before.
        var troughs = Enumerable.Range(0, Months - 2).OrderBy(m => demo.Nps[m]).Take(4).ToList();
        var peaks = Enumerable.Range(0, Months - 2).OrderByDescending(m => demo.Nps[m]).Take(4).ToList();

        troughs.Average(m => demo.Churn[m + 2]).Should().BeGreaterThan(peaks.Average(m => demo.Churn[m + 2]) + 0.3);
        troughs.Average(m => demo.Referral[m + 1]).Should().BeLessThan(peaks.Average(m => demo.Referral[m + 1]) - 1);
    }

    [Fact]
    public void Relationship_EveryCatalogPair_StrongestLagHasTheExpectedSign()
    {
        // Every default pair of docs/departments.md as the department page computes it: the strongest of lags 0..3 points the
        // healthy way. Releases → CES is left out: a count that is non-zero in four months carries no correlation.
        var checkedPairs = new List<string>();
        var wrong = new List<string>();
        foreach (var department in CxBridge.Metrics.DepartmentCatalog.All)
        {
            foreach (var pair in department.Pairs.Where(p => p.Driver != "releases"))
            {
                var (x, y) = (Series(pair.Driver, department.Code), Series(pair.Outcome, department.Code));
                var byLag = Enumerable.Range(0, 4).Select(l => DemoCompanyFixture.ChangeCorrelation(x, y, l)).ToList();
                var strongest = byLag.MaxBy(Math.Abs);
                var name = $"{department.Code}: {pair.Driver} → {pair.Outcome} r by lag {string.Join(" ", byLag.Select(r => r.ToString("+0.00;-0.00")))}";
                checkedPairs.Add(name);
                if (Math.Sign(strongest) != pair.ExpectedSign || Math.Abs(strongest) < 0.3)
                {
                    wrong.Add(name);
                }
            }
        }

        checkedPairs.Should().HaveCountGreaterThan(25);
        wrong.Should().BeEmpty();
    }

    // ---- Events ----

    [Fact]
    public void WriteEvents_DefaultWindow_ADozenEventsOfEveryKindInDateOrderInTheWindow()
    {
        var events = demo.Events;

        events.Should().HaveCount(12);
        events.Select(e => e[EventRules.Id]).Should().Equal(Enumerable.Range(1, 12).Select(i => $"EV-{i:D3}"));
        events.Select(e => KindRules.Date(e[EventRules.Date])).Should().BeInAscendingOrder()
            .And.OnlyContain(d => d >= DemoCompanyFixture.Start && d < DemoCompanyFixture.End);
        events.GroupBy(e => e[EventRules.Kind]).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["release"] = 4, ["incident"] = 3, ["campaign"] = 2, ["price_change"] = 1, ["other"] = 2,
        });
        events.Should().OnlyContain(e => e[EventRules.Department] == "" || KpiRules.Catalog.ContainsKey(e[EventRules.Department]));
        events.Where(e => e[EventRules.Kind] == "price_change").Should().OnlyContain(e => e[EventRules.Department] == "", "a price change concerns everyone");
        events.Where(e => e[EventRules.Link] != "").Should().NotBeEmpty().And.OnlyContain(e => EventRules.IsWebLink(e[EventRules.Link]));
    }

    [Fact]
    public void WriteEvents_Releases_InTheMonthsThePsatSurveyReactsAndIncidentsAfterTheBadOnes()
    {
        var events = demo.Events;
        int MonthOf(string[] e) => demo.MonthKeys.ToList().IndexOf(e[EventRules.Date][..7]);

        var releases = events.Where(e => e[EventRules.Kind] == "release").ToList();
        releases.Select(MonthOf).Should().Equal(Enumerable.Range(0, Months).Where(m => demo.PsatCount[m] > 160));
        releases.Should().OnlyContain(e => e[EventRules.Department] == "product");
        foreach (var incident in events.Where(e => e[EventRules.Title].Contains("after release", StringComparison.Ordinal)))
        {
            var version = incident[EventRules.Title].Split(' ')[^1];
            var release = releases.Single(r => r[EventRules.Title] == $"Release {version}");
            KindRules.Date(incident[EventRules.Date]).Should().BeAfter(KindRules.Date(release[EventRules.Date]));
            MonthOf(incident).Should().Be(MonthOf(release));
        }
        events.Count(e => e[EventRules.Title].Contains("after release", StringComparison.Ordinal)).Should().Be(2, "releases 3.4 and 4.0 went badly");
        var priceChange = MonthOf(events.Single(e => e[EventRules.Kind] == "price_change"));
        priceChange.Should().BeInRange(7, 9, "just before the customer mood dips (months 9–11)");
    }

    // ---- Targets ----

    [Fact]
    public void DemoTargets_EveryDepartment_ValidLevelsForEachMetricItShowsAndEachKpiWithADirection()
    {
        DemoTargets.All.Select(d => d.Department).Should().Equal(CxBridge.Metrics.DepartmentCatalog.Codes);
        foreach (var (department, targets) in DemoTargets.All)
        {
            var catalog = CxBridge.Metrics.DepartmentCatalog.Find(department)!;
            targets.Select(t => (t.Subject!.Kind!, t.Subject.Code!)).Should().Equal(
                catalog.Metrics.Select(m => ("metric", m))
                    .Concat(catalog.Kpis.Where(k => k.Direction != CxBridge.Metrics.Direction.Neutral).Select(k => ("kpi", k.Code))), department);
            foreach (var t in targets)
            {
                CxBridge.Metrics.Target.Problem(DirectionOf(department, t), t.Good!.Value, t.Better!.Value, t.Best!.Value)
                    .Should().BeNull($"{department} {t.Subject!.Code}");
            }
        }
    }

    [Fact]
    public void DemoTargets_LastMonth_SomeMetAndSomeMissedInEveryDepartment()
    {
        var last = Months - 1;
        var overall = new List<bool>();
        foreach (var (department, targets) in DemoTargets.All)
        {
            var met = new List<bool>();
            foreach (var t in targets.Where(t => t.Subject!.Code != "clv"))
            {
                var target = new CxBridge.Metrics.Target(DirectionOf(department, t), t.Good!.Value, t.Better!.Value, t.Best!.Value);
                met.Add(target.IsMet(Series(t.Subject!.Code!, department)[last]));
            }
            met.Should().Contain(true, department).And.Contain(false, department);
            overall.AddRange(met);
        }
        overall.Count(m => m).Should().BeInRange(overall.Count / 3, 2 * overall.Count / 3, "a mixed picture, neither all green nor all red");
    }

    private static CxBridge.Metrics.Direction DirectionOf(string department, CxBridge.Data.Departments.TargetInput target) =>
        target.Subject!.Kind == "metric"
            ? CxBridge.Metrics.Directions.Of(CxBridge.Metrics.MetricCatalog.Find(target.Subject.Code!)!)
            : CxBridge.Metrics.DepartmentCatalog.Find(department)!.Kpis.Single(k => k.Code == target.Subject.Code).Direction;

    private double[] Series(string name, string department = "") => name switch
    {
        "nps" or "north_star" => demo.Nps,
        "csat" => demo.Csat,
        "ces" => demo.Ces,
        "psat" => demo.Psat,
        "enps" => demo.Enps,
        "churn" or "churn_rate" => demo.Churn,
        "retention_rate" => demo.Churn.Select(c => 100 - c).ToArray(),
        "referral" or "referral_rate" => demo.Referral,
        "tickets" => demo.TicketCount,
        "fcr" => demo.Fcr,
        "frt" => demo.Frt,
        "resolution_time" => demo.ResolutionTime,
        "escalation_rate" => demo.Escalation,
        "revenue" => demo.Revenue.Select(r => (double)r).ToArray(),
        _ when KpiRules.Catalog.TryGetValue(department, out var own) && own.ContainsKey(name) => demo.Kpi(department, name),
        _ => demo.Kpi(KpiRules.Catalog.First(d => d.Value.ContainsKey(name)).Key, name),
    };
}
