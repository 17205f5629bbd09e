using System.Text;
using CxBridge.Data.Demo;

namespace CxBridge.Data.Tests.Demo;

/// <summary>The demo data for the default window (24 months up to January 2026), generated and parsed once.</summary>
public sealed class DemoResponsesFixture
{
    public static readonly DateOnly End = new(2026, 1, 1);
    public static readonly DateOnly Start = End.AddMonths(-24);

    public DemoResponsesFixture()
    {
        var writer = new StringWriter();
        Written = DemoData.WriteResponses(writer, End);
        Text = writer.ToString();
        (Header, Rows) = CsvTestReader.Read(Text);
    }

    public string Text { get; }
    public int Written { get; }
    public string[] Header { get; }
    public List<string[]> Rows { get; }

    public IEnumerable<string[]> Survey(string survey) => Rows.Where(r => r[ResponseRules.Survey] == survey);
}

public class DemoDataTests(DemoResponsesFixture demo) : IClassFixture<DemoResponsesFixture>
{
    private static string Generate(int seed, DateOnly? end = null, int months = 24)
    {
        var writer = new StringWriter();
        DemoData.WriteResponses(writer, end ?? DemoResponsesFixture.End, months, seed);
        return writer.ToString();
    }

    [Fact]
    public void WriteResponses_SameSeed_ByteIdenticalOutput()
    {
        var first = Encoding.UTF8.GetBytes(Generate(7));
        var second = Encoding.UTF8.GetBytes(Generate(7));

        second.Should().Equal(first);
        Encoding.UTF8.GetBytes(demo.Text).Should().Equal(Encoding.UTF8.GetBytes(Generate(DemoData.DefaultSeed)));
    }

    [Fact]
    public void WriteResponses_DifferentSeed_DifferentOutput()
    {
        var other = Generate(DemoData.DefaultSeed + 1);

        other.Should().NotBe(demo.Text);
        other.Split("\r\n").Skip(1).Take(50).Should().NotEqual(demo.Text.Split("\r\n").Skip(1).Take(50));
    }

    [Fact]
    public void WriteResponses_DefaultArguments_CanonicalHeaderFirst()
    {
        demo.Text.Should().StartWith(DemoData.ResponsesHeader + "\r\n");
        DemoData.ResponsesHeader.Should().Be(
            "response_id,survey,score,responded_at,customer_id,comment,channel,touchpoint,region,product,segment,agent,department");
        demo.Header.Should().Equal(ResponseRules.Header);
    }

    [Fact]
    public void WriteResponses_ParsedWithCsvHelper_EveryRowHas13Fields()
    {
        demo.Rows.Should().HaveCount(demo.Written);
        demo.Rows.Should().OnlyContain(r => r.Length == 13);
        demo.Text.Should().EndWith("\r\n");
    }

    [Fact]
    public void WriteResponses_DefaultWindow_About25kRowsWithExpectedMonthlyVolumes()
    {
        demo.Written.Should().BeInRange(23_000, 27_000);
        var perMonth = demo.Rows.GroupBy(r => r[ResponseRules.Survey])
            .ToDictionary(g => g.Key, g => g.Count() / 24.0);

        perMonth.Keys.Should().BeEquivalentTo(["nps", "csat", "ces", "enps", "psat"]);
        perMonth["nps"].Should().BeInRange(360, 440);
        perMonth["csat"].Should().BeInRange(270, 330);
        perMonth["ces"].Should().BeInRange(180, 220);
        perMonth["psat"].Should().BeInRange(100, 150);
        perMonth["enps"].Should().BeInRange(34, 46);
    }

    [Fact]
    public void WriteResponses_Scores_WithinScaleOfTheirSurvey()
    {
        foreach (var row in demo.Rows)
        {
            var (min, max) = ResponseRules.Scales[row[ResponseRules.Survey]];
            ResponseRules.ScoreOf(row).Should().BeInRange(min, max, "row {0}", row[ResponseRules.Id]);
        }

        // Every point of every scale is used.
        foreach (var (survey, (min, max)) in ResponseRules.Scales)
        {
            demo.Survey(survey).Select(ResponseRules.ScoreOf).Distinct().Should().HaveCount(max - min + 1, survey);
        }
    }

