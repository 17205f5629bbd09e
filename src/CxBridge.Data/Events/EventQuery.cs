using CxBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Data.Events;

/// <summary>Reads events (dated annotations) for the trends, each call through a context of its own.</summary>
public sealed class EventQuery(IDbContextFactory<CxBridgeDbContext> contexts)
{
    /// <summary>
    /// Events from <paramref name="from"/> to <paramref name="to"/> (inclusive; either open), by date then title. With a
    /// <paramref name="department"/>: that department's events and the company-wide ones (no department), which
    /// concern every department.
    /// </summary>
    public async Task<IReadOnlyList<Event>> ListAsync(DateOnly? from, DateOnly? to, string? department, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var events = db.Events.AsNoTracking();
        if (from is { } f)
        {
            events = events.Where(e => e.OccurredOn >= f);
        }
        if (to is { } t)
        {
            events = events.Where(e => e.OccurredOn <= t);
        }
        if (department is not null)
        {
            var code = department.Trim().ToLowerInvariant();
            events = events.Where(e => e.Department == code || e.Department == null);
        }
        return await events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Title).ThenBy(e => e.Id).ToListAsync(ct);
    }
}
