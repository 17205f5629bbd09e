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

    /// <summary>A number written with a dot for decimals ("7", "7.0", " 9 "); also NaN and ±Infinity, which callers refuse as values.</summary>
    public static double? ParseNumber(string value) =>
        double.TryParse(value.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var number) ? number : null;

    private static readonly string[] TrueWords = ["true", "yes", "y", "1", "t"];
    private static readonly string[] FalseWords = ["false", "no", "n", "0", "f"];

    /// <summary>true/false, yes/no, y/n, t/f, 1/0 in any case; null for anything else.</summary>
    public static bool? ParseBoolean(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        return TrueWords.Contains(text) ? true : FalseWords.Contains(text) ? false : null;
    }

    /// <summary>
    /// A money amount as exports write it: <c>1234.50</c>, <c>$1,234.50</c>, <c>€ 1.234,50</c>, <c>-12</c>,
    /// <c>(12.00)</c> (negative). A lone comma or dot followed by exactly three digits (<c>1,234</c>) could be a
    /// thousands separator or a decimal mark: that is refused as ambiguous rather than guessed.
    /// </summary>
    public static decimal? ParseAmount(string value, out string problem)
    {
        problem = "";
        var text = value.Trim();
        var negative = false;
        if (text.StartsWith('(') && text.EndsWith(')'))
        {
            negative = true;
            text = text[1..^1];
        }
        text = new string(text.Where(c => !char.IsWhiteSpace(c) && !IsCurrencySymbol(c)).ToArray());
        if (text.StartsWith('-'))
        {
            negative = !negative;
            text = text[1..];
        }
        text = text.Replace("'", "", StringComparison.Ordinal); // 1'234.50 (Swiss grouping)
        var lastComma = text.LastIndexOf(',');
        var lastDot = text.LastIndexOf('.');
        string normalized;
        if (lastComma >= 0 && lastDot >= 0)
        {
            var (decimalMark, group) = lastDot > lastComma ? ('.', ',') : (',', '.');
            var parts = text.Split(decimalMark);
            if (parts.Length != 2 || !ValidGroups(parts[0], group))
            {
                problem = $"not an amount: expected a number such as 1234.50 or 1,234.50";
                return null;
            }
            normalized = parts[0].Replace(group.ToString(), "", StringComparison.Ordinal) + "." + parts[1];
        }
        else if (lastComma >= 0 || lastDot >= 0)
        {
            var mark = lastComma >= 0 ? ',' : '.';
            var parts = text.Split(mark);
            if (parts.Length > 2)
            {
                if (!ValidGroups(text, mark))
                {
                    problem = "not an amount: expected a number such as 1234.50 or 1,234.50";
                    return null;
                }
                normalized = text.Replace(mark.ToString(), "", StringComparison.Ordinal);
            }
            else if (parts[1].Length == 3 && parts[0].Length is > 0 and <= 3 && parts[0] != "0")
            {
                problem = $"ambiguous amount: '{value.Trim()}' could be {parts[0]}{parts[1]} (with a thousands separator) or {parts[0]}.{parts[1]}; write it as {parts[0]}{parts[1]}.00 or {parts[0]}.{parts[1]}";
                return null;
            }
            else
            {
                normalized = parts[0] + "." + parts[1];
            }
        }
        else
        {
            normalized = text;
        }
        if (!decimal.TryParse(normalized, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            problem = "not an amount: expected a number such as 1234.50, $1,234.50 or -12.00";
            return null;
        }
        return negative ? -amount : amount;
    }

    private static bool IsCurrencySymbol(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.CurrencySymbol;

    /// <summary>1,234,567: a first group of 1–3 digits, then groups of exactly 3.</summary>
    private static bool ValidGroups(string integerPart, char separator)
    {
        var groups = integerPart.Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups[0].All(char.IsAsciiDigit)
               && groups.Skip(1).All(g => g.Length == 3 && g.All(char.IsAsciiDigit))
               || groups.Length == 1 && groups[0].All(char.IsAsciiDigit) && groups[0].Length > 0;
    }

    /// <summary>A KPI period: <c>2025-03</c>, or any date in the month; returns the month's first day.</summary>
    public static DateOnly? ParsePeriod(string value, string? dateFormat)
    {
        var text = value.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return month;
        }
        var instant = ParseTimestamp(text, TimeZoneInfo.Utc, dateFormat, out _);
        return instant is { } t ? new DateOnly(t.Year, t.Month, 1) : null;
    }

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