    [Fact]
    public void WriteResponses_ResponseIds_UniqueAndNamedAfterTheirSurvey()
    {
        var ids = demo.Rows.Select(r => r[ResponseRules.Id]).ToList();

        ids.Should().OnlyHaveUniqueItems();
        demo.Rows.Should().OnlyContain(r => System.Text.RegularExpressions.Regex.IsMatch(
            r[ResponseRules.Id], "^" + r[ResponseRules.Survey] + "-[0-9]{6}$"));
        demo.Survey("nps").First()[ResponseRules.Id].Should().Be("nps-000001");
    }

    [Fact]
    public void WriteResponses_RespondedAt_IsoUtcWithinTheWindowInTimeOrder()
    {
        var start = DemoResponsesFixture.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = DemoResponsesFixture.End.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var times = demo.Rows.Select(ResponseRules.TimeOf).ToList();

        times.Should().OnlyContain(t => t >= start && t < end);
        times.Should().BeInAscendingOrder();
        demo.Rows.Select(ResponseRules.MonthOf).Distinct().Should().HaveCount(24);
        times.Select(t => t.Hour).Distinct().Should().HaveCountGreaterThan(18);
        times.Select(t => t.Day).Distinct().Should().HaveCount(31);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void WriteResponses_ShortWindow_OnlyTheMonthsBeforeEnd(int months)
    {
        var end = new DateOnly(2025, 7, 1);
        var (_, rows) = CsvTestReader.Read(Generate(11, end, months));

        rows.Select(ResponseRules.MonthOf).Distinct().Order()
            .Should().Equal(Enumerable.Range(0, months).Select(i => end.AddMonths(i - months).ToString("yyyy-MM")));
    }

    [Fact]
    public void WriteResponses_Enps_EmployeesWithDepartmentAndNoCustomerFields()
    {
        var enps = demo.Survey("enps").ToList();

        enps.Should().NotBeEmpty();
        enps.Should().OnlyContain(r => r[ResponseRules.CustomerId] == "" && r[ResponseRules.Channel] == ""
            && r[ResponseRules.Touchpoint] == "" && r[ResponseRules.Product] == "" && r[ResponseRules.Agent] == ""
            && ResponseRules.Departments.Contains(r[ResponseRules.Department]));
        enps.Select(r => r[ResponseRules.Department]).Distinct().Should().BeEquivalentTo(ResponseRules.Departments);
        demo.Rows.Where(r => r[ResponseRules.Survey] != "enps")
            .Should().OnlyContain(r => r[ResponseRules.Department] == "" && r[ResponseRules.CustomerId] != "");
    }

    [Fact]
    public void WriteResponses_Enps_SomeDepartmentMonthCutsBelowAnonymityThreshold()
    {
        var cuts = demo.Survey("enps")
            .GroupBy(r => (Department: r[ResponseRules.Department], Month: ResponseRules.MonthOf(r)))
            .Select(g => g.Count())
            .ToList();

        cuts.Count(n => n < 5).Should().BeGreaterThan(20, "small departments must show suppression");
        cuts.Count(n => n >= 5).Should().BeGreaterThan(24, "large departments must show values");
    }

    [Fact]
    public void WriteResponses_CustomerDimensions_OnlyCanonicalValues()
    {
        var customer = demo.Rows.Where(r => r[ResponseRules.Survey] != "enps").ToList();

        customer.Should().OnlyContain(r => System.Text.RegularExpressions.Regex.IsMatch(r[ResponseRules.CustomerId], "^C[0-9]{5}$"));
        customer.Should().OnlyContain(r => ResponseRules.Channels.Contains(r[ResponseRules.Channel]));
        customer.Should().OnlyContain(r => ResponseRules.Regions.Contains(r[ResponseRules.Region]));
        customer.Should().OnlyContain(r => ResponseRules.Products.Contains(r[ResponseRules.Product]));
        customer.Should().OnlyContain(r => ResponseRules.Segments.Contains(r[ResponseRules.Segment]));
        customer.Where(r => r[ResponseRules.Survey] != "psat")
            .Should().OnlyContain(r => ResponseRules.Touchpoints.Contains(r[ResponseRules.Touchpoint]));
        customer.Select(r => r[ResponseRules.CustomerId]).Distinct().Count().Should().BeInRange(2000, 3000);
        customer.Select(r => r[ResponseRules.Agent]).Where(a => a != "").Distinct().Should().HaveCount(12);
    }

    [Fact]
    public void WriteResponses_Agent_OnlyForSupportPhoneOrChat()
    {
        var withAgent = demo.Rows.Where(r => r[ResponseRules.Agent] != "").ToList();

        withAgent.Should().OnlyContain(r => r[ResponseRules.Touchpoint] == "support"
            || r[ResponseRules.Channel] == "phone" || r[ResponseRules.Channel] == "chat");
        demo.Rows.Where(r => r[ResponseRules.Survey] is "nps" or "csat" or "ces"
                && (r[ResponseRules.Touchpoint] == "support" || r[ResponseRules.Channel] is "phone" or "chat"))
            .Should().OnlyContain(r => r[ResponseRules.Agent] != "");
    }

    [Fact]
    public void WriteResponses_Comments_AboutAThirdVariedAndExercisingQuoting()
    {
        var comments = demo.Rows.Select(r => r[ResponseRules.Comment]).Where(c => c != "").ToList();

        ((double)comments.Count / demo.Rows.Count).Should().BeInRange(0.25, 0.35);
        comments.Distinct().Count().Should().BeGreaterThan(500);
        comments.Should().Contain(c => c.Contains(','));
        comments.Should().Contain(c => c.Contains('"'));
        comments.Should().Contain(c => c.Contains('\n'));
        comments.Should().OnlyContain(c => c.Trim() == c && !"=+-@".Contains(c[0]));
    }

    [Fact]
    public void WriteResponses_Comments_TiedToTheScore()
    {
        var nps = demo.Survey("nps").Where(r => r[ResponseRules.Comment] != "").ToList();
        var detractors = nps.Where(r => ResponseRules.ScoreOf(r) <= 6).Select(r => r[ResponseRules.Comment]).ToList();
        var promoters = nps.Where(r => ResponseRules.ScoreOf(r) >= 9).Select(r => r[ResponseRules.Comment]).ToList();
        string[] complaints = ["wait", "transferred", "charged", "refund", "bug", "late", "crash", "not fixed", "disappointed"];

        detractors.Count(c => complaints.Any(w => c.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .Should().BeGreaterThan(detractors.Count / 5);
        promoters.Should().NotContain(c => c.Contains("disappointed", StringComparison.OrdinalIgnoreCase)
            || c.Contains("switching providers", StringComparison.Ordinal));
    }

    [Fact]
    public void WriteResponses_OverallMetrics_LookLikeARealCompany()
    {
        ResponseRules.Nps(demo.Survey("nps")).Should().BeInRange(20, 45);
        ResponseRules.TopTwoPercent(demo.Survey("csat")).Should().BeInRange(70, 85);
        ResponseRules.Mean(demo.Survey("ces")).Should().BeInRange(4.8, 5.6);
        ResponseRules.TopTwoPercent(demo.Survey("psat")).Should().BeInRange(60, 85);
        ResponseRules.Nps(demo.Survey("enps")).Should().BeInRange(-10, 40);
    }

    [Fact]
    public void WriteResponses_NpsOverTime_DipsAroundMonthsNineToElevenThenRecovers()
    {
        var byMonth = demo.Survey("nps").GroupBy(ResponseRules.MonthOf).OrderBy(g => g.Key)
            .Select(g => ResponseRules.Nps(g)).ToList();
        var before = byMonth.Take(6).Average();
        var dip = byMonth.Skip(8).Take(3).Average();
        var after = byMonth.Skip(18).Average();

        dip.Should().BeLessThan(before - 3);
        after.Should().BeGreaterThan(dip + 10);
    }

    [Fact]
    public void WriteResponses_Channels_ChatBeatsPhone()
    {
        var customer = demo.Rows.Where(r => r[ResponseRules.Survey] == "nps").ToList();

        ResponseRules.Nps(customer.Where(r => r[ResponseRules.Channel] == "chat"))
            .Should().BeGreaterThan(ResponseRules.Nps(customer.Where(r => r[ResponseRules.Channel] == "phone")) + 8);
    }

    [Fact]
    public void WriteResponses_Agents_OneClearlyBestOneClearlyWorst()
    {
        var csatByAgent = demo.Survey("csat").Where(r => r[ResponseRules.Agent] != "")
            .GroupBy(r => r[ResponseRules.Agent])
            .ToDictionary(g => g.Key, g => ResponseRules.TopTwoPercent(g));
        var others = csatByAgent.Where(kv => kv.Key is not "Ana Ruiz" and not "Tom Becker").Select(kv => kv.Value).ToList();

        csatByAgent["Ana Ruiz"].Should().BeGreaterThan(others.Max());
        csatByAgent["Tom Becker"].Should().BeLessThan(others.Min());
    }

    [Fact]
    public void WriteResponses_Ces_ImprovesAcrossThePeriod()
    {
        var byMonth = demo.Survey("ces").GroupBy(ResponseRules.MonthOf).OrderBy(g => g.Key)
            .Select(g => ResponseRules.Mean(g)).ToList();

        byMonth.Take(3).Average().Should().BeLessThan(5.0);
        byMonth.TakeLast(3).Average().Should().BeGreaterThan(5.35);
        byMonth.Chunk(6).Select(c => c.Average()).Should().BeInAscendingOrder();
    }

    [Fact]
    public void WriteResponses_Enps_LeadsCustomerNps()
    {
        var enps = Monthly(demo.Survey("enps"));
        var nps = Monthly(demo.Survey("nps"));

        // Employees dip first: the trough of eNPS (3-month average) comes before the trough of NPS ...
        Trough(enps).Should().BeLessThan(Trough(nps));

        // ... and eNPS lines up better with NPS two months later than with NPS the same month.
        Correlation(enps[..^2], nps[2..]).Should().BeGreaterThan(Correlation(enps, nps)).And.BeGreaterThan(0.5);

        static double[] Monthly(IEnumerable<string[]> rows) =>
            rows.GroupBy(ResponseRules.MonthOf).OrderBy(g => g.Key).Select(ResponseRules.Nps).ToArray();

        static int Trough(double[] series)
        {
            var smooth = Enumerable.Range(1, series.Length - 2).Select(i => (series[i - 1] + series[i] + series[i + 1]) / 3).ToList();
            return smooth.IndexOf(smooth.Min());
        }

        static double Correlation(double[] x, double[] y)
        {
            var (mx, my) = (x.Average(), y.Average());
            var sxy = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
            return sxy / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
        }
    }

    [Fact]
    public void WriteResponses_EndNotFirstOfMonth_Throws()
    {
        var act = () => DemoData.WriteResponses(TextWriter.Null, new DateOnly(2025, 3, 14));

        act.Should().Throw<ArgumentException>().WithParameterName("end");
    }

    [Fact]
    public void WriteResponses_NoMonths_Throws()
    {
        var act = () => DemoData.WriteResponses(TextWriter.Null, new DateOnly(2025, 3, 1), months: 0);

        act.Should().Throw<ArgumentOutOfRangeException>();
    }
}
