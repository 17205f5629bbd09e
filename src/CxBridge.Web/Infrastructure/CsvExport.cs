using System.Globalization;
using System.Text;
using CxBridge.Data.Queries;
using CxBridge.Metrics;

namespace CxBridge.Web.Infrastructure;

/// <summary>
/// Writes the tables pages show as CSV (RFC 4180), safe to open in a spreadsheet: a text cell that starts with
/// =, +, -, @, tab or carriage return would be read as a formula (CSV injection), so it gets a leading apostrophe.
/// Numbers are written with the invariant culture and are never altered (−35.9 stays a number).
/// </summary>
public static class CsvExport
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static string Cell(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        string s when IsPlainNumber(s) => s,
        _ => Quote(Neutralise(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "")),
    };

    /// <summary>A number written as text by a query ("-12.50"): data, not a formula, so it stays as it is.</summary>
    private static bool IsPlainNumber(string text) =>
        decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>A text cell as a spreadsheet will show it, never as a formula.</summary>
    public static string Neutralise(string text) =>
        text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    private static string Quote(string text) =>
        text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    public static string Write(IEnumerable<string> headers, IEnumerable<IEnumerable<object?>> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', headers.Select(h => Cell(h))).Append("\r\n");
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Select(Cell)).Append("\r\n");
        }
        return csv.ToString();
    }

    /// <summary>A CSV download: UTF-8, text/csv, saved under <paramref name="fileName"/>.</summary>
    public static IResult File(string csv, string fileName) =>
        Results.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", fileName);

    /// <summary>The columns of a metric headline written as a row (<see cref="HeadlineRow"/>), as the North Star and department pages export their tiles.</summary>
    public static readonly string[] HeadlineColumns =
        ["metric", "period", "value", "n", "low", "high", "partial", "previous", "p", "significant", "good", "better", "best", "status"];

    /// <summary>A metric tile as a row: its latest period, the value it is compared with, target and status (null for a suppressed eNPS cut, as the tile).</summary>
    public static object?[] HeadlineRow(MetricHeadline h, Target? target, TargetStatus? status) =>
    [
        h.Definition.Code, h.Latest.Period, h.Latest.Value, h.Latest.N, h.Latest.Low, h.Latest.High, h.Coverage.IsPartial,
        h.Comparison?.Point.Value, h.Comparison?.Test.P, h.Significant, target?.Good, target?.Better, target?.Best, status?.Code(),
    ];
}
