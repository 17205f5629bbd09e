using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Data.Tests.Infrastructure;

namespace CxBridge.Data.Tests.Imports;

/// <summary>
/// The preview is a dry run: its counts are the ones the import then reports (new rows, updates, duplicates in the
/// file and in the database, rejected and blank rows), for every kind and mode, and it leaves the database as it was.
/// </summary>
public sealed class PreviewTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime, IDisposable
{
    private readonly CsvFiles _files = new();

    public Task InitializeAsync() => db.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;
    public void Dispose() => _files.Dispose();

    /// <summary>
    /// Per kind: its table, a first file (imported before), and a second file holding a key already in the database,
    /// two new keys one of which repeats later in the file, and — when asked — one invalid row. Responses also have a
    /// row without response_id (always new) and a blank score; a response already stored is a duplicate, an upsert
    /// kind's existing key an update.
    /// </summary>
    private static (string Table, string First, string Second) Files(string kind, bool withBadRow) => kind switch
    {
        "responses" => ("survey_responses",
            "response_id,score,responded_at\nr1,9,2025-03-01\nr2,7,2025-03-02\nr3,3,2025-03-03\n",
            "response_id,score,responded_at\nr2,7,2025-03-02\nr3,3,2025-03-03\nr4,10,2025-03-04\nr5,0,2025-03-05\nr4,10,2025-03-04\n,8,2025-03-06\nr6,NA,2025-03-06\n"
            + (withBadRow ? "r7,15,2025-03-07\n" : "")),
        "customers" => ("customers",
            "customer_id,started_at,ended_at,segment\nK1,2024-01-15,,smb\nK2,2024-02-01,,smb\n",
            "customer_id,started_at,ended_at,segment\nK2,2024-02-01,2025-03-10,smb\nK3,2025-01-01,,enterprise\nK4,2025-01-02,,smb\nK3,2025-01-01,2025-02-01,enterprise\n"
            + (withBadRow ? "K5,yesterday,,smb\n" : "")),
        "orders" => ("orders",
            "order_id,customer_id,ordered_at,amount\nK1,C1,2025-03-01,10.00\nK2,C1,2025-03-02,20.00\n",
            "order_id,customer_id,ordered_at,amount\nK2,C1,2025-03-02,25.00\nK3,C2,2025-03-03,30.00\nK4,C2,2025-03-04,40.00\nK3,C2,2025-03-03,35.00\n"
            + (withBadRow ? "K5,C3,2025-03-05,lots\n" : "")),
        "tickets" => ("tickets",
            "ticket_id,opened_at,first_response_at\nK1,2025-03-01T08:00:00Z,\nK2,2025-03-02T08:00:00Z,\n",
            "ticket_id,opened_at,first_response_at\nK2,2025-03-02T08:00:00Z,2025-03-02T09:00:00Z\nK3,2025-03-03T08:00:00Z,\nK4,2025-03-04T08:00:00Z,\nK3,2025-03-03T08:00:00Z,2025-03-03T10:00:00Z\n"
            + (withBadRow ? "K5,soon,\n" : "")),
        "kpis" => ("kpi_values",
            "department,kpi,period,value\nfinance,revenue,2025-01,100\nfinance,revenue,2025-02,200\n",
            "department,kpi,period,value\nfinance,revenue,2025-02,250\nfinance,revenue,2025-03,300\nsales,deals,2025-03,12\nfinance,revenue,2025-03,310\n"
            + (withBadRow ? "nowhere,revenue,2025-03,1\n" : "")),
        "events" => ("events",
            "event_id,date,kind,title\nK1,2025-03-01,release,Release 1\nK2,2025-03-02,campaign,Spring campaign\n",
            "event_id,date,kind,title\nK2,2025-03-02,campaign,Spring campaign (extended)\nK3,2025-03-03,incident,Outage\nK4,2025-03-04,other,Office move\nK3,2025-03-03,incident,Outage of the app\n"
            + (withBadRow ? "K5,2025-03-05,party,Summer party\n" : "")),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "a kind this test has no files for: add them"),
    };

    public static TheoryData<string, string, bool> KindsAndModes()
    {
        var data = new TheoryData<string, string, bool>();
        foreach (var kind in ImportKind.All.Select(k => k.Name))
        {
            data.Add(kind, "strict", false);
            data.Add(kind, "strict", true);
            data.Add(kind, "skip-invalid", true);
        }
        return data;
    }

    /// <summary>What the second file should do: (read, imported, updated, duplicates, rejected, blank, status).</summary>
    private static (int Read, int Imported, int Updated, int Duplicates, int Rejected, int Blank, string Status) Expected(string kind, string mode, bool withBadRow)
    {
        var bad = withBadRow ? 1 : 0;
        if (mode == "strict" && withBadRow)
        {
            // A strict file with a bad row imports nothing and records no duplicates.
            return kind == "responses" ? (8, 0, 0, 0, 1, 1, BatchStatus.Rejected) : (5, 0, 0, 0, 1, 0, BatchStatus.Rejected);
        }
        // responses: r4, r5 and the row without id are new; r2, r3 (stored) and the second r4 are duplicates; r6 is blank.
        // upserts: K3 (its later row) and K4 are new, K2 is updated, the earlier K3 row is a duplicate.
        return kind == "responses" ? (7 + bad, 3, 0, 3, bad, 1, BatchStatus.Imported) : (4 + bad, 2, 1, 1, bad, 0, BatchStatus.Imported);
    }

    private static (int, int, int, int, int, int, string) Counts(ImportReport r) =>
        (r.RowsRead, r.RowsImported, r.RowsUpdated, r.DuplicatesSkipped, r.RowsRejected, r.RowsBlank, r.Status);

    /// <summary>Everything an import writes: the rows of the kind's table (content, not only their number), batches and errors.</summary>
    private async Task<(long Rows, string? Content, long Batches, long Errors)> SnapshotAsync(string table)
    {
        await using var command = db.DataSource.CreateCommand($"SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) FROM {table} t");
        var content = (await command.ExecuteScalarAsync()) as string;
        return (await db.CountAsync($"SELECT count(*) FROM {table}"), content,
            await db.CountAsync("SELECT count(*) FROM import_batches"), await db.CountAsync("SELECT count(*) FROM import_errors"));
    }

    [Theory]
    [MemberData(nameof(KindsAndModes))]
    public async Task Preview_CountsAreTheImportsCounts(string kind, string mode, bool withBadRow)
    {
        var (table, first, second) = Files(kind, withBadRow);
        var options = kind == "responses" ? $"survey=nps&mode={mode}" : $"mode={mode}";
        (await db.CreateImportService().ImportAsync(_files.Request(first, options, kind))).Status.Should().Be(BatchStatus.Imported);
        var service = db.CreateImportService();
        var request = CsvFiles.RequestFor(_files.Write(second, $"second-{kind}.csv"), options, kind);
        var before = await SnapshotAsync(table);

        var preview = await service.PreviewAsync(request);

        (await SnapshotAsync(table)).Should().Be(before, "a preview writes nothing");
        Counts(preview.Report).Should().Be(Expected(kind, mode, withBadRow));
        preview.Report.BatchId.Should().BeNull();

        var import = await service.ImportAsync(request);

        Counts(import).Should().Be(Counts(preview.Report));
        (await db.CountAsync($"SELECT count(*) FROM {table}")).Should().Be(before.Rows + import.RowsImported);
    }

    [Fact]
    public async Task Preview_RejectedFile_ListsTheSameErrorsAsTheImport()
    {
        var (_, first, second) = Files("responses", withBadRow: true);
        await db.CreateImportService().ImportAsync(_files.Request(first, "survey=nps"));
        var request = CsvFiles.RequestFor(_files.Write(second, "bad.csv"), "survey=nps");

        var preview = await db.CreateImportService().PreviewAsync(request);
        var import = await db.CreateImportService().ImportAsync(request);

        preview.Report.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Row = 9L, Column = "score", Value = "15" });
        preview.Report.Errors.Should().BeEquivalentTo(import.Errors);
        preview.Report.Message.Should().Be(import.Message);
    }

    [Fact]
    public async Task Preview_KeepsTheFirstRowsAsTheyWouldBeStored()
    {
        var request = _files.Request("Rating,When\n9,2025-03-01\n3,2025-03-02\n10,2025-03-03\n", "survey=nps&map.score=Rating&map.responded_at=When");

        var preview = await db.CreateImportService().PreviewAsync(request, rows: 2);

        preview.Rows.Should().HaveCount(2);
        preview.Rows.Select(r => r.Single(c => c.Key == "score").Value).Should().Equal("9", "3");
        preview.Mapping.Should().Contain(new KeyValuePair<string, string>("score", "Rating"));
        preview.Report.RowsRead.Should().Be(3, "the whole file is read, whatever is kept for show");
        (await db.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0);
    }

    [Fact]
    public async Task Preview_FileImportedBefore_NamesTheEarlierImport()
    {
        var path = _files.Write("response_id,score,responded_at\nr1,9,2025-03-01\nr2,7,2025-03-02\n", "march.csv");
        var first = await db.CreateImportService().ImportAsync(CsvFiles.RequestFor(path, "survey=nps"));

        var preview = await db.CreateImportService().PreviewAsync(CsvFiles.RequestFor(path, "survey=nps"));

        preview.SameFileImports.Should().ContainSingle().Which.Should().BeEquivalentTo(new { BatchId = first.BatchId!.Value, FileName = "march.csv", RowsImported = 2 });
        (preview.Report.RowsImported, preview.Report.DuplicatesSkipped).Should().Be((0, 2), "every response of the file is already stored");
    }

    [Fact]
    public async Task Preview_FileWhoseImportWasUndone_IsNotFlagged()
    {
        var path = _files.Write("response_id,score,responded_at\nr1,9,2025-03-01\n", "march.csv");
        var service = db.CreateImportService();
        var first = await service.ImportAsync(CsvFiles.RequestFor(path, "survey=nps"));
        await service.UndoAsync(first.BatchId!.Value);

        var preview = await service.PreviewAsync(CsvFiles.RequestFor(path, "survey=nps"));

        preview.SameFileImports.Should().BeEmpty();
        preview.Report.RowsImported.Should().Be(1);
    }

    [Fact]
    public async Task Preview_SameFileAsAnotherKind_IsNotFlagged()
    {
        var path = _files.Write("customer_id,started_at\nC1,2025-01-01\n", "people.csv");
        await db.CreateImportService().ImportAsync(CsvFiles.RequestFor(path, kind: "customers"));

        var preview = await db.CreateImportService().PreviewAsync(CsvFiles.RequestFor(path, kind: "orders"));

        preview.SameFileImports.Should().BeEmpty();
    }
}
