namespace CxBridge.Data.Entities;

/// <summary>One answered survey question. Blank answers are never stored.</summary>
public sealed class SurveyResponse
{
    public long Id { get; set; }
    public long BatchId { get; set; }
    public required string Survey { get; set; }
    public string? ResponseId { get; set; }
    /// <summary>The score as given, on its own scale.</summary>
    public double Score { get; set; }
    public short ScaleMin { get; set; }
    public short ScaleMax { get; set; }
    /// <summary>What metrics aggregate: the score, or for CES the polarity-adjusted score on 1..7.</summary>
    public double Value { get; set; }
    public DateTimeOffset RespondedAt { get; set; }
    public string? CustomerId { get; set; }
    public string? Comment { get; set; }
    public string? Channel { get; set; }
    public string? Touchpoint { get; set; }
    public string? Region { get; set; }
    public string? Product { get; set; }
    public string? Segment { get; set; }
    public string? Agent { get; set; }
    public string? Department { get; set; }
}
