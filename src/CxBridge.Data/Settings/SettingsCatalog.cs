using System.Globalization;
using CxBridge.Metrics;

namespace CxBridge.Data.Settings;

/// <summary>How the settings page groups the settings.</summary>
public enum SettingGroup
{
    /// <summary>Who the organisation is.</summary>
    Organisation,

    /// <summary>How dates, money and numbers are cut and written: time zone, currency, locale.</summary>
    NumbersAndDates,

    /// <summary>What changes a metric: North Star, churn basis, scales, CLV, thresholds.</summary>
    Metrics,
}

/// <summary>
/// The outcome of checking one value: the value as it is stored (trimmed, in its canonical form: "EUR", "en-GB", "csat",
/// "0.6"), or the problem, worded to follow the value: <c>is not a time zone: expected an IANA id such as Europe/Paris</c>.
/// </summary>
public readonly record struct SettingCheck(string? Value, string? Problem)
{
    public bool IsValid => Problem is null;

    public static SettingCheck Valid(string value) => new(value, null);

    public static SettingCheck Invalid(string problem) => new(null, problem);
}

/// <summary>
/// A setting an admin may change: its key (in the API, the database and the page), its configuration key (the default),
/// how it is read from and written to <see cref="CxBridgeSettings"/> as text (culture-invariant), and its check.
/// </summary>
public sealed class SettingDefinition(
    string key, string configurationKey, SettingGroup group, string label, string help,
    Func<CxBridgeSettings, string> read, Action<CxBridgeSettings, string> write, Func<string, SettingCheck> check)
{
    /// <summary>The key in the API, the database (<c>settings.key</c>) and the page: camelCase, e.g. <c>timeZone</c>.</summary>
    public string Key { get; } = key;

    /// <summary>The configuration key that gives the default, e.g. <c>CxBridge:TimeZone</c>.</summary>
    public string ConfigurationKey { get; } = configurationKey;

    public SettingGroup Group { get; } = group;

    /// <summary>The label people read: "Time zone".</summary>
    public string Label { get; } = label;

    /// <summary>What it changes and what it expects, one sentence.</summary>
    public string Help { get; } = help;

    /// <summary>The setting's value in <paramref name="settings"/>, as text (culture-invariant).</summary>
    public string Read(CxBridgeSettings settings) => read(settings);

    /// <summary>Sets the setting in <paramref name="settings"/> from a value <see cref="Check"/> accepted.</summary>
    public void Write(CxBridgeSettings settings, string value) => write(settings, value);

    /// <summary>Checks a value given as text (null counts as empty).</summary>
    public SettingCheck Check(string? value) => check((value ?? "").Trim());

    /// <summary>A refusal in the house style: <c>timeZone 'Mars/Olympus' is not a time zone: expected …</c>.</summary>
    public static string Refusal(string name, string? value, string problem) => $"{name} '{value}' {problem}";
}

/// <summary>
/// Every organisation setting that can be changed at run time (on /settings or with PUT /api/settings), its check and
/// its configuration default. Settings not listed here (upload folder, import limits, demo data) stay configuration only:
/// they are about one instance's machine, not the organisation.
/// </summary>
public static class SettingsCatalog
{
    public const int MaxNameLength = 100;

