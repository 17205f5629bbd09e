namespace CxBridge.Metrics;

/// <summary>Direction of a CES question as imported (<c>polarity=</c>).</summary>
public enum Polarity
{
    /// <summary>"The company made it easy…": higher is better; stored as is (the default).</summary>
    Ease,

    /// <summary>"How much effort…": higher is worse; stored reversed as max + min − x.</summary>
    Effort,
}
