using CxBridge.Data.Entities;
using CxBridge.Data.Migrations;
using CxBridge.Data.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace CxBridge.Data.Tests.Schema;

/// <summary>The SQL scripts and the EF model describe the same schema.</summary>
public sealed class SchemaTests(TestDatabase db) : IClassFixture<TestDatabase>
{
    [Fact]
    public async Task Migrate_SecondRun_AppliesNothingAndIsUpToDate()
    {
        var migrator = new DatabaseMigrator(db.DataSource, NullLogger<DatabaseMigrator>.Instance);

        var applied = await migrator.MigrateAsync();

        applied.Should().BeEmpty();
        (await migrator.IsUpToDateAsync()).Should().BeTrue();
        (await db.CountAsync("SELECT count(*) FROM schema_migrations")).Should().Be(DatabaseMigrator.Scripts.Count);
    }

    [Fact]
    public async Task Migrate_ConcurrentInstances_ApplyEachScriptOnce()
    {
        var fresh = new TestDatabase();
        await fresh.InitializeAsync();
        try
        {
            await using (var reset = fresh.DataSource.CreateCommand("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            {
                await reset.ExecuteNonQueryAsync();
            }
            var runs = Enumerable.Range(0, 4).Select(_ => new DatabaseMigrator(fresh.DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync());

            var results = await Task.WhenAll(runs);

            results.Sum(r => r.Count).Should().Be(DatabaseMigrator.Scripts.Count);
        }
        finally
        {
            await fresh.DisposeAsync();
        }
    }

    [Fact]
    public async Task EveryEntity_RoundTripsThroughTheSqlSchema()
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var batch = new ImportBatch
        {
            Kind = "responses", FileName = "f.csv", Checksum = "ab", SizeBytes = 10, Encoding = "utf-8", UploadedBy = "me",
            CreatedAt = now, FinishedAt = now, Status = BatchStatus.Imported, Mode = "strict", Options = """{"survey": "nps"}""",
            RowsRead = 5, RowsImported = 1, RowsUpdated = 0, DuplicatesSkipped = 1, RowsRejected = 2, RowsBlank = 1,
            Message = "m", FirstRowId = 1, LastRowId = 1, UndoneAt = now,
            Errors = [new ImportError { Ordinal = 0, RowNumber = 3, ColumnName = "score", Value = "x", Message = "not a number" }],
        };
        await using (var context = db.CreateDbContext())
        {
            context.ImportBatches.Add(batch);
            await context.SaveChangesAsync();
            context.SurveyResponses.Add(new SurveyResponse
            {
                BatchId = batch.Id, Survey = "nps", ResponseId = "r1", Score = 9, ScaleMin = 0, ScaleMax = 10, Value = 9,
                RespondedAt = now, CustomerId = "c", Comment = "great", Channel = "chat", Touchpoint = "support",
                Region = "north", Product = "pro", Segment = "smb", Agent = "Ana", Department = "hr",
            });
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateDbContext();
        var loaded = await read.ImportBatches.Include(b => b.Errors).SingleAsync(b => b.Id == batch.Id);
        loaded.Should().BeEquivalentTo(batch, o => o.Excluding(b => b.Options).Excluding(b => b.Errors));
        loaded.Options.Should().Contain("\"survey\"");
        loaded.Errors.Single().Should().BeEquivalentTo(batch.Errors.Single());
        var response = await read.SurveyResponses.SingleAsync();
        response.Should().BeEquivalentTo(new { Survey = "nps", ResponseId = "r1", Score = 9.0, Value = 9.0, RespondedAt = now, Agent = "Ana", Department = "hr" });
    }

    [Fact]
    public async Task OperationalEntities_RoundTripThroughTheSqlSchema()
    {
        var now = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await using (var context = db.CreateDbContext())
        {
            var batch = new ImportBatch
            {
                Kind = "customers", FileName = "c.csv", Checksum = "cd", Encoding = "utf-8", UploadedBy = "me", CreatedAt = now,
                Status = BatchStatus.Imported, Mode = "strict",
            };
            context.ImportBatches.Add(batch);
            await context.SaveChangesAsync();
            context.Customers.Add(new Customer { CustomerId = "C1", BatchId = batch.Id, StartedAt = now, EndedAt = now.AddDays(3), Segment = "smb", Region = "north", Plan = "pro" });
            context.Orders.Add(new Order { OrderId = "O1", BatchId = batch.Id, CustomerId = "C1", OrderedAt = now, Amount = -12.34m, Referred = true, Channel = "web" });
            context.Tickets.Add(new Ticket
            {
                TicketId = "T1", BatchId = batch.Id, CustomerId = "C1", OpenedAt = now, FirstResponseAt = now.AddHours(1), ResolvedAt = now.AddHours(5),
                Contacts = 2, Escalated = false, Channel = "chat", Agent = "Ana", Team = "tier1",
            });
            context.KpiValues.Add(new KpiValue { Department = "finance", Kpi = "revenue", Period = new DateOnly(2025, 3, 1), BatchId = batch.Id, Value = 1.5, Unit = "currency" });
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateDbContext();
        (await read.Customers.SingleAsync()).Should().BeEquivalentTo(new { CustomerId = "C1", EndedAt = now.AddDays(3), Plan = "pro" });
        (await read.Orders.SingleAsync()).Should().BeEquivalentTo(new { Amount = -12.34m, Referred = (bool?)true, Channel = "web" });
        (await read.Tickets.SingleAsync()).Should().BeEquivalentTo(new { ResolvedAt = (DateTimeOffset?)now.AddHours(5), Contacts = (int?)2, Team = "tier1" });
        (await read.KpiValues.SingleAsync()).Should().BeEquivalentTo(new { Period = new DateOnly(2025, 3, 1), Value = 1.5, Unit = "currency" });
    }
}