    /// <summary>Highest scale top a default scale may have (a response keeps its scale in smallint columns; 100 is plenty).</summary>
    public const int MaxScaleTop = 100;

    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        new("organisationName", "CxBridge:OrganisationName", SettingGroup.Organisation, "Organisation name",
            "The name pages give the organisation.",
            s => s.OrganisationName, (s, v) => s.OrganisationName = v, CheckName),
        new("timeZone", "CxBridge:TimeZone", SettingGroup.NumbersAndDates, "Time zone",
            "IANA time zone in which periods are cut and dates without an offset are read, e.g. Europe/Paris.",
            s => s.TimeZone, (s, v) => s.TimeZone = v, CheckTimeZone),
        new("currency", "CxBridge:Currency", SettingGroup.NumbersAndDates, "Currency",
            "ISO 4217 code of the organisation's money (CLV, money KPIs), e.g. EUR.",
            s => s.Currency, (s, v) => s.Currency = v, CheckCurrency),
        new("locale", "CxBridge:Locale", SettingGroup.NumbersAndDates, "Locale",
            "Culture in which pages write numbers and dates, e.g. en-GB or fr-FR.",
            s => s.Locale, (s, v) => s.Locale = v, CheckLocale),
        new("northStar", "CxBridge:NorthStar", SettingGroup.Metrics, "North Star metric",
            "The metric the organisation steers by: what north_star stands for in department pairs.",
            s => s.NorthStar, (s, v) => s.NorthStar = v, CheckMetric),
        new("churnBasis", "CxBridge:ChurnBasis", SettingGroup.Metrics, "Churn basis",
            "start: losses of the start cohort over the start cohort; period: everyone lost over everyone served in the period.",
            s => s.ChurnBasis, (s, v) => s.ChurnBasis = v, CheckChurnBasis),
        new("csatScale", "CxBridge:CsatScale", SettingGroup.Metrics, "CSAT and PSAT scale",
            "The scale a CSAT or PSAT upload is read on when it names none (scale= at upload), e.g. 1-5.",
            s => s.CsatScale, (s, v) => s.CsatScale = v, v => CheckScale(v, minPoints: 3, "1-5")),
        new("cesScale", "CxBridge:CesScale", SettingGroup.Metrics, "CES scale",
            "The scale a CES upload is read on when it names none; answers are rescaled onto 1–7 either way.",
            s => s.CesScale, (s, v) => s.CesScale = v, v => CheckScale(v, minPoints: 2, "1-7")),
        new("clvGrossMargin", "CxBridge:Clv:GrossMargin", SettingGroup.Metrics, "CLV gross margin",
            "Share of revenue that is margin, more than 0 and at most 1; 1 reports CLV in revenue.",
            s => Number(s.Clv.GrossMargin), (s, v) => s.Clv.GrossMargin = double.Parse(v, CultureInfo.InvariantCulture), CheckMargin),
        new("clvMaxLifespanYears", "CxBridge:Clv:MaxLifespanYears", SettingGroup.Metrics, "CLV maximum lifespan (years)",
            "Cap on a customer's expected lifespan in CLV, also used when no customer left.",
            s => Number(s.Clv.MaxLifespanYears), (s, v) => s.Clv.MaxLifespanYears = double.Parse(v, CultureInfo.InvariantCulture), CheckYears),
        new("smallSampleThreshold", "CxBridge:SmallSampleThreshold", SettingGroup.Metrics, "Small-sample threshold",
            "A value from fewer units than this (and more than none) is flagged as a small sample.",
            s => Number(s.SmallSampleThreshold), (s, v) => s.SmallSampleThreshold = int.Parse(v, CultureInfo.InvariantCulture), v => CheckWhole(v, 1, "30")),
        new("anonymityThreshold", "CxBridge:AnonymityThreshold", SettingGroup.Metrics, "eNPS anonymity threshold",
            "An eNPS cut with fewer responses than this (and more than none) is hidden.",
            s => Number(s.AnonymityThreshold), (s, v) => s.AnonymityThreshold = int.Parse(v, CultureInfo.InvariantCulture), v => CheckWhole(v, 2, "5")),
    ];

    /// <summary>The setting with this key (case-insensitive); null when there is none.</summary>
    public static SettingDefinition? Find(string? key) =>
        All.FirstOrDefault(d => string.Equals(d.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>"organisationName, timeZone, …": what an unknown key is told to be.</summary>
    public static string Keys => string.Join(", ", All.Select(d => d.Key));

    /// <summary>The group's heading on the page.</summary>
    public static string Title(this SettingGroup group) => group switch
    {
        SettingGroup.Organisation => "Organisation",
        SettingGroup.NumbersAndDates => "Numbers and dates",
        SettingGroup.Metrics => "Metrics",
        _ => throw new ArgumentOutOfRangeException(nameof(group), group, "Unknown group."),
    };

    /// <summary>
    /// The problems of the configured values (the defaults), each naming its configuration key, the value and what was
    /// expected; empty when all are valid. The app does not start with a bad default.
    /// </summary>
    public static IReadOnlyList<string> ConfigurationProblems(CxBridgeSettings configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        return All
            .Select(d => (Definition: d, Value: d.Read(configured), Check: d.Check(d.Read(configured))))
            .Where(c => !c.Check.IsValid)
            .Select(c => SettingDefinition.Refusal(c.Definition.ConfigurationKey, c.Value, c.Check.Problem!))
            .ToList();
    }

    /// <summary>The configured values in their canonical form (they were checked at start: see <see cref="ConfigurationProblems"/>).</summary>
    public static CxBridgeSettings Canonical(CxBridgeSettings configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var copy = configured.Copy();
        foreach (var definition in All)
        {
            if (definition.Check(definition.Read(configured)) is { IsValid: true, Value: { } value })
            {
                definition.Write(copy, value);
            }
        }
        return copy;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static SettingCheck CheckName(string value)
    {
        const string expected = "expected a name of 1 to 100 characters";
        if (value.Length == 0)
        {
            return SettingCheck.Invalid($"is empty: {expected}");
        }
        if (value.Length > MaxNameLength)
        {
            return SettingCheck.Invalid($"is too long ({value.Length} characters): {expected}");
        }
        return value.Any(char.IsControl)
            ? SettingCheck.Invalid($"contains a control character (a line break or tab): {expected} on one line")
            : SettingCheck.Valid(value);
    }

    private static SettingCheck CheckTimeZone(string value)
    {
        const string expected = "expected an IANA time zone id such as Europe/Paris, America/New_York or UTC";
        // IANA ids are letters, digits and _ + - / (Windows ids have spaces too); a path-like id such as ../x never
        // reaches the system's zone files.
        if (value.Length is 0 or > 64 || value.Contains("..", StringComparison.Ordinal)
            || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '-' or '/' or ' '))
        {
            return SettingCheck.Invalid($"is not a time zone: {expected}");
        }
        TimeZoneInfo zone;
        try
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(value, out var found))
            {
                return SettingCheck.Invalid($"is not a time zone: {expected}");
            }
            zone = found;
        }
        catch (Exception e) when (e is ArgumentException or System.Security.SecurityException or IOException or UnauthorizedAccessException)
        {
            return SettingCheck.Invalid($"is not a time zone: {expected}");
        }
        if (!zone.HasIanaId)
        {
            return TimeZoneInfo.TryConvertWindowsIdToIanaId(value, out var iana)
                ? SettingCheck.Invalid($"is a Windows time zone id: expected its IANA id, {iana}")
                : SettingCheck.Invalid($"is not an IANA time zone id: {expected}");
        }
        return SettingCheck.Valid(zone.Id);
    }

    /// <summary>ISO 4217 codes of the regions this machine's culture data knows.</summary>
    private static readonly Lazy<HashSet<string>> KnownCurrencies = new(() =>
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var culture in CultureInfo.GetCultures(CultureTypes.SpecificCultures))
        {
            try
            {
                codes.Add(new RegionInfo(culture.Name).ISOCurrencySymbol);
            }
            catch (ArgumentException)
            {
                // A culture without a region.
            }
        }
        return codes;
    });

    private static SettingCheck CheckCurrency(string value)
    {
        var code = value.ToUpperInvariant();
        if (code.Length != 3 || !code.All(char.IsAsciiLetterUpper))
        {
            return SettingCheck.Invalid("is not an ISO 4217 code: expected three letters such as EUR, GBP or USD");
        }
        return KnownCurrencies.Value.Contains(code)
            ? SettingCheck.Valid(code)
            : SettingCheck.Invalid("is not a known ISO 4217 currency: expected a code in use such as EUR, GBP or USD");
    }

    private static SettingCheck CheckLocale(string value)
    {
        const string expected = "expected a culture name such as en-GB, en-US or fr-FR";
        if (value.Length == 0)
        {
            return SettingCheck.Invalid($"is not a culture: {expected}");
        }
        try
        {
            var culture = CultureInfo.GetCultureInfo(value, predefinedOnly: true);
            return culture.Name.Length == 0
                ? SettingCheck.Invalid($"is not a culture: {expected}")
                : SettingCheck.Valid(culture.Name);
        }
        catch (CultureNotFoundException)
        {
            return SettingCheck.Invalid($"is not a known culture: {expected}");
        }
    }

    private static SettingCheck CheckMetric(string value) => MetricCatalog.Find(value) is { } metric
        ? SettingCheck.Valid(metric.Code)
        : SettingCheck.Invalid($"is not a metric: expected one of {string.Join(", ", MetricCatalog.All.Select(m => m.Code))}");

    private static SettingCheck CheckChurnBasis(string value) => ChurnBases.TryParse(value, out var basis)
        ? SettingCheck.Valid(basis.Code())
        : SettingCheck.Invalid("is not known: expected start or period");

    private static SettingCheck CheckScale(string value, int minPoints, string example)
    {
        var expected = $"expected min-max such as {example}, whole numbers with 0 ≤ min < max ≤ {MaxScaleTop}";
        if (!ScoreScale.TryParse(value, out var scale) || scale.Max > MaxScaleTop)
        {
            return SettingCheck.Invalid($"is not a scale: {expected}");
        }
        return scale.Max - scale.Min + 1 < minPoints
            ? SettingCheck.Invalid($"has fewer than {minPoints} points (satisfied means the top two): {expected}")
            : SettingCheck.Valid(scale.ToString());
    }

    private static SettingCheck CheckMargin(string value)
    {
        const string expected = "expected a fraction more than 0 and at most 1, such as 0.6";
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var margin) || !double.IsFinite(margin))
        {
            return SettingCheck.Invalid($"is not a number: {expected}");
        }
        return margin is > 0 and <= 1
            ? SettingCheck.Valid(Number(margin))
            : SettingCheck.Invalid($"is outside (0, 1]: {expected}");
    }

    private static SettingCheck CheckYears(string value)
    {
        const string expected = "expected a number of years more than 0, such as 10";
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var years) || !double.IsFinite(years))
        {
            return SettingCheck.Invalid($"is not a number: {expected}");
        }
        return years > 0 ? SettingCheck.Valid(Number(years)) : SettingCheck.Invalid($"is not more than 0: {expected}");
    }

    private static SettingCheck CheckWhole(string value, int minimum, string example)
    {
        var expected = $"expected a whole number of at least {minimum}, such as {example}";
        if (!int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return SettingCheck.Invalid($"is not a whole number: {expected}");
        }
        return number >= minimum ? SettingCheck.Valid(Number(number)) : SettingCheck.Invalid($"is below the minimum: {expected}");
    }
}
