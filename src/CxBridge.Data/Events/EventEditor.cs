using CxBridge.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Data.Events;

/// <summary>What adding one event did: the event, or the problems (422) or the clash with an existing event (409).</summary>
public sealed record EventAdded(Event? Event, IReadOnlyDictionary<string, string[]> Problems, string? Conflict)
{
    public bool Saved => Event is not null;
}

/// <summary>Adds and removes single events (the API's POST/DELETE and the department setup page share it).</summary>
public sealed class EventEditor(IDbContextFactory<CxBridgeDbContext> contexts)
{
    /// <summary>
    /// Validates and saves one event. An event with an event_id clashes with another of that id; one without, with another
    /// without id on the same date with the same title (as the import's upsert key).
    /// </summary>
    public async Task<EventAdded> AddAsync(EventInput input, CancellationToken ct = default)
    {
        if (EventRules.Validate(input, out var problems) is not { } created)
        {
            return new EventAdded(null, problems, null);
        }
        await using var db = await contexts.CreateDbContextAsync(ct);
        var taken = created.EventId is { } eventId
            ? await db.Events.AnyAsync(e => e.EventId == eventId, ct)
            : await db.Events.AnyAsync(e => e.EventId == null && e.OccurredOn == created.OccurredOn && e.Title == created.Title, ct);
        if (!taken)
        {
            db.Events.Add(created);
            try
            {
                await db.SaveChangesAsync(ct);
                return new EventAdded(created, new Dictionary<string, string[]>(), null);
            }
            catch (DbUpdateException ex) when (ex.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation })
            {
                // Taken meanwhile by another request or an import.
            }
        }
        return new EventAdded(null, new Dictionary<string, string[]>(), created.EventId is not null
            ? $"an event with event_id '{created.EventId}' exists: expected a new id (a file with that id updates it)"
            : $"an event '{created.Title}' on {created.OccurredOn:yyyy-MM-dd} exists: expected another date or title");
    }

    /// <summary>Removes an event; false when there is none with that id.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken ct = default)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Events.Where(e => e.Id == id).ExecuteDeleteAsync(ct) == 1;
    }
}
