using CxBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CxBridge.Data.Configurations;

public sealed class EventConfiguration : IEntityTypeConfiguration<Event>
{
    public void Configure(EntityTypeBuilder<Event> builder)
    {
        builder.ToTable("events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.Kind).HasConversion(k => k.Code(), s => CodeConversions.EventKind(s));
        builder.HasIndex(e => e.EventId).IsUnique();
        builder.HasIndex(e => new { e.OccurredOn, e.Title }).IsUnique().HasFilter("event_id IS NULL");
    }
}
