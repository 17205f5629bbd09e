using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CxBridge.Web.Tests.Pages;

/// <summary>The upload → preview → import flow through real HTTP, as a browser without JavaScript would post it.</summary>
public sealed class ImportPagesTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
    private static readonly HtmlParser Parser = new();

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<string> AntiforgeryTokenAsync(string page = "/imports")
    {
        var html = await _client.GetStringAsync(page);
        return Parser.ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
    }

    private static MultipartFormDataContent UploadForm(string csv, string? token, params (string, string)[] fields)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", "wave.csv" }, { new StringContent("responses"), "kind" } };
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }

    [Fact]
    public async Task Upload_WithoutAntiforgeryToken_IsRefused()
    {
        var response = await _client.PostAsync("/imports/upload", UploadForm("score\n9\n", token: null));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await app.Database.CountAsync("SELECT count(*) FROM import_batches")).Should().Be(0);
    }

    [Fact]
    public async Task UploadPreviewImport_GoesThroughAndRecordsTheBatch()
    {
        var token = await AntiforgeryTokenAsync();
        var upload = await _client.PostAsync("/imports/upload",
            UploadForm("Rating,Feedback\n10,great\n3,slow\nNA,\n", token, ("survey", "nps"), ("date", "2025-05-01")));
        upload.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var preview = upload.Headers.Location!.ToString();
        preview.Should().StartWith("/imports/preview/").And.Contain("survey=nps").And.Contain("date=2025-05-01");

        var page = Parser.ParseDocument(await _client.GetStringAsync(preview));
        page.QuerySelector("[data-rows-read]")!.TextContent.Should().Be("3");
        page.QuerySelector("select[name='map.score'] option[selected]")!.GetAttribute("value").Should().Be("Rating");
        page.QuerySelector("select[name='map.comment'] option[selected]")!.GetAttribute("value").Should().Be("Feedback");
        page.QuerySelectorAll("#preview-rows tbody tr").Length.Should().Be(2);
        (await app.Database.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0, "a preview writes nothing");

        var importForm = page.QuerySelector("#summary form")!;
        var fields = importForm.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? "")).ToList();
        var import = await _client.PostAsync(importForm.GetAttribute("action"), new FormUrlEncodedContent(fields));
        import.StatusCode.Should().Be(HttpStatusCode.Redirect);
        var batchPage = Parser.ParseDocument(await _client.GetStringAsync(import.Headers.Location!.ToString()));
        batchPage.QuerySelector("#batch-status")!.TextContent.Should().Be("imported");
        batchPage.QuerySelector("[data-field=rowsImported]")!.TextContent.Should().Be("2");
        (await app.Database.CountAsync("SELECT count(*) FROM survey_responses WHERE responded_at = '2025-05-01T00:00:00Z'")).Should().Be(2);
    }

    [Fact]
    public async Task Preview_ChangingTheMapping_NeedsNoNewUpload()
    {
        var token = await AntiforgeryTokenAsync();
        var upload = await _client.PostAsync("/imports/upload", UploadForm("a,b,when\n1,9,2025-03-01\n", token, ("survey", "nps")));
        var preview = upload.Headers.Location!.ToString();

        var first = Parser.ParseDocument(await _client.GetStringAsync(preview));
        first.QuerySelector("#summary")!.TextContent.Should().Contain("no column for score");
        first.QuerySelectorAll("#raw-rows tbody tr").Length.Should().Be(1, "the data is shown so the columns can be mapped by looking at it");

        var remapped = Parser.ParseDocument(await _client.GetStringAsync(preview + "&map.score=b&map.responded_at=when"));
        remapped.QuerySelector("[data-rows-rejected]")!.TextContent.Should().Be("0");
        remapped.QuerySelector("#preview-rows tbody td:nth-child(3)")!.TextContent.Should().Be("9");
    }

    [Fact]
    public async Task Undo_FromTheBatchPage_NeedsTheTokenAndRemovesRows()
    {
        var token = await AntiforgeryTokenAsync();
        var upload = await _client.PostAsync("/imports/upload", UploadForm("score,responded_at\n9,2025-03-01\n", token, ("survey", "nps")));
        var preview = Parser.ParseDocument(await _client.GetStringAsync(upload.Headers.Location!.ToString()));
        var form = preview.QuerySelector("#summary form")!;
        var import = await _client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))));
        var batchUrl = import.Headers.Location!.ToString();

        (await _client.PostAsync(batchUrl + "/undo", new FormUrlEncodedContent([]))).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var batchToken = await AntiforgeryTokenAsync(batchUrl);
        var undo = await _client.PostAsync(batchUrl + "/undo", new FormUrlEncodedContent([new("__RequestVerificationToken", batchToken)]));

        undo.StatusCode.Should().Be(HttpStatusCode.Redirect);
        (await app.Database.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0);
    }
}
