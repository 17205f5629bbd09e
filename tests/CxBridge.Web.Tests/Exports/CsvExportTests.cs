using CxBridge.Web.Infrastructure;

namespace CxBridge.Web.Tests.Exports;

public sealed class CsvExportTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\",\"click\")", "'=HYPERLINK(\"\"http://x\"\",\"\"click\"\")")]
    [InlineData("+1+cmd", "'+1+cmd")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tTAB", "'\tTAB")]
    public void Cell_TextThatAFormulaWouldStartWith_IsNeutralised(string text, string expectedInner)
    {
        var cell = CsvExport.Cell(text);
        cell.Trim('"').Should().Be(expectedInner.Trim('"'), $"input {text}");
        cell.Should().Contain("'");
    }

    [Theory]
    [InlineData("great service", "great service")]
    [InlineData("a, b", "\"a, b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("-35.9", "-35.9")]
    [InlineData("1234.50", "1234.50")]
    public void Cell_OrdinaryTextAndNumbers_AreKeptAsTheyAre(string text, string expected) =>
        CsvExport.Cell(text).Should().Be(expected);

    [Fact]
    public void Cell_TypedValues_AreInvariant()
    {
        using var _ = new CultureSwap("fr-FR");
        CsvExport.Cell(-35.9).Should().Be("-35.9");
        CsvExport.Cell(1234.5m).Should().Be("1234.5");
        CsvExport.Cell(new DateOnly(2025, 3, 1)).Should().Be("2025-03-01");
        CsvExport.Cell(new DateTimeOffset(2025, 3, 1, 11, 5, 9, TimeSpan.FromHours(1))).Should().Be("2025-03-01 10:05:09Z");
        CsvExport.Cell(null).Should().Be("");
    }

    [Fact]
    public void Write_HeaderAndRows_AreRfc4180()
    {
        var csv = CsvExport.Write(["a", "b"], [["x", 1], ["=1+1", null]]);
        csv.Should().Be("a,b\r\nx,1\r\n'=1+1,\r\n");
    }

    private sealed class CultureSwap : IDisposable
    {
        private readonly System.Globalization.CultureInfo _before = System.Globalization.CultureInfo.CurrentCulture;
        public CultureSwap(string name) => System.Globalization.CultureInfo.CurrentCulture = new(name);
        public void Dispose() => System.Globalization.CultureInfo.CurrentCulture = _before;
    }
}
