namespace CxBridge.Data;

/// <summary>The "CxBridge" configuration section (appsettings, or environment variables such as CxBridge__TimeZone).</summary>
public sealed class CxBridgeSettings
{
    public const string Section = "CxBridge";

    /// <summary>IANA id of the organisation's time zone: values without an offset are read in it, and periods are cut in it.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>0 &lt; n below this is flagged as a small sample (METRICS.md).</summary>
    public int SmallSampleThreshold { get; set; } = 30;

    /// <summary>eNPS cuts with fewer responses are suppressed.</summary>
    public int AnonymityThreshold { get; set; } = 5;

    /// <summary>How many row errors a batch keeps (all are counted).</summary>
    public int MaxStoredErrors { get; set; } = 1000;

    public TimeZoneInfo TimeZoneInfo => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}
