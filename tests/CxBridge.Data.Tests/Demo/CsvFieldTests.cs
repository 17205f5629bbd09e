using CxBridge.Data.Demo;

namespace CxBridge.Data.Tests.Demo;

public class CsvFieldTests
{
    [Theory]
    [InlineData(null, "")]
    [InlineData("", "")]
    [InlineData("plain", "plain")]
    [InlineData("Ana Ruiz", "Ana Ruiz")]
    [InlineData("fast, friendly", "\"fast, friendly\"")]
    [InlineData("they said \"soon\"", "\"they said \"\"soon\"\"\"")]
    [InlineData("line one\nline two", "\"line one\nline two\"")]
    [InlineData("carriage\r\nreturn", "\"carriage\r\nreturn\"")]
    [InlineData(" padded ", "\" padded \"")]
    public void Csv_Field_QuotedPerRfc4180(string? field, string expected)
    {
        DemoData.Csv(field).Should().Be(expected);
    }

    [Theory]
    [InlineData("a \"quoted\", comma-separated\nmulti-line value")]
    [InlineData("\"\"")]
    [InlineData(",")]
    public void Csv_Field_RoundTripsThroughCsvHelper(string field)
    {
        var text = "a,b,c\r\n" + DemoData.Csv("x") + "," + DemoData.Csv(field) + "," + DemoData.Csv("z") + "\r\n";

        var (_, rows) = CsvTestReader.Read(text);

        rows.Should().ContainSingle().Which.Should().Equal("x", field, "z");
    }
}
