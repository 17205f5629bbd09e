using System.Globalization;
using CxBridge.Data;
using CxBridge.Metrics;
using Microsoft.Extensions.Options;

namespace CxBridge.Web.Components.Shared;

/// <summary>
/// How numbers and dates are written on pages: in the organisation's locale (setting locale), money with its
/// currency's symbol (currency), every value with its unit — "%" on shares, "/7" on CES means, "h" on
/// durations, "pts" on NPS and percentage changes. CSV exports and the JSON API stay invariant; this is for people.
/// One instance serves the app: locale, currency and time zone are those in force at each call (the settings can change
/// while the app runs), worked out again only when the settings change.
/// </summary>
public sealed class DisplayFormat(IOptions<CxBridgeSettings> settings)
{
    /// <summary>What the settings in force give, for the settings object it was worked out from.</summary>
    private sealed class Current
    {
        public Current(CxBridgeSettings source)
        {
            Source = source;
            Culture = CultureOf(source.Locale);
            CurrencyCode = string.IsNullOrWhiteSpace(source.Currency) ? "USD" : source.Currency.Trim().ToUpperInvariant();
            CurrencySymbol = SymbolOf(CurrencyCode, Culture);
            TimeZone = source.TimeZoneInfo;
        }

        public CxBridgeSettings Source { get; }
        public CultureInfo Culture { get; }
        public string CurrencyCode { get; }
        public string CurrencySymbol { get; }
        public TimeZoneInfo TimeZone { get; }
    }

    private volatile Current? _current;

    /// <summary>The settings in force, worked out again when they are another object (a reload makes a new one).</summary>
    private Current Now
    {
        get
        {
            var source = settings.Value;
            var current = _current;
            if (current is null || !ReferenceEquals(current.Source, source))
            {
                current = new Current(source);
                _current = current;
            }
            return current;
        }
    }

    public CultureInfo Culture => Now.Culture;

    public string CurrencySymbol => Now.CurrencySymbol;

    /// <summary>The organisation's currency, ISO 4217 (USD).</summary>
    public string CurrencyCode => Now.CurrencyCode;

    public TimeZoneInfo TimeZone => Now.TimeZone;

    /// <summary>Decimals a metric's values are written with: 2 for means on a scale, 0 for money, else 1.</summary>
    public static int Decimals(MetricDefinition definition) => definition.Unit switch
    {
        "currency" => 0,
        { } unit when unit.StartsWith("mean", StringComparison.Ordinal) => 2,
        _ => 1,
    };

    /// <summary>A metric value with its unit: "20.0", "60.0%", "5.12 /7", "6.5 h", "$3,000"; "—" for no value.</summary>
    public string Value(MetricDefinition definition, double? value) => value is not { } v ? "—" : definition.Unit switch
    {
        "%" => Number(v, 1) + "%",
        "currency" => Money(v),
        "hours" => Number(v, 1) + " h",
        { } unit when unit.StartsWith("mean", StringComparison.Ordinal) => Number(v, 2) + " /" + ScaleTop(unit),
        _ => Number(v, Decimals(definition)),
    };

    /// <summary>A value without its unit (chart axes carry the unit in their title).</summary>
    public string Bare(MetricDefinition definition, double value) => Number(value, Decimals(definition));

    /// <summary>A change with its sign and unit: "+9.2 pts" (NPS, percentages), "−0.12" (means), "+0.5 h", "+$120".</summary>
    public string Change(MetricDefinition definition, double delta)
    {
        var sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
        var size = Math.Abs(delta);
        return definition.Unit switch
        {
            "points" or "%" => $"{sign}{Number(size, 1)} pts",
            "currency" => sign + Money(size),
            "hours" => $"{sign}{Number(size, 1)} h",
            _ => sign + Number(size, Decimals(definition)),
        };
    }

