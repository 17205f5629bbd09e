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

    [Fact]
    public void Samples_EveryCsv_ParsesWithConsistentFieldCounts()
    {
        var files = Directory.GetFiles(SamplesDirectory, "*.csv");

        files.Should().NotBeEmpty();
        foreach (var file in files)
        {
            var (header, rows) = ReadSample(file);

            header.Should().NotBeEmpty(file);
            header.Should().OnlyHaveUniqueItems(file);
            rows.Count.Should().BeInRange(8, 20, file);
            rows.Should().OnlyContain(r => r.Length == header.Length, file);
        }
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
    public void Samples_Readme_DescribesEveryResponsesFile()
    {
        var readme = File.ReadAllText(Path.Combine(SamplesDirectory, "README.md"));

        foreach (var survey in ResponseSamples)
        {
            readme.Should().Contain($"responses-{survey}.csv");
        }

        readme.Should().ContainEquivalentOf("case");
    }
}
