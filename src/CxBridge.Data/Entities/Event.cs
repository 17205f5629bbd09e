namespace CxBridge.Data.Entities;

/// <summary>
/// A dated annotation on the trends (a release, a campaign, an incident, a price change...): from the <c>events</c>
/// import (<see cref="BatchId"/> set) or entered one by one. <see cref="Department"/> null: company-wide.
/// </summary>
public sealed class Event
{
    public long Id { get; set; }
    /// <summary>The file's key: a re-upload with the same id updates the event.</summary>
    public string? EventId { get; set; }
    public long? BatchId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public EventKind Kind { get; set; }
    public required string Title { get; set; }
    public string? Department { get; set; }
    /// <summary>An http or https address with more about the event.</summary>
    public string? Link { get; set; }
}

/// <summary>What an <see cref="Event"/> was.</summary>
public enum EventKind
{
    Release,
    Campaign,
    Incident,
    PriceChange,
    Other,
}

/// <summary>Codes and parsing of <see cref="EventKind"/>.</summary>
public static class EventKinds
{
    public static IReadOnlyList<EventKind> All { get; } =
        [EventKind.Release, EventKind.Campaign, EventKind.Incident, EventKind.PriceChange, EventKind.Other];

    /// <summary>The code used in files, the API and the database: release, campaign, incident, price_change, other.</summary>
    public static string Code(this EventKind kind) => kind switch
    {
        EventKind.Release => "release",
        EventKind.Campaign => "campaign",
        EventKind.Incident => "incident",
        EventKind.PriceChange => "price_change",
        EventKind.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown event kind."),
    };

    /// <summary>The codes, for messages: "release, campaign, incident, price_change or other".</summary>
    public static string Expected => string.Join(", ", All.Take(All.Count - 1).Select(k => k.Code())) + " or " + All[^1].Code();

    /// <summary>Parses a kind, ignoring case and surrounding white space; "price change" and "Price-Change" are price_change.</summary>
    public static bool TryParse(string? text, out EventKind kind)
    {
        var normalized = text?.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');
        foreach (var candidate in All)
        {
            if (candidate.Code() == normalized)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
