using System.Globalization;
using CxBridge.Data.Departments;
using CxBridge.Metrics;

namespace CxBridge.Web.Components.Shared;

/// <summary>
/// Linkage results in people's words for department pages and the API's <c>worth</c>: what one step of the driver is
/// worth in the outcome (<see cref="LinkageWording.PointWorth"/>), with the outcome's size written by
/// <see cref="DisplayFormat"/> (money with its currency's symbol, anything else with its unit).
/// </summary>
public static class LinkageText
{
    /// <summary>
    /// Whether a pair's worth is worth saying: only when its strongest lag is a finding (q &lt; 0.05, whichever the sign);
    /// a slope of a pair with no evidence yet is noise, and quoting it in money would read as a promise.
    /// </summary>
    public static bool HasWorth(LinkageView linkage)
    {
        ArgumentNullException.ThrowIfNull(linkage);
        return linkage.Result.Verdict is LinkageVerdict.MovesAsExpected or LinkageVerdict.MovesOpposite
            && linkage.Result.Strongest is { Status: LagStatus.Computed, Slope: not null };
    }

    /// <summary>
    /// "Months when CES rose one point saw contact volume change by −212 contacts on average one month later (95% CI
    /// −230 contacts to −195 contacts, n = 22)." from the strongest lag; null unless <see cref="HasWorth"/>.
    /// </summary>
    public static string? Worth(this DisplayFormat format, LinkageView linkage)
    {
        ArgumentNullException.ThrowIfNull(format);
        return HasWorth(linkage)
            ? LinkageWording.PointWorth(linkage.Result.Strongest, linkage.Driver.SentenceName, linkage.Outcome.SentenceName,
                size => format.Size(linkage.Outcome, size), format.Step(linkage.Driver))
            : null;
    }

    /// <summary>
    /// A size (≥ 0) in a series' unit, with two or three significant digits: money "$41,235", "$0.35"; percentages and
    /// points as points ("1.2 pts": a change of a percentage is in points); hours "0.5 h"; seconds "0.12 s"; a mean on a
    /// scale or a count bare ("0.25", "212"); any other unit after the number ("3.5 days", "212 contacts").
    /// </summary>
    public static string Size(this DisplayFormat format, SeriesInfo series, double size)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(series);
        var number = Math.Abs(size).ToString("N" + Decimals(Math.Abs(size)).ToString(CultureInfo.InvariantCulture), format.Culture);
        if (series.IsMoney)
        {
            return format.SymbolFor(series.Currency) + number;
        }
        return series.Unit.Trim() switch
        {
            "points" or "%" => number + " pts",
            "hours" => number + " h",
            "seconds" => number + " s",
            "" or "count" => number,
            { } unit when unit.StartsWith("mean", StringComparison.Ordinal) => number,
            { } unit => number + " " + unit,
        };
    }

    /// <summary>
    /// One step of a driver, as in "rose one point": "point" for scores, percentages and points; "hour", "second", "day"
    /// for durations; the currency's code for money ("USD"); "contact" for contacts; "unit" for counts and anything else.
    /// </summary>
    public static string Step(this DisplayFormat format, SeriesInfo series)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(series);
        if (series.IsMoney)
        {
            return string.IsNullOrWhiteSpace(series.Currency) ? format.CurrencyCode : series.Currency.Trim().ToUpperInvariant();
        }
        return series.Unit.Trim() switch
        {
            "points" or "%" => "point",
            "hours" => "hour",
            "seconds" => "second",
            "days" => "day",
            "contacts" => "contact",
            { } unit when unit.StartsWith("mean", StringComparison.Ordinal) => "point",
            _ => "unit",
        };
    }

    /// <summary>Decimals for two or three significant digits: 0 from 100 up, 1 from 10, 2 from 1, more below.</summary>
    private static int Decimals(double size) => size switch
    {
        >= 100 => 0,
        >= 10 => 1,
        >= 1 => 2,
        0 => 0,
        _ => Math.Min(8, 1 - (int)Math.Floor(Math.Log10(size))),
    };
}
