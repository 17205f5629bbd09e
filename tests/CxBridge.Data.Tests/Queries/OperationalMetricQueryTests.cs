using System.Text;
using CxBridge.Data.Entities;
using CxBridge.Data.Queries;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Metrics;
using Microsoft.Extensions.Options;

namespace CxBridge.Data.Tests.Queries;

/// <summary>The eight operational metrics from real rows in PostgreSQL, against docs/metrics.md, with period edges.</summary>
public sealed class OperationalMetricQueryTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private readonly CsvFiles _files = new();

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _files.Dispose();

    private async Task Import(string kind, string csv, CxBridgeSettings? settings = null)
    {
        var report = await db.CreateImportService(settings).ImportAsync(_files.Request(csv, kind: kind));
        report.Status.Should().Be(BatchStatus.Imported, string.Join("; ", report.Errors.Take(3)));
    }

    private MetricQuery Query(CxBridgeSettings? settings = null)
    {
        var options = Options.Create(settings ?? new CxBridgeSettings());
        return new MetricQuery(new SurveyMetricQuery(db.DataSource, options), new OperationalMetricQuery(db.DataSource, options), options, TimeProvider.System);
    }

    private async Task<MetricPoint> Point(string code, string from, string to, ChurnBasis? basis = null, CxBridgeSettings? settings = null, Grain grain = Grain.Total) =>
        (await Query(settings).SeriesAsync(MetricCatalog.Find(code)!, MetricFilter.Create(DateOnly.Parse(from), DateOnly.Parse(to), grain), basis)).Points[0];

    /// <summary>docs/metrics.md seed: 80 ongoing customers and 20 new in March, 10 of the ongoing leave during March.</summary>
    private static string SeedCustomers()
    {
        var csv = new StringBuilder("customer_id,started_at,ended_at\n");
        for (var i = 0; i < 80; i++)
        {
            // The first ongoing customer leaves on 1 March itself: still in the start cohort (ended_at >= s) and lost in March.
            var ended = i == 0 ? "2025-03-01" : i < 10 ? $"2025-03-{10 + i}" : "";
            csv.Append($"OLD{i},2024-06-01,{ended}\n");
        }
        for (var i = 0; i < 20; i++)
        {
            // The first new customer starts on 1 March: new in March, not in its start cohort.
            csv.Append($"NEW{i},2025-03-{1 + i:00},\n");
        }
        csv.Append("GONE,2024-01-01,2025-02-28\n"); // left before March: in no March count
        csv.Append("LATER,2025-04-01,\n");          // starts on the first day of April: not in March
        return csv.ToString();
    }

    [Fact]
    public async Task Customers_SeedExample_GivesMetricsMdRetentionAndBothChurnBases()
    {
        await Import("customers", SeedCustomers());

        var retention = await Point("retention_rate", "2025-03-01", "2025-03-31");
        var churnStart = await Point("churn_rate", "2025-03-01", "2025-03-31");
        var churnPeriod = await Point("churn_rate", "2025-03-01", "2025-03-31", ChurnBasis.Period);

        (retention.Value, retention.N).Should().Be((87.5, 80), "docs/metrics.md: (80 − 10)/80 (exact)");
        (churnStart.Value, churnStart.N).Should().Be((12.5, 80), "docs/metrics.md: 10/80 (exact)");
        (churnPeriod.Value, churnPeriod.N).Should().Be((10.0, 100), "docs/metrics.md: 10/100 (exact)");
    }

    [Fact]
    public async Task Customers_ChurnBasisSetting_IsTheDefault()
    {
        await Import("customers", SeedCustomers());

        var point = await Point("churn_rate", "2025-03-01", "2025-03-31", settings: new CxBridgeSettings { ChurnBasis = "period" });

        point.Value.Should().Be(10.0);
    }

    [Fact]
    public async Task Customers_MonthGrain_EdgesFallInTheRightMonths()
    {
        await Import("customers", SeedCustomers());

        var points = (await Query().SeriesAsync(MetricCatalog.Find("retention_rate")!, MetricFilter.Create(new(2025, 3, 1), new(2025, 4, 30)))).Points;

        points.Select(p => (p.Period, p.N)).Should().Equal((new DateOnly(2025, 3, 1), 80), (new DateOnly(2025, 4, 1), 90));
        points[1].Value.Should().Be(100.0);
    }

    private static string Tickets(int count, Func<int, string> row) =>
        "ticket_id,opened_at,first_response_at,resolved_at,contacts,escalated,channel,agent,team\n" + string.Concat(Enumerable.Range(0, count).Select(i => row(i) + "\n"));

    [Fact]
    public async Task Fcr_280Of400_Is70()
    {
        await Import("tickets", Tickets(401, i => i == 400
            ? "T400,2025-03-01T08:00:00Z,,2025-03-02T08:00:00Z,,false,chat,Ana,tier1" // resolved without a known contacts count: not in n
            : $"T{i},2025-03-01T08:00:00Z,,2025-03-02T08:00:00Z,{(i < 280 ? 1 : 2)},false,chat,Ana,tier1"));

        var fcr = await Point("fcr", "2025-03-01", "2025-03-31");

        (fcr.Value, fcr.N).Should().Be((70.0, 400), "docs/metrics.md: 280 of 400 (exact)");
    }

    [Fact]
    public async Task Escalation_15Of500_Is3()
    {
        await Import("tickets", Tickets(500, i => $"T{i},2025-03-05T08:00:00Z,,,,{(i < 15 ? "yes" : "no")},email,Bo,tier2"));

        var escalation = await Point("escalation_rate", "2025-03-01", "2025-03-31");

        (escalation.Value, escalation.N).Should().Be((3.0, 500), "docs/metrics.md: 15 of 500 (exact)");
    }

    [Fact]
    public async Task Frt_MedianAndP90_AreLinearInterpolation()
    {
        // First responses after 1..10 hours: median 5.5 (even count: mean of the middle two), p90 9.1 (exact).
        await Import("tickets", Tickets(11, i => i == 10
            ? "T10,2025-03-02T00:00:00Z,,,,,chat,Ana,tier1" // no first response yet: not in n
            : $"T{i},2025-03-02T00:00:00Z,2025-03-02T{1 + i:00}:00:00Z,,,,chat,Ana,tier1"));

        var frt = await Point("frt", "2025-03-01", "2025-03-31");

        (frt.Value, frt.N).Should().Be((5.5, 10));
        frt.Detail["p90"].Should().BeApproximately(9.1, 1e-9);
        frt.Detail["mean"].Should().BeApproximately(5.5, 1e-9);
    }

    [Fact]
    public async Task TicketOpenedInOneMonthResolvedInTheNext_CountsWhereEachMetricSays()
    {
        await Import("tickets", Tickets(1, _ => "T1,2025-03-31T20:00:00Z,2025-03-31T22:00:00Z,2025-04-01T04:00:00Z,1,no,chat,Ana,tier1"));

        var frt = (await Query().SeriesAsync(MetricCatalog.Find("frt")!, MetricFilter.Create(new(2025, 3, 1), new(2025, 4, 30)))).Points;
        var resolution = (await Query().SeriesAsync(MetricCatalog.Find("resolution_time")!, MetricFilter.Create(new(2025, 3, 1), new(2025, 4, 30)))).Points;

        frt.Select(p => p.N).Should().Equal(1, 0);
        resolution.Select(p => p.N).Should().Equal(0, 1);
        resolution[1].Value.Should().Be(8.0, "opened 20:00, resolved 04:00 the next day");
    }

    [Fact]
    public async Task NonUtcTimeZone_CutsMonthsLocally()
    {
        var paris = new CxBridgeSettings { TimeZone = "Europe/Paris" };
        // 23:30 UTC on 31 March is 01:30 on 1 April in Paris.
        await Import("tickets", Tickets(1, _ => "T1,2025-03-31T23:30:00Z,,,,yes,chat,Ana,tier1"));

        var points = (await Query(paris).SeriesAsync(MetricCatalog.Find("escalation_rate")!, MetricFilter.Create(new(2025, 3, 1), new(2025, 4, 30)))).Points;

        points.Select(p => p.N).Should().Equal(0, 1);
    }

    [Fact]
    public async Task Referral_OneIn100_Is1()
    {
        await Import("orders", "order_id,customer_id,ordered_at,amount,referred\n" +
            string.Concat(Enumerable.Range(0, 100).Select(i => $"O{i},C{i % 7},2025-03-10,10.00,{(i == 0 ? "yes" : "no")}\n")));

        var referral = await Point("referral_rate", "2025-03-01", "2025-03-31");

        (referral.Value, referral.N).Should().Be((1.0, 100), "docs/metrics.md: 1 purchase in 100 came through referral");
    }

    [Fact]
    public async Task Clv_TrailingTwelveMonths_IsValueTimesFrequencyTimesLifespan()
    {
        // 10 customers at the window's start (1 Apr 2024), 2 leave within it: yearly churn 20% → lifespan 5 years.
        var customers = new StringBuilder("customer_id,started_at,ended_at\n");
        for (var i = 0; i < 10; i++)
        {
            customers.Append($"C{i},2023-01-01,{(i < 2 ? "2024-10-01" : "")}\n");
        }
        await Import("customers", customers.ToString());
        // 4 buyers, 8 orders of 300 in the window, one order before it (not counted).
        var orders = new StringBuilder("order_id,customer_id,ordered_at,amount\nOLD,C1,2024-03-15,999\n");
        for (var i = 0; i < 8; i++)
        {
            orders.Append($"O{i},C{i % 4},2024-{5 + i:00}-10,300\n");
        }
        await Import("orders", orders.ToString());

        var clv = await Point("clv", "2025-03-01", "2025-03-31");

        clv.N.Should().Be(4);
        clv.Detail["average_purchase_value"].Should().Be(300);
        clv.Detail["purchase_frequency"].Should().Be(2);
        clv.Detail["lifespan_years"].Should().Be(5);
        clv.Value.Should().Be(3000, "300 × 2 × 5 (exact)");
    }

    [Fact]
    public async Task Drill_ReturnsExactlyTheRowsCountedInN()
    {
        await Import("customers", SeedCustomers());
        await Import("tickets", Tickets(30, i => $"T{i},2025-03-0{1 + i % 9}T08:00:00Z,2025-03-0{1 + i % 9}T09:00:00Z,{(i % 3 == 0 ? "" : $"2025-03-{10 + i % 9}T08:00:00Z")},{(i % 5 == 0 ? "" : "1")},no,chat,Ana,tier1"));
        var options = Options.Create(new CxBridgeSettings());
        var explorer = new ExplorerQuery(db.DataSource, Query(), options);
        var march = MetricFilter.Create(new(2025, 3, 1), new(2025, 3, 31), Grain.Total);

        foreach (var (code, basis) in new (string, ChurnBasis?)[] { ("fcr", null), ("frt", null), ("resolution_time", null), ("escalation_rate", null), ("retention_rate", null), ("churn_rate", ChurnBasis.Period) })
        {
            var definition = MetricCatalog.Find(code)!;
            var point = (await Query().SeriesAsync(definition, march, basis)).Points.Single();
            var drill = await explorer.DrillAsync(definition, march, basis, page: 1, pageSize: 500);
            drill.Total.Should().Be(point.N, $"{code}: the drill-down lists the rows counted in n");
            drill.Rows.Should().HaveCount(point.N, code);
        }
    }

    [Fact]
    public async Task Breakdown_FlagsTheSegmentThatDiffers()
    {
        await Import("tickets", Tickets(400, i => i < 200
            ? $"T{i},2025-03-01T08:00:00Z,,2025-03-02T08:00:00Z,{(i < 180 ? 1 : 2)},no,chat,Ana,tier1"     // chat: 90% FCR
            : $"T{i},2025-03-01T08:00:00Z,,2025-03-02T08:00:00Z,{(i < 300 ? 1 : 2)},no,phone,Bo,tier1"));  // phone: 50%
        var explorer = new ExplorerQuery(db.DataSource, Query(), Options.Create(new CxBridgeSettings()));

        var rows = await explorer.BreakdownAsync(MetricCatalog.Find("fcr")!, MetricFilter.Create(new(2025, 3, 1), new(2025, 3, 31)), "channel");

        rows.Select(r => (r.Value, r.Point.Value, r.Point.N)).Should().BeEquivalentTo([("chat", (double?)90.0, 200), ("phone", (double?)50.0, 200)]);
        rows.Should().OnlyContain(r => r.VersusRest.Significant);
        rows.Single(r => r.Value == "chat").Rest.Value.Should().Be(50.0);
    }
}
