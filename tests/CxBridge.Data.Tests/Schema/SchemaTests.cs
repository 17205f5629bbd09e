using CxBridge.Data.Entities;
using CxBridge.Data.Migrations;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Metrics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Department = CxBridge.Data.Entities.Department;

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
    public async Task Migrate_KpiValuesImportedBeforeTheCatalog_BecomeKpisTheSeederCompletes()
    {
        var fresh = new TestDatabase();
        await fresh.InitializeAsync();
        try
        {
            // A database as it was before 0004, with KPI values in it.
            var sql = new System.Text.StringBuilder("DROP SCHEMA public CASCADE; CREATE SCHEMA public; ");
            sql.Append("CREATE TABLE schema_migrations (version text PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now()); ");
            foreach (var script in DatabaseMigrator.Scripts.Where(s => string.CompareOrdinal(s.Version, "0004") < 0))
            {
                sql.Append(script.Sql).Append(';').Append($" INSERT INTO schema_migrations (version, name) VALUES ('{script.Version}', '{script.Name}');");
            }
            sql.Append("""
                INSERT INTO kpi_values (department, kpi, period, batch_id, value, unit) VALUES
                    ('finance', 'revenue', '2025-03-01', 1, 100, 'EUR'), ('finance', 'pizza_fridays', '2025-03-01', 1, 4, 'count'),
                    ('finance', 'pizza_fridays', '2025-04-01', 1, 5, NULL)
                """);
            await using (var old = fresh.DataSource.CreateCommand(sql.ToString()))
            {
                await old.ExecuteNonQueryAsync();
            }

            (await new DatabaseMigrator(fresh.DataSource, NullLogger<DatabaseMigrator>.Instance).MigrateAsync()).Should().StartWith("0004");
            await fresh.CreateSeeder().SeedAsync();

            var kpis = await new CxBridge.Data.Departments.DepartmentCatalogQuery(fresh.ContextFactory).KpisAsync("finance");
            kpis.Select(k => (k.Code, k.Name, k.Unit, k.Direction, k.Custom, k.Observations)).Should().Equal(
                ("revenue", "Revenue", "currency", Direction.Up, false, 1),
                ("cost_to_serve", "Cost to serve", "currency per customer", Direction.Down, false, 0),
                ("contact_volume", "Contact volume", "contacts", Direction.Down, false, 0),
                ("self_service_rate", "Self-service rate", "%", Direction.Up, false, 0),
                ("pizza_fridays", "pizza_fridays", "count", Direction.Neutral, true, 2));
            (await fresh.CountAsync("SELECT count(*) FROM departments WHERE seeded_at IS NOT NULL AND name <> code")).Should().Be(10);
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

    [Fact]
    public async Task CatalogEntities_RoundTripThroughTheSqlSchema()
    {
        await db.ClearCatalogAsync();
        var seeded = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        await using (var context = db.CreateDbContext())
        {
            context.Departments.Add(new Department { Code = "finance", Name = "Finance", Question = "CX as money", Position = 1, SeededAt = seeded });
            context.Departments.Add(new Department { Code = "executive", Name = "Executive", Position = 9 });
            await context.SaveChangesAsync();
            context.DepartmentKpis.Add(new DepartmentKpi
            {
                Department = "finance", Code = "revenue", Name = "Revenue", Unit = "currency", Direction = Direction.Up, Currency = "EUR", Custom = false, Position = 0,
            });
            context.DepartmentKpis.Add(new DepartmentKpi { Department = "finance", Code = "pizza_fridays", Name = "pizza_fridays", Direction = Direction.Neutral, Custom = true, Position = 1 });
            context.DepartmentMetrics.Add(new DepartmentMetric { Department = "finance", Metric = "churn_rate", Position = 3 });
            await context.SaveChangesAsync();
            context.DepartmentPairs.Add(new DepartmentPair
            {
                Department = "finance", Position = 0, Driver = SeriesRef.Metric("churn_rate"), Outcome = SeriesRef.Kpi("finance", "revenue"), ExpectedSign = -1,
            });
            context.DepartmentPairs.Add(new DepartmentPair
            {
                Department = "executive", Position = 0, Driver = SeriesRef.NorthStar, Outcome = SeriesRef.Kpi("finance", "revenue"), ExpectedSign = 1,
            });
            context.DepartmentTargets.Add(new DepartmentTarget { Department = "finance", SubjectKind = SeriesKind.Metric, SubjectCode = "churn_rate", Good = 2.5, Better = 2, Best = 1.5 });
            context.DepartmentTargets.Add(new DepartmentTarget { Department = "finance", SubjectKind = SeriesKind.Kpi, SubjectCode = "revenue", Good = 1e6, Better = 1.5e6, Best = 2e6 });
            context.Events.Add(new Event
            {
                EventId = "EV-1", BatchId = 7, OccurredOn = new DateOnly(2025, 3, 14), Kind = EventKind.PriceChange, Title = "Plans up 8%",
                Department = "finance", Link = "https://example.com/pricing",
            });
            context.Events.Add(new Event { OccurredOn = new DateOnly(2025, 3, 15), Kind = EventKind.Other, Title = "Company-wide" });
            await context.SaveChangesAsync();
        }

        await using var read = db.CreateDbContext();
        (await read.Departments.SingleAsync(d => d.Code == "finance")).Should().BeEquivalentTo(
            new { Code = "finance", Name = "Finance", Question = "CX as money", Position = 1, SeededAt = (DateTimeOffset?)seeded });
        (await read.Departments.SingleAsync(d => d.Code == "executive")).SeededAt.Should().BeNull();
        (await read.DepartmentKpis.SingleAsync(k => k.Code == "revenue")).Should().BeEquivalentTo(
            new { Unit = "currency", Direction = Direction.Up, Currency = "EUR", Custom = false, Position = 0 });
        (await read.DepartmentKpis.SingleAsync(k => k.Code == "pizza_fridays")).Should().BeEquivalentTo(
            new { Unit = (string?)null, Direction = Direction.Neutral, Currency = (string?)null, Custom = true });
        (await read.DepartmentMetrics.SingleAsync()).Should().BeEquivalentTo(new { Department = "finance", Metric = "churn_rate", Position = 3 });
        var pairs = await read.DepartmentPairs.OrderBy(p => p.Department).ToListAsync();
        pairs.Select(p => (p.Department, p.Driver, p.Outcome, p.ExpectedSign)).Should().Equal(
            ("executive", SeriesRef.NorthStar, SeriesRef.Kpi("finance", "revenue"), (short)1),
            ("finance", SeriesRef.Metric("churn_rate"), SeriesRef.Kpi("finance", "revenue"), (short)-1));
        (await read.DepartmentTargets.OrderBy(t => t.SubjectKind).ToListAsync()).Select(t => (t.Subject, t.Good, t.Better, t.Best)).Should().Equal(
            (SeriesRef.Kpi("finance", "revenue"), 1e6, 1.5e6, 2e6), (SeriesRef.Metric("churn_rate"), 2.5, 2.0, 1.5));
        (await read.Events.SingleAsync(e => e.EventId == "EV-1")).Should().BeEquivalentTo(new
        {
            BatchId = (long?)7, OccurredOn = new DateOnly(2025, 3, 14), Kind = EventKind.PriceChange, Title = "Plans up 8%", Department = "finance", Link = "https://example.com/pricing",
        });
        (await read.Events.SingleAsync(e => e.EventId == null)).Should().BeEquivalentTo(new { BatchId = (long?)null, Department = (string?)null, Link = (string?)null });
    }

    [Theory]
    [InlineData("INSERT INTO department_pairs VALUES ('finance', 5, 'metric', 'nps', NULL, 'metric', 'nps', NULL, 1)", "same series on both sides")]
    [InlineData("INSERT INTO department_pairs VALUES ('finance', 5, 'metric', 'nps', NULL, 'kpi', 'revenue', 'finance', 0)", "expected sign 0")]
    [InlineData("INSERT INTO department_pairs VALUES ('finance', 5, 'metric', 'nps', NULL, 'kpi', 'no_such_kpi', 'finance', 1)", "a KPI that does not exist")]
    [InlineData("INSERT INTO department_targets (department, subject_kind, subject_code, good, better, best) VALUES ('finance', 'metric', 'nps', 'NaN', 40, 50)", "a NaN level")]
    [InlineData("INSERT INTO department_targets (department, subject_kind, subject_code, good, better, best) VALUES ('finance', 'metric', 'nps', 30, 50, 40)", "levels out of order")]
    [InlineData("INSERT INTO department_targets (department, subject_kind, subject_code, good, better, best) VALUES ('finance', 'metric', 'frt', 4, 3, 2)", "a metric the department does not show")]
    [InlineData("INSERT INTO events (occurred_on, kind, title, link) VALUES ('2025-03-01', 'release', 'x', 'javascript:alert(1)')", "a link that is not http(s)")]
    [InlineData("INSERT INTO events (occurred_on, kind, title) VALUES ('2025-03-01', 'launch', 'x')", "an unknown event kind")]
    public async Task CatalogChecks_RefuseWhatTheApplicationRefusesToo(string sql, string because)
    {
        await db.ClearCatalogAsync();
        await db.CreateSeeder().SeedAsync();
        await using var command = db.DataSource.CreateCommand(sql);

        var insert = () => command.ExecuteNonQueryAsync();

        await insert.Should().ThrowAsync<Npgsql.PostgresException>(because);
    }
}
