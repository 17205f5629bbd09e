using CxBridge.Data.Imports;

namespace CxBridge.Data.Tests.Imports;

public sealed class ValueParsersTests
{
    [Theory]
    [InlineData("1234.50", 1234.50)]
    [InlineData("$1,234.50", 1234.50)]
    [InlineData("1,234,567.89", 1234567.89)]
    [InlineData("€ 1.234,56", 1234.56)]
    [InlineData("12,50", 12.50)]
    [InlineData("-12", -12)]
    [InlineData("(5.25)", -5.25)]
    [InlineData("0.125", 0.125)]
    [InlineData("1 234.50", 1234.50)]
    [InlineData("£7", 7)]
    public void ParseAmount_UnambiguousForms_AreRead(string text, double expected)
    {
        ValueParsers.ParseAmount(text, out var problem).Should().Be((decimal)expected, $"input '{text}' ({problem})");
    }

    [Theory]
    [InlineData("1,234", "ambiguous amount")]
    [InlineData("1.234", "ambiguous amount")]
    [InlineData("12,34,5", "not an amount")]
    [InlineData("twelve", "not an amount")]
    public void ParseAmount_AmbiguousOrWrong_IsRefusedSayingWhy(string text, string expected)
    {
        ValueParsers.ParseAmount(text, out var problem).Should().BeNull($"input '{text}'");
        problem.Should().StartWith(expected);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("YES", true)]
    [InlineData("y", true)]
    [InlineData("1", true)]
    [InlineData("False", false)]
    [InlineData("no", false)]
    [InlineData("N", false)]
    [InlineData("0", false)]
    public void ParseBoolean_CommonSpellings_AreRead(string text, bool expected) =>
        ValueParsers.ParseBoolean(text).Should().Be(expected);
}
