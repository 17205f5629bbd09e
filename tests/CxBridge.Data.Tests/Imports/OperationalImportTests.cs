using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CxBridge.Data.Tests.Imports;

/// <summary>customers, orders, tickets and kpis: upsert by key, type rules real exports break, and undo.</summary>
public sealed class OperationalImportTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private readonly CsvFiles _files = new();
    private ImportService Service => db.CreateImportService();

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _files.Dispose();

    private Task<ImportReport> Import(string kind, string csv, string? options = null) =>
        Service.ImportAsync(_files.Request(csv, options, kind));

    [Fact]
    public async Task Customers_LaterFile_UpdatesByKeyAndCountsImportedVsUpdated()
    {
        await Import("customers", "customer_id,started_at,ended_at,segment\nC1,2024-01-15,,smb\nC2,2024-02-01,,smb\n");

        var second = await Import("customers", "Customer ID,Start Date,End Date,Segment\nC2,2024-02-01,2025-03-10,smb\nC3,2025-01-01,,enterprise\n");

        second.Status.Should().Be(BatchStatus.Imported);
        (second.RowsImported, second.RowsUpdated).Should().Be((1, 1));
        await using var context = db.CreateDbContext();
        var c2 = await context.Customers.SingleAsync(c => c.CustomerId == "C2");
        c2.EndedAt.Should().Be(new DateTimeOffset(2025, 3, 10, 0, 0, 0, TimeSpan.Zero));
        c2.BatchId.Should().Be(second.BatchId!.Value);
    }

    [Fact]
    public async Task Undo_BatchThatUpdatedRows_IsRefusedWithAReasonAndChangesNothing()
    {
        var first = await Import("customers", "customer_id,started_at\nC1,2024-01-15\nC2,2024-02-01\n");
        var second = await Import("customers", "customer_id,started_at,ended_at\nC2,2024-02-01,2025-03-10\n");

        var undoSecond = () => Service.UndoAsync(second.BatchId!.Value);
        (await undoSecond.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*updated 1 existing customers rows*previous values are not kept*");
        var undoFirst = () => Service.UndoAsync(first.BatchId!.Value);
        (await undoFirst.Should().ThrowAsync<InvalidOperationException>()).WithMessage("*1 of the 2 rows*since been updated*");

        (await db.CountAsync("SELECT count(*) FROM customers")).Should().Be(2);
        (await db.CountAsync("SELECT count(*) FROM import_batches WHERE status = 'imported'")).Should().Be(2);
    }

    [Fact]
    public async Task Undo_BatchThatOnlyInserted_RemovesExactlyItsRows()
    {
        await Import("orders", "order_id,customer_id,ordered_at,amount\nO1,C1,2025-03-01,10\n");
        var second = await Import("orders", "order_id,customer_id,ordered_at,amount\nO2,C1,2025-03-02,20\nO3,C2,2025-03-03,30\n");

        (await Service.UndoAsync(second.BatchId!.Value)).Should().Be(2);

        await using var context = db.CreateDbContext();
        context.Orders.Select(o => o.OrderId).ToList().Should().Equal("O1");
    }

    [Fact]
    public async Task Customers_EndBeforeStart_IsARowError()
    {
        var report = await Import("customers", "customer_id,started_at,ended_at\nC1,2025-03-10,2025-03-01\n");

        report.Status.Should().Be(BatchStatus.Rejected);
        report.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Row = 2L, Column = "ended_at", Value = "2025-03-01" });
        report.Errors[0].Message.Should().Contain("before started_at");
    }

    [Fact]
    public async Task Orders_AmountsAndBooleansAsExportsWriteThem_AreRead()
    {
        var report = await Import("orders", """
            order_id,customer_id,ordered_at,amount,referred
            O1,C1,2025-03-01T10:00:00Z,"$1,234.50",yes
            O2,C1,2025-03-02,-12.00,N
            O3,C2,2025-03-03,(5.25),1
            O4,C2,2025-03-04,"€ 1.234,56",false
            """);

        report.Errors.Should().BeEmpty();
        await using var context = db.CreateDbContext();
        context.Orders.OrderBy(o => o.OrderId).Select(o => new { o.Amount, o.Referred }).ToList().Should().Equal(
            new { Amount = 1234.50m, Referred = (bool?)true }, new { Amount = -12.00m, Referred = (bool?)false },
            new { Amount = -5.25m, Referred = (bool?)true }, new { Amount = 1234.56m, Referred = (bool?)false });
    }

    [Fact]
    public async Task Orders_AmbiguousAmountAndBadBoolean_AreRowErrorsSayingWhy()
    {
        var report = await Import("orders", "order_id,customer_id,ordered_at,amount,referred\nO1,C1,2025-03-01,\"1,234\",yes\nO2,C1,2025-03-01,12.00,maybe\n");

        report.Errors.Should().HaveCount(2);
        report.Errors[0].Should().BeEquivalentTo(new { Row = 2L, Column = "amount", Value = "1,234" });
        report.Errors[0].Message.Should().StartWith("ambiguous amount");
        report.Errors[1].Should().BeEquivalentTo(new { Row = 3L, Column = "referred", Value = "maybe" });
    }

    [Fact]
    public async Task Tickets_ResponseBeforeOpening_IsARowError()
    {
        var report = await Import("tickets", "ticket_id,opened_at,first_response_at,resolved_at,contacts\nT1,2025-03-01T10:00:00Z,2025-03-01T09:00:00Z,,1\nT2,2025-03-01T10:00:00Z,,2025-03-01T08:00:00Z,0\n");

        report.Errors.Select(e => (e.Row, e.Column)).Should().Equal((2L, "first_response_at"), (3L, "resolved_at"), (3L, "contacts"));
    }

    [Fact]
    public async Task Tickets_LaterExport_ResolvesTheSameTicket()
    {
        await Import("tickets", "ticket_id,opened_at,contacts\nT1,2025-03-01T10:00:00Z,\n");
        var later = await Import("tickets", "ticket_id,opened_at,resolved_at,contacts,escalated\nT1,2025-03-01T10:00:00Z,2025-03-02T10:00:00Z,2,no\n");

        (later.RowsImported, later.RowsUpdated).Should().Be((0, 1));
        await using var context = db.CreateDbContext();
        var ticket = await context.Tickets.SingleAsync();
        (ticket.ResolvedAt, ticket.Contacts, ticket.Escalated).Should().Be((new DateTimeOffset(2025, 3, 2, 10, 0, 0, TimeSpan.Zero), 2, false));
    }

    [Fact]
    public async Task Kpis_UnknownDepartment_ListsTheValidCodes()
    {
        var report = await Import("kpis", "department,kpi,period,value\nfinanse,revenue,2025-03,100\n");

        var error = report.Errors.Should().ContainSingle().Subject;
        error.Should().BeEquivalentTo(new { Row = 2L, Column = "department", Value = "finanse" });
        error.Message.Should().Contain("marketing, finance, operations, technology, sales, product, service, success, hr, executive");
    }

    [Fact]
    public async Task Kpis_CustomKpiAndPeriodAsDate_UpsertIntoTheMonthLaterRowWinning()
    {
        var report = await Import("kpis", "department,kpi,period,value,unit\nfinance,revenue,2025-03,100,currency\nfinance,revenue,2025-03-15,120,currency\nhr,pizza_fridays,2025-03,4,count\n");

        report.RowsImported.Should().Be(2);
        report.DuplicatesSkipped.Should().Be(1, "the same department, KPI and month twice: the later row wins");
        await using var context = db.CreateDbContext();
        (await context.KpiValues.SingleAsync(k => k.Kpi == "revenue")).Value.Should().Be(120);
        (await context.KpiValues.SingleAsync(k => k.Kpi == "pizza_fridays")).Period.Should().Be(new DateOnly(2025, 3, 1));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("nan")]
    public async Task Kpis_ValueNotAFiniteNumber_IsARowErrorNamingRowColumnAndValue(string value)
    {
        var report = await Import("kpis", $"department,kpi,period,value\nfinance,revenue,2025-02,100\nfinance,revenue,2025-03,{value}\n");

        report.Status.Should().Be(BatchStatus.Rejected);
        var error = report.Errors.Should().ContainSingle().Subject;
        error.Should().BeEquivalentTo(new { Row = 3L, Column = "value", Value = value });
        error.Message.Should().StartWith("not a finite number: expected a number such as 12.5");
        (await db.CountAsync("SELECT count(*) FROM kpi_values")).Should().Be(0);
    }

    [Fact]
    public async Task Kpis_NumberTooLargeForADouble_IsNotAFiniteNumber()
    {
        var huge = new string('9', 400);

        var report = await Import("kpis", $"department,kpi,period,value\nfinance,revenue,2025-03,{huge}\n");

        report.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Row = 2L, Column = "value", Value = huge });
        report.Errors[0].Message.Should().StartWith("not a finite number");
    }

    [Theory]
    [InlineData("2025-13")]
    [InlineData("March")]
    [InlineData("Q1 2025")]
    [InlineData("03/04/2025")]
    public async Task Kpis_PeriodThatIsNotAMonth_IsARowErrorNamingIt(string period)
    {
        var report = await Import("kpis", $"department,kpi,period,value\nfinance,revenue,{period},100\n");

        var error = report.Errors.Should().ContainSingle().Subject;
        error.Should().BeEquivalentTo(new { Row = 2L, Column = "period", Value = period });
        error.Message.Should().StartWith("not a month: expected yyyy-MM such as 2025-03");
    }

    [Theory]
    [InlineData("customers", "started_at")]
    [InlineData("orders", "amount")]
    [InlineData("tickets", "opened_at")]
    [InlineData("kpis", "value")]
    public async Task MissingRequiredColumn_IsAFileErrorNamingIt(string kind, string field)
    {
        var report = await Import(kind, "something,else\n1,2\n");

        report.Status.Should().Be(BatchStatus.Rejected);
        report.Errors.Should().Contain(e => e.Row == 1 && e.Message.StartsWith($"no column for {field}"));
    }

    public static TheoryData<string, string> ValidRowOfEachKind => new()
    {
        { "customers", "customer_id,started_at\nC1,2025-01-01" },
        { "orders", "order_id,customer_id,ordered_at,amount\nO1,C1,2025-01-01,10.00" },
        { "tickets", "ticket_id,opened_at,contacts\nT1,2025-01-01T08:00:00Z,1" },
        { "kpis", "department,kpi,period,value\nfinance,revenue,2025-01,10" },
    };

    [Theory]
    [MemberData(nameof(ValidRowOfEachKind))]
    public async Task MalformedFiles_OfEveryKind_GetTheirSpecificErrorAndImportNothing(string kind, string valid)
    {
        var header = valid.Split('\n')[0];
        var row = valid.Split('\n')[1];

        var opened = row.Insert(row.LastIndexOf(',') + 1, "\""); // the last field opens a quote it never closes
        var unclosed = await Import(kind, $"{header}\n{row}\n{opened}\n{row}\n");
        var ragged = await Import(kind, $"{header}\n{row}\n{row},extra\n");
        var headerOnly = await Import(kind, $"{header}\n");
        var empty = await Service.ImportAsync(CsvFiles.RequestFor(_files.WriteBytes([], $"{kind}-empty.csv"), kind: kind));

        unclosed.Errors.Should().Contain(e => e.Row == 3 && e.Message.StartsWith("unclosed quote"), kind);
        ragged.Errors.Should().ContainSingle().Which.Message.Should().Contain("expected " + header.Split(',').Length, kind);
        headerOnly.Errors.Should().ContainSingle().Which.Message.Should().StartWith("no data rows", kind);
        empty.NotCsv.Should().BeTrue(kind);
        new[] { unclosed, ragged, headerOnly, empty }.Should().OnlyContain(r => r.Status == BatchStatus.Rejected && r.RowsImported == 0, kind);
        (await db.CountAsync($"SELECT count(*) FROM {(kind == "kpis" ? "kpi_values" : kind)}")).Should().Be(0, kind);
    }
}
