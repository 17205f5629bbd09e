using System.Globalization;
using System.Text.RegularExpressions;

namespace CxBridge.Data.Imports;

/// <summary>
/// Parsing of the values real exports contain. Each parser returns null and sets <c>expected</c> to a sentence
/// saying what it wanted, so a row error can name the value and what was expected.
/// </summary>
public static partial class ValueParsers
{
    private static readonly string[] BlankMarkers = ["", "na", "n/a", "null", "-"];

    /// <summary>Empty, NA, N/A, null or "-": an unanswered question, not an error.</summary>
    public static bool IsBlank(string? value) =>
        value is null || BlankMarkers.Contains(value.Trim().ToLowerInvariant());

    /// <summary>A number written with a dot for decimals ("7", "7.0", " 9 ").</summary>
    public static double? ParseNumber(string value) =>
        double.TryParse(value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var number) ? number : null;

    private static readonly string[] IsoWithOffset =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss zzz",
    ];

    private static readonly string[] IsoLocal =
    [
        "yyyy-MM-dd", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}")]
    private static partial Regex IsoStart();

    [GeneratedRegex(@"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})")]
    private static partial Regex DayMonthOrMonthDay();

    /// <summary>
    /// A timestamp: ISO 8601 with or without offset, <c>yyyy-MM-dd HH:mm:ss[.fff]</c>, or a plain date; with
    /// <paramref name="dateFormat"/> given, that exact format too. A value with no offset is a local time of
    /// <paramref name="zone"/>. Day/month-ordered dates such as 03/04/2025 are refused as ambiguous unless the
    /// format is given. Returns the instant in UTC.
    /// </summary>
    public static DateTimeOffset? ParseTimestamp(string value, TimeZoneInfo zone, string? dateFormat, out string expected)
    {
        var text = value.Trim();
        expected = "";
        if (IsoStart().IsMatch(text))
        {
            if (DateTimeOffset.TryParseExact(text, IsoWithOffset, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset)
                && HasExplicitOffset(text))
            {
                return withOffset.ToUniversalTime();
            }
            if (DateTime.TryParseExact(text, IsoLocal, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
            {
                return FromLocal(local, zone);
            }
        }
        if (dateFormat is not null)
        {
            if (DateTimeOffset.TryParseExact(text, dateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var custom)
                && HasExplicitOffset(text) && dateFormat.Contains('z', StringComparison.Ordinal))
            {
                return custom.ToUniversalTime();
            }
            if (DateTime.TryParseExact(text, dateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var customLocal))
            {
                return FromLocal(customLocal, zone);
            }
            expected = $"a date in the format {dateFormat} (given as dateformat) or ISO 8601 such as 2025-03-14T09:30:00Z";
            return null;
        }
        var dm = DayMonthOrMonthDay().Match(text);
        if (dm.Success)
        {
            var a = int.Parse(dm.Groups[1].Value, CultureInfo.InvariantCulture);
            var b = int.Parse(dm.Groups[2].Value, CultureInfo.InvariantCulture);
            expected = a <= 12 && b <= 12
                ? $"an unambiguous date: {text} could be day {a} of month {b} or month {a} day {b}; give the upload a dateformat (e.g. dd/MM/yyyy or M/d/yyyy H:mm:ss) or use ISO 8601 (2025-03-14)"
                : $"a date whose day/month order is stated: give the upload a dateformat (e.g. {(a > 12 ? "dd/MM/yyyy" : "MM/dd/yyyy")}) or use ISO 8601 (2025-03-14)";
            return null;
        }
        expected = "a date: ISO 8601 such as 2025-03-14, 2025-03-14 09:30:00 or 2025-03-14T09:30:00+01:00";
        return null;
    }

    private static bool HasExplicitOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || OffsetSuffix().IsMatch(text);

    [GeneratedRegex(@"[+\-]\d{2}(:?\d{2})?$")]
    private static partial Regex OffsetSuffix();

    /// <summary>A wall-clock time of <paramref name="zone"/> as a UTC instant (a time skipped by a DST change moves forward).</summary>
    public static DateTimeOffset FromLocal(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddMinutes(30);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    /// <summary>A date given at upload (<c>date=2025-03-01</c>), ISO only.</summary>
    public static DateOnly? ParseIsoDate(string? value) =>
        DateOnly.TryParseExact(value?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
