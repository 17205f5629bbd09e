using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Web.Tests.Infrastructure;

namespace CxBridge.Web.Tests.Api;

public sealed class ImportsApiTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static MultipartFormDataContent Upload(string csv, string fileName = "survey.csv", params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv)), "file", fileName } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }
        return form;
    }

    [Fact]
    public async Task Post_MultipartThenQueryMetric_Returns201AndTheMetricReflectsTheFile()
    {
        var csv = "response_id,score,responded_at,channel\n" +
                  string.Join("\n", Enumerable.Range(0, 100).Select(i => $"r{i},{(i < 45 ? 10 : i < 75 ? 7 : 2)},2025-03-{1 + i % 28:00},{(i % 2 == 0 ? "chat" : "phone")}"));

        var post = await _client.PostAsync("/api/imports/responses", Upload(csv, fields: ("survey", "nps")));

        post.StatusCode.Should().Be(HttpStatusCode.Created, await post.Content.ReadAsStringAsync());
        var report = await post.Content.ReadFromJsonAsync<JsonElement>();
        report.GetProperty("rowsImported").GetInt32().Should().Be(100);
        post.Headers.Location!.ToString().Should().Be($"/api/imports/{report.GetProperty("batchId").GetInt64()}");

        var metric = await _client.GetFromJsonAsync<JsonElement>("/api/metrics/nps?from=2025-03-01&to=2025-04-30&grain=month");
        var points = metric.GetProperty("points");
        points.GetArrayLength().Should().Be(2);
        points[0].GetProperty("period").GetString().Should().Be("2025-03-01");
        points[0].GetProperty("value").GetDouble().Should().Be(20.0, "docs/metrics.md: 45/30/25 → NPS 20 (exact)");
        points[0].GetProperty("n").GetInt32().Should().Be(100);
        points[0].GetProperty("low").GetDouble().Should().BeApproximately(3.77, 0.005);
        points[0].GetProperty("detail").GetProperty("promoters").GetDouble().Should().Be(45);
        points[1].GetProperty("value").ValueKind.Should().Be(JsonValueKind.Null, "no responses in April: null, not 0");
        points[1].GetProperty("n").GetInt32().Should().Be(0);

        var chat = await _client.GetFromJsonAsync<JsonElement>("/api/metrics/nps?from=2025-03-01&to=2025-03-31&grain=total&channel=chat");
        chat.GetProperty("points")[0].GetProperty("n").GetInt32().Should().Be(50);
    }

    [Fact]
    public async Task Post_RawCsvBody_IsImported()
    {
        var content = new StringContent("score,responded_at\n5,2025-03-01\n4,2025-03-02\n2,2025-03-03\n", Encoding.UTF8, "text/csv");

        var post = await _client.PostAsync("/api/imports/responses?survey=csat", content);

        post.StatusCode.Should().Be(HttpStatusCode.Created);
        var csat = await _client.GetFromJsonAsync<JsonElement>("/api/metrics/csat?from=2025-03-01&to=2025-03-31&grain=total");
        csat.GetProperty("points")[0].GetProperty("value").GetDouble().Should().BeApproximately(200.0 / 3, 1e-9);
        csat.GetProperty("points")[0].GetProperty("lowSample").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Post_BadRows_Returns422WithRowColumnValueAndNothingImported()
    {
        var post = await _client.PostAsync("/api/imports/responses", Upload("score,responded_at\n9,2025-03-01\n15,2025-03-01\n", fields: ("survey", "nps")));

        post.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var body = await post.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().Should().Be("rejected");
        body.GetProperty("rowsImported").GetInt32().Should().Be(0);
        var error = body.GetProperty("errors")[0];
        (error.GetProperty("row").GetInt64(), error.GetProperty("column").GetString(), error.GetProperty("value").GetString())
            .Should().Be((3L, "score", "15"));
        (await app.Database.CountAsync("SELECT count(*) FROM survey_responses")).Should().Be(0);
    }

    [Fact]
    public async Task Post_NotACsv_Returns400ProblemDetails()
    {
        var binary = new MultipartFormDataContent { { new ByteArrayContent([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0]), "file", "book.xlsx" } };

        var post = await _client.PostAsync("/api/imports/responses?survey=nps", binary);

        post.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        post.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await post.Content.ReadAsStringAsync()).Should().Contain("not a text file");
    }

    [Fact]
    public async Task Post_NoFileAtAll_Returns400()
    {
        var post = await _client.PostAsync("/api/imports/responses", new StringContent("{}", Encoding.UTF8, "application/json"));
        post.StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Post_UnknownSurveyOption_Returns400NamingIt()
    {
        var post = await _client.PostAsync("/api/imports/responses", Upload("score,responded_at\n9,2025-03-01\n", fields: ("survey", "loyalty")));

        post.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await post.Content.ReadAsStringAsync()).Should().Contain("survey 'loyalty' is not known");
    }

    [Fact]
    public async Task Post_EventSurveyWithMappingAndDateformat_GivesPublishedNps()
    {
        var bytes = await File.ReadAllBytesAsync(RepositoryFiles.RealData("event-survey-040/survey-export.csv"));
        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(bytes), "file", "survey-export.csv" },
            { new StringContent("nps"), "survey" },
            { new StringContent("On a scale of 0-10, how would you rate Sudzilla?"), "map.score" },
            { new StringContent("...why?"), "map.comment" },
            { new StringContent("Timestamp"), "map.responded_at" },
            { new StringContent("M/d/yyyy H:mm:ss"), "dateformat" },
        };

        var post = await _client.PostAsync("/api/imports/responses", form);

        post.StatusCode.Should().Be(HttpStatusCode.Created, await post.Content.ReadAsStringAsync());
        var metric = await _client.GetFromJsonAsync<JsonElement>("/api/metrics/nps?from=2019-11-01&to=2019-11-30&grain=month");
        var point = metric.GetProperty("points")[0];
        point.GetProperty("n").GetInt32().Should().Be(39);
        Math.Round(point.GetProperty("value").GetDouble(), 1).Should().Be(-35.9);
    }

    [Fact]
    public async Task History_GetAndUndo_RemoveExactlyTheBatch()
    {
        var first = await (await _client.PostAsync("/api/imports/responses", Upload("response_id,score,responded_at\na,9,2025-03-01\nb,9,2025-03-01\n", fields: ("survey", "nps"))))
            .Content.ReadFromJsonAsync<JsonElement>();
        await _client.PostAsync("/api/imports/responses", Upload("response_id,score,responded_at\nc,0,2025-03-01\n", fields: ("survey", "nps")));
        var id = first.GetProperty("batchId").GetInt64();

        var list = await _client.GetFromJsonAsync<JsonElement>("/api/imports");
        list.GetArrayLength().Should().Be(2);
        var one = await _client.GetFromJsonAsync<JsonElement>($"/api/imports/{id}");
        one.GetProperty("rowsImported").GetInt32().Should().Be(2);

        var undo = await _client.DeleteAsync($"/api/imports/{id}");
        undo.StatusCode.Should().Be(HttpStatusCode.OK);
        (await undo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rowsDeleted").GetInt32().Should().Be(2);
        var nps = await _client.GetFromJsonAsync<JsonElement>("/api/metrics/nps?from=2025-03-01&to=2025-03-31&grain=total");
        nps.GetProperty("points")[0].GetProperty("value").GetDouble().Should().Be(-100);
        (await _client.DeleteAsync($"/api/imports/{id}")).StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await _client.DeleteAsync("/api/imports/999999")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
