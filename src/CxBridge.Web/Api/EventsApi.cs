using CxBridge.Data;
using CxBridge.Data.Entities;
using CxBridge.Data.Events;
using CxBridge.Data.Imports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Web.Api;

/// <summary>
/// Events, dated annotations on the trends: GET /api/events?from=&amp;to=&amp;department=, GET /api/events/{id},
/// POST /api/events (one event: 201, 422 naming each bad value, 409 when its event_id, or its date and title for an
/// event without an id, is taken) and DELETE /api/events/{id}. Files of events go through POST /api/imports/events.
/// </summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/events").WithTags("Events");
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:long}", GetAsync);
        api.MapPost("/", CreateAsync);
        api.MapDelete("/{id:long}", DeleteAsync);
        return app;
    }

    /// <summary>An event; <see cref="BatchId"/> is the import that brought it (null when entered by hand).</summary>
    public sealed record EventItem(long Id, string? EventId, DateOnly Date, string Kind, string Title, string? Department, string? Link, long? BatchId);

    /// <summary>
    /// Events by date; <c>from</c>/<c>to</c> are inclusive yyyy-MM-dd dates (either may be left out); <c>department</c>
    /// gives that department's events and the company-wide ones.
    /// </summary>
    private static async Task<Results<Ok<List<EventItem>>, ValidationProblem>> ListAsync(
        EventQuery events, CancellationToken ct, string? from = null, string? to = null, string? department = null)
    {
        var problems = new Dictionary<string, string[]>();
        var fromDate = Date("from", from, problems);
        var toDate = Date("to", to, problems);
        if (!string.IsNullOrWhiteSpace(department) && EventRules.Department(department) is null)
        {
            problems["department"] = [$"department '{department}' is not known: expected {EventRules.DepartmentExpected}"];
        }
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems, detail: string.Join("; ", problems.Values.SelectMany(p => p)));
        }
        var list = await events.ListAsync(fromDate, toDate, string.IsNullOrWhiteSpace(department) ? null : department, ct);
        return TypedResults.Ok(list.Select(Item).ToList());
    }

    private static async Task<Results<Ok<EventItem>, NotFoundProblem>> GetAsync(long id, CxBridgeDbContext db, CancellationToken ct) =>
        await db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == id, ct) is { } found ? TypedResults.Ok(Item(found)) : NotFound(id);

    private static async Task<Results<Created<EventItem>, UnprocessableProblem, ConflictProblem>> CreateAsync(
        EventInput input, EventEditor events, CancellationToken ct)
    {
        var added = await events.AddAsync(input, ct);
        return added switch
        {
            { Event: { } created } => TypedResults.Created($"/api/events/{created.Id}", Item(created)),
            { Conflict: { } conflict } => new ConflictProblem("The event exists", conflict),
            _ => new UnprocessableProblem("The event was not saved", added.Problems),
        };
    }

    private static async Task<Results<NoContent, NotFoundProblem>> DeleteAsync(long id, EventEditor events, CancellationToken ct) =>
        await events.DeleteAsync(id, ct) ? TypedResults.NoContent() : NotFound(id);

    private static EventItem Item(Event e) => new(e.Id, e.EventId, e.OccurredOn, e.Kind.Code(), e.Title, e.Department, e.Link, e.BatchId);

    private static DateOnly? Date(string name, string? text, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        var date = ValueParsers.ParseIsoDate(text);
        if (date is null)
        {
            problems[name] = [$"{name} '{text}' is not a date: expected yyyy-MM-dd such as 2025-03-01"];
        }
        return date;
    }

    private static NotFoundProblem NotFound(long id) => new("No such event", $"there is no event {id}");
}
