using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Metrics;

namespace CxBridge.Data.Events;

/// <summary>
/// What makes an event's fields valid, shared by the <c>events</c> import and the API: each check returns null, or a
/// sentence saying what was expected (the caller names the field and the value).
/// </summary>
public static class EventRules
{
    public const int MaxTitleLength = 200;
    public const int MaxEventIdLength = 100;
    public const int MaxLinkLength = 2000;

    public static string? TitleProblem(string title) =>
        title.Length > MaxTitleLength ? $"too long ({title.Length} characters): expected a title of at most {MaxTitleLength} characters" : null;

    public static string? EventIdProblem(string eventId) =>
        eventId.Length > MaxEventIdLength ? $"too long ({eventId.Length} characters): expected an id of at most {MaxEventIdLength} characters" : null;

    /// <summary>A link must be an absolute http:// or https:// address (no javascript:, file: or relative links).</summary>
    public static string? LinkProblem(string link) =>
        link.Length > MaxLinkLength ? $"too long ({link.Length} characters): expected a web address of at most {MaxLinkLength} characters"
        : Uri.TryCreate(link, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
          && !link.Any(char.IsWhiteSpace)
            ? null
            : "not a web link: expected an absolute address starting with http:// or https://";

    /// <summary>The department code as stored (lower case) when it is one of docs/departments.md; null otherwise.</summary>
    public static string? Department(string code) => DepartmentCatalog.Find(code)?.Code;

    public static string DepartmentExpected => $"a department code: one of {string.Join(", ", DepartmentCatalog.Codes)} (or empty for the whole company)";

    /// <summary>
    /// An event entered by hand (the API's body) as an entity, or null with the problems by field (each naming the value
    /// and what was expected). The date is ISO (<c>2025-03-14</c>); the other rules are the <c>events</c> import's.
    /// </summary>
    public static Event? Validate(EventInput input, out Dictionary<string, string[]> problems)
    {
        var found = new Dictionary<string, string[]>(StringComparer.Ordinal);
        void Problem(string field, string message) => found[field] = [message];

        var eventId = string.IsNullOrWhiteSpace(input.EventId) ? null : input.EventId.Trim();
        if (eventId is not null && EventIdProblem(eventId) is { } idProblem)
        {
            Problem("eventId", $"eventId: {idProblem}");
        }
        var date = ValueParsers.ParseIsoDate(input.Date);
        if (date is null)
        {
            Problem("date", input.Date is null ? "date is missing: expected yyyy-MM-dd such as 2025-03-14" : $"date '{input.Date}' is not a date: expected yyyy-MM-dd such as 2025-03-14");
        }
        if (!EventKinds.TryParse(input.Kind, out var kind))
        {
            Problem("kind", input.Kind is null ? $"kind is missing: expected {EventKinds.Expected}" : $"kind '{input.Kind}' is not an event kind: expected {EventKinds.Expected}");
        }
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title))
        {
            Problem("title", "title is missing: expected a title such as \"Release 3.2\"");
        }
        else if (TitleProblem(title) is { } titleProblem)
        {
            Problem("title", $"title: {titleProblem}");
        }
        string? department = null;
        if (!string.IsNullOrWhiteSpace(input.Department) && (department = Department(input.Department)) is null)
        {
            Problem("department", $"department '{input.Department}' is not known: expected {DepartmentExpected}");
        }
        var link = string.IsNullOrWhiteSpace(input.Link) ? null : input.Link.Trim();
        if (link is not null && LinkProblem(link) is { } linkProblem)
        {
            Problem("link", $"link '{link}' is {linkProblem}");
        }

        problems = found;
        return found.Count > 0
            ? null
            : new Event { EventId = eventId, OccurredOn = date!.Value, Kind = kind, Title = title!, Department = department, Link = link };
    }
}

/// <summary>An event as sent to the API: date yyyy-MM-dd; kind release, campaign, incident, price_change or other.</summary>
public sealed record EventInput(string? Date, string? Kind, string? Title, string? Department = null, string? Link = null, string? EventId = null);
