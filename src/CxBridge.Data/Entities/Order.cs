namespace CxBridge.Data.Entities;

/// <summary>A purchase; a negative amount is a refund.</summary>
public sealed class Order
{
    public required string OrderId { get; set; }
    public long BatchId { get; set; }
    public required string CustomerId { get; set; }
    public DateTimeOffset OrderedAt { get; set; }
    public decimal Amount { get; set; }
    public bool? Referred { get; set; }
    public string? Channel { get; set; }
}
