using System.Text;
using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Web.Infrastructure;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CxBridge.Web.Tests.Pages;

/// <summary>
/// The import pages as the server prerenders them: a file waiting in the app's upload store is previewed by its URL
/// (/imports?kind=…&amp;upload=…&amp;options), imported through the app's ImportService, and reported on.
/// </summary>
public sealed class ImportPagesTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private UploadStore Uploads => app.Services.GetRequiredService<UploadStore>();
    private ImportService Imports => app.Services.GetRequiredService<ImportService>();

    private Task<UploadStore.StoredUpload> UploadAsync(string csv, string fileName = "wave.csv") =>
        Uploads.SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes(csv)), fileName);

    /// <summary>Imports a stored upload as the import page does (same service, same file, same options).</summary>
    private Task<ImportReport> ImportAsync(UploadStore.StoredUpload upload, string options = "survey=nps", string kind = "responses") =>
        Imports.ImportAsync(Data.Tests.Infrastructure.CsvFiles.RequestFor(upload.Path, options, kind) with { FileName = upload.FileName, UploadedBy = "web" });

    private static (string Read, string Imported, string Updated, string Duplicates, string Rejected, string Blank) Counts(AngleSharp.Dom.IDocument page) =>
        (page.One("[data-rows-read]").TextContent, page.One("[data-rows-imported]").TextContent, page.One("[data-rows-updated]").TextContent,
            page.One("[data-duplicates]").TextContent, page.One("[data-rows-rejected]").TextContent, page.One("[data-rows-blank]").TextContent);

    [Fact]
    public async Task Preview_StoredUpload_IsPrerenderedWithWhatAnImportWouldDo()
    {
        var upload = await UploadAsync("response_id,score,responded_at\nr1,9,2025-03-01\nr2,3,2025-03-02\nr3,NA,2025-03-03\nr4,15,2025-03-04\n");

        var page = await _client.GetPageAsync($"/imports?kind=responses&upload={upload.Id}&survey=nps&mode=skip-invalid");

        page.One(".import-stepper").GetAttribute("data-step").Should().Be("Preview");
        page.One("[role=tab][aria-selected=true] .mud-step-label-content-title").TextContent.Should().Be("Map and preview", "the preview step is the one shown, not the first");
        Counts(page).Should().Be(("4", "2", "0", "0", "1", "1"));
        page.One("#import-button").Text().Should().Be("Import 2 rows");
        page.QuerySelectorAll("#preview-rows tbody tr").Should().HaveCount(2);
        page.QuerySelectorAll("[data-errors] tbody tr").Select(r => r.Children[1].TextContent).Should().Equal("score");
        page.QuerySelector("[data-same-file]").Should().BeNull();
        (await app.Database.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0, "a preview writes nothing");
        (await app.Database.CountAsync("SELECT count(*) FROM import_batches")).Should().Be(0);
    }

    [Fact]
    public async Task Preview_FileWhoseResponsesPartlyExist_CountsWhatTheImportThenReports()
    {
        (await ImportAsync(await UploadAsync("response_id,score,responded_at\nr1,9,2025-03-01\nr2,7,2025-03-02\nr3,3,2025-03-03\n", "march.csv")))
            .RowsImported.Should().Be(3);
        var upload = await UploadAsync("response_id,score,responded_at\nr2,7,2025-03-02\nr3,3,2025-03-03\nr4,10,2025-03-04\nr5,0,2025-03-05\nr4,10,2025-03-04\n", "march-again.csv");

        var preview = await _client.GetPageAsync($"/imports?kind=responses&upload={upload.Id}&survey=nps");
        var report = await ImportAsync(upload);

        Counts(preview).Should().Be(("5", "2", "0", "3", "0", "0"), "r4 and r5 are new; r2, r3 (stored) and the repeated r4 are duplicates");
        (report.RowsImported, report.DuplicatesSkipped).Should().Be((2, 3));
        var batch = await _client.GetPageAsync($"/imports/{report.BatchId}");
        batch.One("#report [data-field=rowsImported]").TextContent.Should().Be(preview.One("[data-rows-imported]").TextContent);
        batch.One("#report [data-field=duplicatesSkipped]").TextContent.Should().Be(preview.One("[data-duplicates]").TextContent);
    }

    [Fact]
    public async Task Preview_UpsertFile_CountsUpdatesAsTheImportDoes()
    {
        await ImportAsync(await UploadAsync("customer_id,started_at\nK1,2024-01-15\nK2,2024-02-01\n", "customers.csv"), options: "", kind: "customers");
        var upload = await UploadAsync("customer_id,started_at,ended_at\nK2,2024-02-01,2025-03-10\nK3,2025-01-01,\n", "customers-march.csv");

        var preview = await _client.GetPageAsync($"/imports?kind=customers&upload={upload.Id}");
        var report = await ImportAsync(upload, options: "", kind: "customers");

        Counts(preview).Should().Be(("2", "1", "1", "0", "0", "0"));
        (report.RowsImported, report.RowsUpdated).Should().Be((1, 1));
        preview.One("#import-button").Text().Should().Be("Import 2 rows");
    }

    [Fact]
    public async Task Preview_FileImportedBefore_WarnsWithTheEarlierImport()
    {
        const string csv = "response_id,score,responded_at\nr1,9,2025-03-01\nr2,7,2025-03-02\n";
        var first = await ImportAsync(await UploadAsync(csv, "march.csv"));
        var again = await UploadAsync(csv, "march (1).csv");

        var page = await _client.GetPageAsync($"/imports?kind=responses&upload={again.Id}&survey=nps");

        var warning = page.One("[data-same-file]");
        warning.Text().Should().StartWith($"This exact file (same checksum) was already imported as import #{first.BatchId} (march.csv,")
            .And.EndWith("2 rows). Importing it again would add 0 rows.");
        warning.One("a").GetAttribute("href").Should().Be($"/imports/{first.BatchId}");
        page.QuerySelector("#import-button").Should().BeNull("every row is a duplicate: nothing to import");
    }

    [Fact]
    public async Task Preview_MappingInTheUrl_IsAppliedAndShown()
    {
        var upload = await UploadAsync("a,Rating,when\nx,9,2025-03-01\ny,2,2025-03-02\n");

        var unmapped = await _client.GetPageAsync($"/imports?kind=responses&upload={upload.Id}&survey=nps");
        var mapped = await _client.GetPageAsync($"/imports?kind=responses&upload={upload.Id}&survey=nps&map.responded_at=when");

        unmapped.One("[data-preview-message]").TextContent.Should().StartWith("no column for responded_at");
        unmapped.QuerySelectorAll("#raw-rows tbody tr").Should().HaveCount(2, "the data is shown so the columns can be mapped by looking at it");
        unmapped.QuerySelector("#import-button").Should().BeNull();
        mapped.One("[data-map=responded_at] input").GetAttribute("value").Should().Be("when");
        mapped.One("[data-map=score] input").GetAttribute("value").Should().Be("Rating", "a synonym of score");
        Counts(mapped).Should().Be(("2", "2", "0", "0", "0", "0"));
        mapped.QuerySelectorAll("#preview-rows tbody tr").Select(r => r.Children[2].TextContent).Should().Equal("9", "2");
    }

    [Fact]
    public async Task Imports_UnknownUpload_ShowsTheUploadStep()
    {
        var page = await _client.GetPageAsync("/imports?kind=tickets&upload=0123456789abcdef0123456789abcdef");

        page.One(".import-stepper").GetAttribute("data-step").Should().Be("Upload");
        page.One("[role=tab][aria-selected=true] .mud-step-label-content-title").TextContent.Should().Be("Upload");
        page.One(".import-step strong").TextContent.Should().Be("tickets");
    }

    [Fact]
    public async Task Imports_NoParameters_StartAtTheKindOfFile()
    {
        var page = await _client.GetPageAsync("/imports");

        page.One(".import-stepper").GetAttribute("data-step").Should().Be("Kind");
        page.QuerySelectorAll("input[data-kind]").Select(k => k.GetAttribute("data-kind")).Should().Equal("responses", "customers", "orders", "tickets", "kpis", "events");
        page.One("input[data-kind][checked]").GetAttribute("data-kind").Should().Be("responses");
        page.QuerySelectorAll("a[href^='/imports/templates/']").Select(a => a.TextContent).Should().Contain("responses-nps.csv");
    }

    [Fact]
    public async Task Imports_BatchInTheUrl_ShowsTheReportStep()
    {
        var report = await ImportAsync(await UploadAsync("score,responded_at\n9,2025-03-01\nNA,2025-03-02\n"));

        var page = await _client.GetPageAsync($"/imports?batch={report.BatchId}");

        page.One("[data-report-status]").Text().Should().Be($"Import #{report.BatchId} (wave.csv): imported.");
        new[] { "rowsRead", "rowsImported", "rowsUpdated", "duplicatesSkipped", "rowsRejected", "rowsBlank" }
            .Select(f => page.One($"#report [data-field={f}]").TextContent).Should().Equal("2", "1", "0", "0", "0", "1");
    }

    [Fact]
    public async Task History_ListsTheBatchesNewestFirst_TwentyAPage()
    {
        for (var i = 1; i <= 22; i++)
        {
            await ImportAsync(await UploadAsync($"score,responded_at\n{i % 11},2025-03-01\n", $"wave-{i:00}.csv"));
        }

        var first = await _client.GetPageAsync("/imports");
        var second = await _client.GetPageAsync("/imports?page=2");

        first.QuerySelectorAll("#history tbody tr").Select(r => r.Children[2].TextContent).Should().Equal(
            Enumerable.Range(3, 20).Reverse().Select(i => $"wave-{i:00}.csv"));
        second.QuerySelectorAll("#history tbody tr").Select(r => r.Children[2].TextContent).Should().Equal("wave-02.csv", "wave-01.csv");
        first.One("#history tbody tr").Children[4].Text().Should().Be("imported");
    }

    [Fact]
    public async Task BatchPage_ShowsTheCountsAndOffersUndo()
    {
        var report = await ImportAsync(await UploadAsync("response_id,score,responded_at\nr1,9,2025-03-01\nr2,NA,2025-03-02\nr1,9,2025-03-01\n"));

        var page = await _client.GetPageAsync($"/imports/{report.BatchId}");

        page.One("h1").Text().Should().Be($"Import #{report.BatchId}: wave.csv imported");
        new[] { "rowsRead", "rowsImported", "rowsUpdated", "duplicatesSkipped", "rowsRejected", "rowsBlank" }
            .Select(f => page.One($"#report [data-field={f}]").TextContent).Should().Equal("3", "1", "0", "1", "0", "1");
        page.One("button[data-undo]").Text().Should().Be("Undo this import");
    }

    [Fact]
    public async Task BatchPage_UndoneBatch_IsMarkedAndOffersNoUndo()
    {
        var report = await ImportAsync(await UploadAsync("score,responded_at\n9,2025-03-01\n"));
        await Imports.UndoAsync(report.BatchId!.Value);

        var page = await _client.GetPageAsync($"/imports/{report.BatchId}");

        page.One("#batch-status [data-status]").GetAttribute("data-status").Should().Be(BatchStatus.Undone);
        page.QuerySelector("button[data-undo]").Should().BeNull();
        page.One("#report").TextContent.Should().Contain("undone");
    }

    [Fact]
    public async Task BatchPage_RejectedBatch_ListsItsRowErrorsFiftyAPage()
    {
        var rows = string.Concat(Enumerable.Range(0, 60).Select(i => $"{11 + i},2025-03-01\n"));
        var report = await ImportAsync(await UploadAsync("score,responded_at\n" + rows, "out-of-range.csv"));
        report.Status.Should().Be(BatchStatus.Rejected);

        var first = await _client.GetPageAsync($"/imports/{report.BatchId}");
        var second = await _client.GetPageAsync($"/imports/{report.BatchId}?page=2");

        first.One("#report [data-field=rowsRejected]").TextContent.Should().Be("60");
        first.QuerySelectorAll("#errors tbody tr").Select(r => r.Children[0].TextContent).Should().Equal(Enumerable.Range(2, 50).Select(r => r.ToString()));
        second.QuerySelectorAll("#errors tbody tr").Select(r => r.Children[0].TextContent).Should().Equal(Enumerable.Range(52, 10).Select(r => r.ToString()));
        first.QuerySelector("button[data-undo]").Should().BeNull("a rejected batch imported nothing");
    }

    [Fact]
    public async Task Template_IsASampleCsv()
    {
        var response = await _client.GetAsync("/imports/templates/tickets.csv");

        response.Content.Headers.ContentType!.MediaType.Should().Be("text/csv");
        (await response.Content.ReadAsStringAsync()).Should().StartWith("ticket_id,customer_id,opened_at,");
    }
}