    /// <summary>"95% CI 3.8–35.1", "95% CI 77.6–86.8%", "95% CI 9.1–9.9 h", "95% CI $1,200–$1,500"; empty without an interval.</summary>
    public string Interval(MetricDefinition definition, double? low, double? high) => low is { } l && high is { } h
        ? "95% CI " + Range(definition, l, h)
        : "";

    /// <summary>Two values of a metric with its unit written once: "77.6–86.8%", "5.49–5.88", "$1,200–$1,500".</summary>
    public string Range(MetricDefinition definition, double low, double high) => definition.Unit switch
    {
        "%" => $"{Number(low, 1)}–{Number(high, 1)}%",
        "hours" => $"{Number(low, 1)}–{Number(high, 1)} h",
        "currency" => $"{Money(low)}–{Money(high)}",
        _ => $"{Number(low, Decimals(definition))}–{Number(high, Decimals(definition))}",
    };

    /// <summary>
    /// A KPI value in its unit: money with the currency's symbol (the KPI's own currency when it names one), "%" on
    /// shares, "days"/"s"/"h" on durations, counts without decimals; another unit is written after the number.
    /// </summary>
    public string Kpi(string? unit, double? value, string? currency = null) => value is not { } v ? "—" : (unit ?? "").Trim() switch
    {
        "currency" => MoneyIn(v, currency),
        "currency per customer" => MoneyIn(v, currency) + " per customer",
        "%" => Number(v, 1) + "%",
        "count" or "" => Math.Abs(v - Math.Round(v)) < 1e-9 ? Count((long)Math.Round(v)) : Number(v, 1),
        "contacts" => Count((long)Math.Round(v)) + " contacts",
        "days" => Number(v, 1) + " days",
        "seconds" => Number(v, 2) + " s",
        "hours" => Number(v, 1) + " h",
        "points" => Number(v, 1),
        { } other => Number(v, Math.Abs(v) >= 100 ? 0 : 1) + " " + other,
    };

    /// <summary>A KPI change with its sign and unit: "+$12,300", "−1.5 days", "+0.4 pts" (for % and points).</summary>
    public string KpiChange(string? unit, double delta, string? currency = null)
    {
        var sign = delta > 0 ? "+" : delta < 0 ? "−" : "±";
        var size = Math.Abs(delta);
        return (unit ?? "").Trim() switch
        {
            "%" or "points" => $"{sign}{Number(size, 1)} pts",
            _ => sign + Kpi(unit, size, currency),
        };
    }

    /// <summary>Whether values in this KPI unit are money.</summary>
    public static bool IsMoney(string? unit) => unit?.Trim() is "currency" or "currency per customer";

    private string MoneyIn(double value, string? currency)
    {
        var now = Now;
        return currency is null || currency.Equals(now.CurrencyCode, StringComparison.OrdinalIgnoreCase)
            ? Money(value)
            : (value < 0 ? "−" : "") + SymbolOf(currency, now.Culture) + Math.Abs(value).ToString("N0", now.Culture);
    }

    public string Money(double value)
    {
        var now = Now;
        return value < 0
            ? "−" + now.CurrencySymbol + Math.Abs(value).ToString("N0", now.Culture)
            : now.CurrencySymbol + value.ToString("N0", now.Culture);
    }

    public string Number(double? value, int decimals = 1) => value is not { } v ? "—" : v.ToString("N" + decimals, Culture);

    public string Count(long n) => n.ToString("N0", Culture);

    /// <summary>The symbol of a currency (a KPI's own): the organisation's symbol for its own currency or none given.</summary>
    public string SymbolFor(string? currency)
    {
        var now = Now;
        return string.IsNullOrWhiteSpace(currency) || string.Equals(currency.Trim(), now.CurrencyCode, StringComparison.OrdinalIgnoreCase)
            ? now.CurrencySymbol
            : SymbolOf(currency, now.Culture);
    }

