using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Data.Tests.Imports;

/// <summary>The events kind: dated annotations, upserted by event_id (or by date and title), strict or skip-invalid, undone as a batch.</summary>
public sealed class EventsImportTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private const string Valid = """
        event_id,date,kind,title,department,link
        EV-1,2025-03-04,release,Release 3.2,product,https://example.com/releases/3.2
        EV-2,2025-03-06,Incident,"Sign-in errors, EU",Technology,
        ,2025-03-10,price change,Plans up 8%,,http://example.com/pricing
        ,2025-03-20,campaign,Spring campaign,marketing,
        """;

    private readonly CsvFiles _files = new();
    private ImportService Service => db.CreateImportService();

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _files.Dispose();

    private Task<ImportReport> Import(string csv, string? options = null) => Service.ImportAsync(_files.Request(csv, options, "events"));

    private async Task<List<Event>> EventsAsync()
    {
        await using var context = db.CreateDbContext();
        return await context.Events.OrderBy(e => e.OccurredOn).ThenBy(e => e.Title).ToListAsync();
    }

    [Fact]
    public async Task Events_ValidFile_ImportsEveryRowWithItsKindDepartmentAndLink()
    {
        var report = await Import(Valid);

        report.Status.Should().Be(BatchStatus.Imported);
        (report.RowsRead, report.RowsImported, report.RowsUpdated).Should().Be((4, 4, 0));
        (await EventsAsync()).Select(e => (e.EventId, e.OccurredOn, e.Kind, e.Title, e.Department, e.Link, e.BatchId)).Should().Equal(
            ("EV-1", new DateOnly(2025, 3, 4), EventKind.Release, "Release 3.2", "product", "https://example.com/releases/3.2", report.BatchId),
            ("EV-2", new DateOnly(2025, 3, 6), EventKind.Incident, "Sign-in errors, EU", "technology", null, report.BatchId),
            (null, new DateOnly(2025, 3, 10), EventKind.PriceChange, "Plans up 8%", null, "http://example.com/pricing", report.BatchId),
            (null, new DateOnly(2025, 3, 20), EventKind.Campaign, "Spring campaign", "marketing", null, report.BatchId));
    }

    [Fact]
    public async Task Events_Strict_BadKindDateLinkDepartmentAndTitle_RowErrorsNamedAndNothingImported()
    {
        var report = await Import("""
            event_id,date,kind,title,department,link
            EV-1,2025-03-04,release,Release 3.2,product,
            EV-2,2025-03-05,launch,Launch party,,
            EV-3,next Tuesday,release,Release 3.3,product,
            EV-4,2025-03-07,incident,Outage,technology,javascript:alert(1)
            EV-5,2025-03-08,campaign,Spring,finanse,
            EV-6,2025-03-09,other,,,
            EV-7,2025-03-10,other,Relative link,,/releases/3.4
            """);

        report.Status.Should().Be(BatchStatus.Rejected);
        report.Errors.Select(e => (e.Row, e.Column, e.Value)).Should().Equal(
            (3L, "kind", "launch"),
            (4L, "date", "next Tuesday"),
            (5L, "link", "javascript:alert(1)"),
            (6L, "department", "finanse"),
            (7L, "title", null),
            (8L, "link", "/releases/3.4"));
        report.Errors[0].Message.Should().Be("not an event kind: expected release, campaign, incident, price_change or other");
        report.Errors[1].Message.Should().StartWith("not a date I can read without guessing: expected");
        report.Errors[2].Message.Should().Be("not a web link: expected an absolute address starting with http:// or https://");
        report.Errors[3].Message.Should().StartWith("unknown department: expected a department code: one of marketing, finance,");
        report.Errors[4].Message.Should().StartWith("empty: expected a title");
        (await db.CountAsync("SELECT count(*) FROM events")).Should().Be(0);
    }

    [Fact]
    public async Task Events_SkipInvalid_ImportsTheGoodRowsAndReportsTheRest()
    {
        var report = await Import("event_id,date,kind,title\nEV-1,2025-03-04,release,Release 3.2\nEV-2,2025-02-30,release,Release 3.3\n", "mode=skip-invalid");

        (report.Status, report.RowsImported, report.RowsRejected).Should().Be((BatchStatus.Imported, 1, 1));
        report.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Row = 3L, Column = "date", Value = "2025-02-30" });
        (await EventsAsync()).Select(e => e.EventId).Should().Equal("EV-1");
    }

    [Fact]
    public async Task Events_Reupload_UpdatesByEventIdOrByDateAndTitleWithoutDuplicating()
    {
        await Import(Valid);

        var again = await Import("""
            event_id,date,kind,title,department,link
            EV-1,2025-03-05,release,Release 3.2.1,product,https://example.com/releases/3.2.1
            ,2025-03-10,price_change,Plans up 8%,finance,
            ,2025-03-20,campaign,Spring campaign (extended),marketing,
            """);

        (again.RowsImported, again.RowsUpdated).Should().Be((1, 2));
        var events = await EventsAsync();
        events.Should().HaveCount(5, "a new title without an id is a new event");
        events.Single(e => e.EventId == "EV-1").Should().BeEquivalentTo(new { OccurredOn = new DateOnly(2025, 3, 5), Title = "Release 3.2.1", BatchId = again.BatchId });
        events.Single(e => e.Title == "Plans up 8%").Should().BeEquivalentTo(new { Department = "finance", Link = (string?)null });
    }

    [Fact]
    public async Task Events_KeyRepeatedInTheFile_LaterRowWins()
    {
        var report = await Import("event_id,date,kind,title\nEV-1,2025-03-04,release,First\nEV-1,2025-03-05,release,Second\n,2025-03-06,other,Same\n,2025-03-06,incident,Same\n");

        (report.RowsImported, report.DuplicatesSkipped).Should().Be((2, 2));
        (await EventsAsync()).Select(e => (e.Title, e.Kind)).Should().Equal(("Second", EventKind.Release), ("Same", EventKind.Incident));
    }

    [Fact]
    public async Task Events_Undo_RemovesExactlyTheBatchsEvents()
    {
        await using (var context = db.CreateDbContext())
        {
            context.Events.Add(new Event { OccurredOn = new DateOnly(2025, 1, 1), Kind = EventKind.Other, Title = "Entered by hand" });
            await context.SaveChangesAsync();
        }
        var first = await Import("event_id,date,kind,title\nEV-1,2025-03-04,release,Release 3.2\n");
        var second = await Import(Valid.Replace("EV-1,", "EV-9,"));

        (await Service.UndoAsync(second.BatchId!.Value)).Should().Be(4);

        (await EventsAsync()).Select(e => e.Title).Should().Equal("Entered by hand", "Release 3.2");
        (await EventsAsync()).Single(e => e.EventId == "EV-1").BatchId.Should().Be(first.BatchId);
    }

    [Fact]
    public async Task Events_DateWithATime_IsTheDayInTheOrganisationsTimeZone()
    {
        var service = db.CreateImportService(new CxBridgeSettings { TimeZone = "America/New_York" });

        await service.ImportAsync(_files.Request("date,kind,title\n2025-03-05T02:00:00Z,incident,Night outage\n", kind: "events"));

        (await EventsAsync()).Single().OccurredOn.Should().Be(new DateOnly(2025, 3, 4), "02:00 UTC is still the evening before in New York");
    }
}
