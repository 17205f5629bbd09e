namespace CxBridge.Metrics;

/// <summary>NPS category of a 0–10 answer: detractor 0–6, passive 7–8, promoter 9–10.</summary>
public enum NpsCategory
{
    /// <summary>Score 0–6.</summary>
    Detractor,

    /// <summary>Score 7–8.</summary>
    Passive,

    /// <summary>Score 9–10.</summary>
    Promoter,
}
