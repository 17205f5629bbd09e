namespace CxBridge.Data.Entities;

/// <summary>A customer from <see cref="StartedAt"/> until <see cref="EndedAt"/> (null: still a customer).</summary>
public sealed class Customer
{
    public required string CustomerId { get; set; }
    public long BatchId { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? Segment { get; set; }
    public string? Region { get; set; }
    public string? Plan { get; set; }
}
