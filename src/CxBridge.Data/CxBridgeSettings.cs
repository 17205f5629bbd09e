namespace CxBridge.Data;

/// <summary>
/// The organisation's settings. Bound from the "CxBridge" configuration section (appsettings, or environment variables
/// such as CxBridge__TimeZone), which gives the defaults; the organisation settings an admin saves on /settings
/// (<see cref="Settings.SettingsCatalog"/>) are kept in the database and override them.
/// <para>
/// <c>IOptions&lt;CxBridgeSettings&gt;</c> is the <em>effective</em> settings (<see cref="Settings.SettingsStore"/>):
/// its <c>Value</c> changes when any instance saves a setting, so read it once per request or operation and never keep
/// it (nor anything derived from it, such as a time zone) in a field. <c>IOptionsMonitor&lt;CxBridgeSettings&gt;</c> is
/// the configuration alone (the defaults).
/// </para>
/// </summary>
public sealed class CxBridgeSettings
{
    public const string Section = "CxBridge";

    /// <summary>The organisation's name, as pages title it.</summary>
    public string OrganisationName { get; set; } = "My organisation";

    /// <summary>IANA id of the organisation's time zone: values without an offset are read in it, and periods are cut in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>ISO 4217 code of the organisation's currency: money (CLV, money KPIs) is shown with its symbol.</summary>
    public string Currency { get; set; } = "USD";

    /// <summary>Culture name (e.g. en-US, en-GB, fr-FR) in which pages write dates and numbers.</summary>
    public string Locale { get; set; } = "en-US";

    /// <summary>0 &lt; n below this is flagged as a small sample (docs/metrics.md).</summary>
    public int SmallSampleThreshold { get; set; } = 30;

    /// <summary>eNPS cuts with fewer responses are suppressed.</summary>
    public int AnonymityThreshold { get; set; } = 5;

    /// <summary>
    /// Time an import's bulk statements (COPY into staging, the merge) may take; a multi-million-row file needs more
    /// than the 30 s a dashboard query gets.
    /// </summary>
    public int ImportCommandTimeoutSeconds { get; set; } = 1800;

    /// <summary>How many row errors a batch keeps (all are counted).</summary>
    public int MaxStoredErrors { get; set; } = 1000;

    /// <summary>Default churn basis: "start" (lost from the start cohort / start cohort) or "period" (all lost / all served).</summary>
    public string ChurnBasis { get; set; } = "start";

    /// <summary>
    /// Code of the organisation's North Star metric (a <see cref="Metrics.MetricCatalog"/> code): what the pseudo series
    /// <c>north_star</c> of the department pairs stands for, and what the executive page leads with.
    /// </summary>
    public string NorthStar { get; set; } = Metrics.DepartmentCatalog.DefaultNorthStar;

    /// <summary>The North Star metric's definition (<see cref="NorthStar"/> is checked at start, so it exists).</summary>
    public Metrics.MetricDefinition NorthStarMetric => Metrics.MetricCatalog.Find(NorthStar)
        ?? throw new InvalidOperationException($"CxBridge:NorthStar '{NorthStar}' is not a metric: expected one of {string.Join(", ", Metrics.MetricCatalog.All.Select(m => m.Code))}");

    /// <summary>Scale a CSAT or PSAT upload is read on when it names none ("min-max"; default 1-5).</summary>
    public string CsatScale { get; set; } = Metrics.DefaultScales.Standard.Satisfaction.ToString();

    /// <summary>Scale a CES upload is read on when it names none ("min-max"; default 1-7).</summary>
    public string CesScale { get; set; } = Metrics.DefaultScales.Standard.Effort.ToString();

    /// <summary>The scales uploads that name none are read on (<see cref="CsatScale"/>, <see cref="CesScale"/>; checked, so they parse).</summary>
    public Metrics.DefaultScales DefaultScales => new(
        Metrics.ScoreScale.TryParse(CsatScale, out var csat) ? csat : Metrics.DefaultScales.Standard.Satisfaction,
        Metrics.ScoreScale.TryParse(CesScale, out var ces) ? ces : Metrics.DefaultScales.Standard.Effort);

    public ClvSettings Clv { get; set; } = new();

    public sealed class ClvSettings
    {
        /// <summary>Share of revenue that is margin (1.0 = CLV in revenue).</summary>
        public double GrossMargin { get; set; } = 1.0;

        /// <summary>Lifespan cap in years, also used when no customer left.</summary>
        public double MaxLifespanYears { get; set; } = 10;
    }

    /// <summary>The settings the metric arithmetic needs.</summary>
    public Metrics.MetricSettings MetricSettings => new()
    {
        SmallSampleThreshold = SmallSampleThreshold,
        AnonymityThreshold = AnonymityThreshold,
        ChurnBasis = Metrics.ChurnBases.TryParse(ChurnBasis, out var basis) ? basis : Metrics.ChurnBasis.Start,
        ClvGrossMargin = Clv.GrossMargin,
        ClvMaxLifespanYears = Clv.MaxLifespanYears,
    };

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>A copy that shares nothing with this one.</summary>
    public CxBridgeSettings Copy()
    {
        var copy = (CxBridgeSettings)MemberwiseClone();
        copy.Clv = new ClvSettings { GrossMargin = Clv.GrossMargin, MaxLifespanYears = Clv.MaxLifespanYears };
        return copy;
    }
}
