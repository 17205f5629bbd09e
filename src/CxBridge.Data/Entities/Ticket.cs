namespace CxBridge.Data.Entities;

/// <summary>A help-desk ticket; <see cref="Contacts"/> counts the customer's contacts until it was resolved.</summary>
public sealed class Ticket
{
    public required string TicketId { get; set; }
    public long BatchId { get; set; }
    public string? CustomerId { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset? FirstResponseAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public int? Contacts { get; set; }
    public bool? Escalated { get; set; }
    public string? Channel { get; set; }
    public string? Agent { get; set; }
    public string? Team { get; set; }
}