    /// <summary>A p-value as people read it: "p = 0.023", or "p &lt; 0.001" rather than a row of zeros.</summary>
    public string PValue(double? p) => p switch
    {
        null => "",
        < 0.001 => "p < 0.001",
        { } v => "p = " + v.ToString("0.000", Culture),
    };

    /// <summary>A date as the locale writes it short: "3/15/2025" (en-US), "15/03/2025" (en-GB).</summary>
    public string Date(DateOnly date) => date.ToString("d", Culture);

    /// <summary>An instant in the organisation's time zone, short date and time.</summary>
    public string DateTime(DateTimeOffset instant)
    {
        var now = Now;
        return TimeZoneInfo.ConvertTime(instant, now.TimeZone).ToString("g", now.Culture);
    }

    /// <summary>A period by its grain: "Mar 2025", "week of 3/3/2025", "Q1 2025", "2025"; for total, the dates.</summary>
    public string Period(DateOnly period, Grain grain) => grain switch
    {
        Grain.Week => "week of " + Date(period),
        Grain.Month => period.ToString("MMM yyyy", Culture),
        Grain.Quarter => $"Q{(period.Month - 1) / 3 + 1} {period.Year}",
        Grain.Year => period.Year.ToString(CultureInfo.InvariantCulture),
        _ => "from " + Date(period),
    };

    /// <summary>Short x-axis label: "Mar 25", "3/3", "Q1 25", "2025".</summary>
    public string AxisPeriod(DateOnly period, Grain grain) => grain switch
    {
        Grain.Week => period.ToString(Culture.DateTimeFormat.MonthDayPattern.Contains("MMMM") ? "MMM d" : "M/d", Culture),
        Grain.Month => period.ToString("MMM yy", Culture),
        Grain.Quarter => $"Q{(period.Month - 1) / 3 + 1} {period:yy}",
        _ => Period(period, grain),
    };

    /// <summary>Days a value covers: "3/1/2025 – 3/15/2025"; one day: its date.</summary>
    public string Days(DateOnly start, DateOnly endExclusive) =>
        endExclusive.DayNumber - start.DayNumber <= 1 ? Date(start) : $"{Date(start)} – {Date(endExclusive.AddDays(-1))}";

    /// <summary>What a partial value covers: "so far: 3/1/2025 – 3/3/2025, 3 of 31 days".</summary>
    public string SoFar(PeriodCoverage coverage) =>
        $"so far: {Days(coverage.Start, coverage.End)}, {coverage.Days} of {coverage.PeriodDays} days";

    private static string ScaleTop(string unit)
    {
        // "mean (1–7)" → "7"
        var dash = unit.LastIndexOfAny(['–', '-']);
        return dash >= 0 ? unit[(dash + 1)..].TrimEnd(')') : unit;
    }

    private static CultureInfo CultureOf(string? name)
    {
        try
        {
            return string.IsNullOrWhiteSpace(name) ? CultureInfo.GetCultureInfo("en-US") : CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.GetCultureInfo("en-US");
        }
    }

    /// <summary>
    /// The symbol of an ISO 4217 code: the locale's own when its region uses that currency (USD in en-US → "$"), else
    /// the symbol a region using it writes (EUR → "€", GBP → "£"), else the code and a space ("CHF ").
    /// </summary>
    private static string SymbolOf(string? code, CultureInfo culture)
    {
        code = string.IsNullOrWhiteSpace(code) ? "USD" : code.Trim().ToUpperInvariant();
        try
        {
            if (!culture.IsNeutralCulture && new RegionInfo(culture.Name).ISOCurrencySymbol == code)
            {
                return culture.NumberFormat.CurrencySymbol;
            }
        }
        catch (ArgumentException)
        {
            // A culture without a region: look further.
        }
        foreach (var specific in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                var region = new RegionInfo(specific.Name);
                if (region.ISOCurrencySymbol == code && region.CurrencySymbol.Length <= 2)
                {
                    return region.CurrencySymbol;
                }
            }
            catch (ArgumentException)
            {
            }
        }
        return code + " ";
    }
}
