using System.Text;

namespace CxBridge.Data.Tests.Demo;

public class SampleFilesTests
{
    private static readonly string[] ResponseSamples = ["nps", "csat", "ces", "enps", "psat"];

    private static string SamplesDirectory
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "CxBridge.sln")))
                {
                    return Path.Combine(dir.FullName, "samples");
                }
            }

            throw new InvalidOperationException($"No CxBridge.sln above {AppContext.BaseDirectory}.");
        }
    }

    public static TheoryData<string> ResponseSurveys() => new(ResponseSamples);

    private static (string[] Header, List<string[]> Rows) ReadSample(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        return CsvTestReader.Read(text);
    }

    /// <summary>Every CSV in samples/, by file name (read when the tests are discovered).</summary>
    public static TheoryData<string> SampleFiles() =>
        new(Directory.GetFiles(SamplesDirectory, "*.csv").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    /// <summary>The import kind of a sample: <c>responses-*.csv</c> are responses, the others are named after their kind.</summary>
    private static string KindOf(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        return name.StartsWith("responses-", StringComparison.Ordinal) ? "responses" : name;
    }

    [Fact]
    public void Samples_EveryKind_HasASample()
    {
        var kinds = Directory.GetFiles(SamplesDirectory, "*.csv").Select(KindOf).Distinct();

        kinds.Should().BeEquivalentTo(KindRules.Headers.Keys);
    }

    [Theory]
    [MemberData(nameof(SampleFiles))]
    public void Samples_EveryCsv_CanonicalHeaderOfItsKindAndConsistentFieldCounts(string file)
    {
        var (header, rows) = ReadSample(Path.Combine(SamplesDirectory, file));

        KindRules.Headers.Should().ContainKey(KindOf(file), "every sample is named after its import kind");
        header.Should().Equal(KindRules.Headers[KindOf(file)]);
        rows.Count.Should().BeInRange(8, 20);
        rows.Should().OnlyContain(r => r.Length == header.Length);
    }

    [Theory]
    [MemberData(nameof(ResponseSurveys))]
    public void Samples_ResponsesFile_CanonicalHeaderAndValidRows(string survey)
    {
        var (header, rows) = ReadSample(Path.Combine(SamplesDirectory, $"responses-{survey}.csv"));
        var (min, max) = ResponseRules.Scales[survey];

        header.Should().Equal(ResponseRules.Header);
        rows.Count.Should().BeInRange(8, 20);
        rows.Select(r => r[ResponseRules.Id]).Should().OnlyHaveUniqueItems();
        rows.Should().OnlyContain(r => r[ResponseRules.Survey] == survey);
        rows.Should().OnlyContain(r => ResponseRules.ScoreOf(r) >= min && ResponseRules.ScoreOf(r) <= max);
        rows.Select(ResponseRules.TimeOf).Should().OnlyContain(t => t.Year == 2025);
        rows.Should().OnlyContain(r => r[ResponseRules.Region] == "" || ResponseRules.Regions.Contains(r[ResponseRules.Region]));
        rows.Select(ResponseRules.ScoreOf).Distinct().Count().Should().BeGreaterThan(3, "a template should show a spread of scores");
        rows.Should().Contain(r => r[ResponseRules.Comment] != "").And.Contain(r => r[ResponseRules.Comment] == "");
    }

    [Theory]
    [InlineData("nps")]
    [InlineData("csat")]
    [InlineData("ces")]
    [InlineData("psat")]
    public void Samples_CustomerSurvey_CustomerDimensionsValid(string survey)
    {
        var (_, rows) = ReadSample(Path.Combine(SamplesDirectory, $"responses-{survey}.csv"));

        rows.Should().OnlyContain(r => System.Text.RegularExpressions.Regex.IsMatch(r[ResponseRules.CustomerId], "^C[0-9]{5}$"));
        rows.Should().OnlyContain(r => r[ResponseRules.Department] == "");
        rows.Should().OnlyContain(r => ResponseRules.Channels.Contains(r[ResponseRules.Channel]));
        rows.Should().OnlyContain(r => ResponseRules.Products.Contains(r[ResponseRules.Product]));
        rows.Should().OnlyContain(r => ResponseRules.Segments.Contains(r[ResponseRules.Segment]));
        rows.Should().OnlyContain(r => r[ResponseRules.Touchpoint] == "" || ResponseRules.Touchpoints.Contains(r[ResponseRules.Touchpoint]));
        rows.Where(r => r[ResponseRules.Agent] != "").Should().NotContain(r => r[ResponseRules.Touchpoint] != "support"
            && r[ResponseRules.Channel] != "phone" && r[ResponseRules.Channel] != "chat", "agents answer support, phone and chat");
    }

    [Fact]
    public void Samples_EnpsFile_EmployeesOnlyWithOneDepartmentAboveThreshold()
    {
        var (_, rows) = ReadSample(Path.Combine(SamplesDirectory, "responses-enps.csv"));

        rows.Should().OnlyContain(r => r[ResponseRules.CustomerId] == "" && r[ResponseRules.Channel] == ""
            && r[ResponseRules.Touchpoint] == "" && r[ResponseRules.Product] == "" && r[ResponseRules.Agent] == "");
        rows.Should().OnlyContain(r => ResponseRules.Departments.Contains(r[ResponseRules.Department]));
        var perDepartment = rows.GroupBy(r => r[ResponseRules.Department]).Select(g => g.Count()).ToList();
        perDepartment.Should().Contain(n => n >= 5).And.Contain(n => n < 5);
    }

    [Fact]
    public void Samples_CustomersFile_ActiveAndFormerCustomersWithEveryPlan()
    {
        var (_, rows) = ReadSample(Path.Combine(SamplesDirectory, "customers.csv"));

        rows.Select(r => r[CustomerRules.Id]).Should().OnlyHaveUniqueItems()
            .And.OnlyContain(id => System.Text.RegularExpressions.Regex.IsMatch(id, "^C[0-9]{5}$"));
        rows.Where(r => r[CustomerRules.EndedAt] != "")
            .Should().NotBeEmpty().And.OnlyContain(r => KindRules.Date(r[CustomerRules.EndedAt]) > KindRules.Date(r[CustomerRules.StartedAt]));
        rows.Should().Contain(r => r[CustomerRules.EndedAt] == "");
        rows.Should().OnlyContain(r => ResponseRules.Segments.Contains(r[CustomerRules.Segment])
            && ResponseRules.Regions.Contains(r[CustomerRules.Region]));
        rows.Select(r => r[CustomerRules.Plan]).Distinct().Should().BeEquivalentTo(CustomerRules.Plans);
    }

    [Fact]
    public void Samples_CustomerIds_OfTheOtherSamplesAreInTheCustomersFileAndActiveThen()
    {
        var customers = ReadSample(Path.Combine(SamplesDirectory, "customers.csv")).Rows.ToDictionary(r => r[CustomerRules.Id]);
        var operational = ReadSample(Path.Combine(SamplesDirectory, "orders.csv")).Rows
            .Select(r => (Id: r[OrderRules.CustomerId], At: r[OrderRules.OrderedAt]))
            .Concat(ReadSample(Path.Combine(SamplesDirectory, "tickets.csv")).Rows.Select(r => (Id: r[TicketRules.CustomerId], At: r[TicketRules.OpenedAt])))
            .ToList();
        var responses = ResponseSamples
            .SelectMany(survey => ReadSample(Path.Combine(SamplesDirectory, $"responses-{survey}.csv")).Rows)
            .Where(r => customers.ContainsKey(r[ResponseRules.CustomerId]))
            .Select(r => (Id: r[ResponseRules.CustomerId], At: r[ResponseRules.RespondedAt]))
            .ToList();

        // Every customer of the orders and tickets is in the customer file, and so are several who answered surveys.
        operational.Should().OnlyContain(u => customers.ContainsKey(u.Id));
        responses.Should().HaveCountGreaterThan(8);
        foreach (var (id, at) in operational.Concat(responses))
        {
            CustomerRules.ActiveOn(customers[id], DateOnly.FromDateTime(KindRules.Time(at))).Should().BeTrue("{0} at {1}", id, at);
        }
    }

    [Fact]
    public void Samples_OrdersFile_AmountsAsExportsWriteThemWithARefundAndYesNoReferrals()
    {
        var path = Path.Combine(SamplesDirectory, "orders.csv");
        var (_, rows) = ReadSample(path);

        File.ReadAllText(path).Should().Contain("\"$1,234.50\"", "a formatted amount shows the quoting");
        rows.Select(OrderRules.AmountOf).Should().Contain(1234.50m).And.Contain(a => a < 0);
        rows.Select(r => r[OrderRules.Referred]).Distinct().Should().BeEquivalentTo(["yes", "no"]);
        rows.Should().OnlyContain(r => OrderRules.Channels.Contains(r[OrderRules.Channel]));
        rows.Select(r => r[OrderRules.Id]).Should().OnlyHaveUniqueItems();
        rows.Select(r => KindRules.Time(r[OrderRules.OrderedAt])).Should().BeInAscendingOrder();
    }

    [Fact]
    public void Samples_TicketsFile_TimesInOrderWithOpenAndUnansweredTickets()
    {
        var (_, rows) = ReadSample(Path.Combine(SamplesDirectory, "tickets.csv"));

        foreach (var t in rows)
        {
            if (t[TicketRules.FirstResponseAt] != "")
            {
                TicketRules.Hours(t, TicketRules.FirstResponseAt).Should().BeGreaterThanOrEqualTo(0, t[TicketRules.Id]);
            }

            if (t[TicketRules.ResolvedAt] != "")
            {
                TicketRules.Hours(t, TicketRules.ResolvedAt).Should().BeGreaterThan(0, t[TicketRules.Id]);
            }
        }

        rows.Should().Contain(t => t[TicketRules.ResolvedAt] == "").And.Contain(t => t[TicketRules.FirstResponseAt] == "");
        rows.Should().OnlyContain(t => TicketRules.ContactsOf(t) >= 1 && TicketRules.ContactsOf(t) <= 5);
        rows.Should().OnlyContain(t => t[TicketRules.Escalated] == "true" || t[TicketRules.Escalated] == "false");
        rows.Should().Contain(t => t[TicketRules.Escalated] == "true");
        rows.Should().OnlyContain(t => TicketRules.Channels.Contains(t[TicketRules.Channel]) && TicketRules.Teams.Contains(t[TicketRules.Team]));
        rows.Should().OnlyContain(t => t[TicketRules.Agent] == "" || TicketRules.Agents.Contains(t[TicketRules.Agent]));
    }

    [Fact]
    public void Samples_KpisFile_CatalogKpisWithTheirUnitsAndMonthsOrDates()
    {
        var (_, rows) = ReadSample(Path.Combine(SamplesDirectory, "kpis.csv"));

        rows.Should().OnlyContain(r => KpiRules.Catalog.ContainsKey(r[KpiRules.Department])
            && KpiRules.Catalog[r[KpiRules.Department]][r[KpiRules.Kpi]] == r[KpiRules.Unit]);
        rows.Should().OnlyContain(r => System.Text.RegularExpressions.Regex.IsMatch(r[KpiRules.Period], "^20[0-9]{2}-[01][0-9](-[0-3][0-9])?$"));
        rows.Should().Contain(r => r[KpiRules.Period].Length == 10, "a date in the month is a valid period too");
        rows.Select(r => KindRules.Number(r[KpiRules.Value])).Should().NotBeEmpty();
        rows.Select(r => (r[KpiRules.Department], r[KpiRules.Kpi], r[KpiRules.Period][..7])).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void Samples_EventsFile_EveryKindValidDatesDepartmentsAndWebLinks()
    {
        var (_, rows) = ReadSample(Path.Combine(SamplesDirectory, "events.csv"));

        rows.Select(r => r[EventRules.Kind]).Distinct().Should().BeEquivalentTo(EventRules.Kinds);
        rows.Select(r => KindRules.Date(r[EventRules.Date])).Should().BeInAscendingOrder();
        rows.Should().OnlyContain(r => r[EventRules.Title] != "");
        rows.Should().OnlyContain(r => r[EventRules.Department] == "" || KpiRules.Catalog.ContainsKey(r[EventRules.Department]));
        rows.Should().Contain(r => r[EventRules.Department] == "", "a company-wide event has no department");
        rows.Where(r => r[EventRules.Link] != "").Should().NotBeEmpty().And.OnlyContain(r => EventRules.IsWebLink(r[EventRules.Link]));
        rows.Where(r => r[EventRules.Id] != "").Select(r => r[EventRules.Id]).Should().OnlyHaveUniqueItems();
        rows.Should().Contain(r => r[EventRules.Id] == "", "event_id is optional");
    }

    [Fact]
    public void Samples_Readme_DescribesEveryFile()
    {
        var readme = File.ReadAllText(Path.Combine(SamplesDirectory, "README.md"));

        foreach (var file in Directory.GetFiles(SamplesDirectory, "*.csv"))
        {
            readme.Should().Contain($"`{Path.GetFileName(file)}`");
        }

        foreach (var header in KindRules.Headers.Values)
        {
            readme.Should().Contain(string.Join(',', header));
        }

        readme.Should().ContainEquivalentOf("case");
    }
}
