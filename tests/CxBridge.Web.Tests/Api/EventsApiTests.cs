using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBridge.Web.Tests.Infrastructure;

namespace CxBridge.Web.Tests.Api;

/// <summary>Events through the real HTTP pipeline: one by one (POST, GET, DELETE) and as a file (the events import kind).</summary>
public sealed class EventsApiTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime
{
    private readonly HttpClient _client = app.CreateClient();

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private async Task<JsonElement> PostAsync(string json)
    {
        var response = await _client.PostAsync("/api/events", Json(json));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Post_ValidEvent_201WithLocationThenGetAndDelete()
    {
        var response = await _client.PostAsync("/api/events", Json("""
            { "date": "2025-03-04", "kind": "release", "title": " Release 3.2 ", "department": "Product", "link": "https://example.com/releases/3.2", "eventId": "EV-1" }
            """));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();
        response.Headers.Location!.ToString().Should().Be($"/api/events/{id}");
        var read = await _client.GetFromJsonAsync<JsonElement>($"/api/events/{id}");
        read.GetRawText().Should().Be(created.GetRawText());
        read.GetRawText().Should().Be($$"""{"id":{{id}},"eventId":"EV-1","date":"2025-03-04","kind":"release","title":"Release 3.2","department":"product","link":"https://example.com/releases/3.2","batchId":null}""");

        (await _client.DeleteAsync($"/api/events/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);

        (await _client.GetAsync($"/api/events/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await _client.DeleteAsync($"/api/events/{id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await app.Database.CountAsync("SELECT count(*) FROM events")).Should().Be(0);
    }

    [Fact]
    public async Task Post_BadValues_422NamingEachAndNothingSaved()
    {
        var response = await _client.PostAsync("/api/events", Json("""
            { "date": "2025-02-30", "kind": "launch", "title": "", "department": "finanse", "link": "javascript:alert(1)" }
            """));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value[0].GetString()).Should().BeEquivalentTo(new Dictionary<string, string?>
        {
            ["date"] = "date '2025-02-30' is not a date: expected yyyy-MM-dd such as 2025-03-14",
            ["kind"] = "kind 'launch' is not an event kind: expected release, campaign, incident, price_change or other",
            ["title"] = "title is missing: expected a title such as \"Release 3.2\"",
            ["department"] = "department 'finanse' is not known: expected a department code: one of marketing, finance, operations, technology, sales, product, service, success, hr, executive (or empty for the whole company)",
            ["link"] = "link 'javascript:alert(1)' is not a web link: expected an absolute address starting with http:// or https://",
        });
        (await app.Database.CountAsync("SELECT count(*) FROM events")).Should().Be(0);
    }

    [Fact]
    public async Task Post_SameEventIdOrSameDateAndTitleTwice_409()
    {
        await PostAsync("""{ "date": "2025-03-04", "kind": "release", "title": "Release 3.2", "eventId": "EV-1" }""");
        await PostAsync("""{ "date": "2025-03-10", "kind": "price_change", "title": "Plans up 8%" }""");

        var sameId = await _client.PostAsync("/api/events", Json("""{ "date": "2025-04-01", "kind": "other", "title": "Something else", "eventId": "EV-1" }"""));
        var sameDateAndTitle = await _client.PostAsync("/api/events", Json("""{ "date": "2025-03-10", "kind": "other", "title": "Plans up 8%" }"""));

        sameId.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await sameId.Content.ReadAsStringAsync()).Should().Contain("an event with event_id 'EV-1' exists");
        sameDateAndTitle.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await app.Database.CountAsync("SELECT count(*) FROM events")).Should().Be(2);
    }

    [Fact]
    public async Task List_ByRangeAndDepartment_IncludesTheCompanyWideEvents()
    {
        await PostAsync("""{ "date": "2025-03-04", "kind": "release", "title": "Release 3.2", "department": "product" }""");
        await PostAsync("""{ "date": "2025-03-10", "kind": "price_change", "title": "Plans up 8%" }""");
        await PostAsync("""{ "date": "2025-03-20", "kind": "campaign", "title": "Spring campaign", "department": "marketing" }""");
        await PostAsync("""{ "date": "2025-04-02", "kind": "release", "title": "Release 3.3", "department": "product" }""");

        static IEnumerable<string?> Titles(JsonElement list) => list.EnumerateArray().Select(e => e.GetProperty("title").GetString());
        Titles(await _client.GetFromJsonAsync<JsonElement>("/api/events")).Should().Equal("Release 3.2", "Plans up 8%", "Spring campaign", "Release 3.3");
        Titles(await _client.GetFromJsonAsync<JsonElement>("/api/events?from=2025-03-05&to=2025-03-31")).Should().Equal("Plans up 8%", "Spring campaign");
        Titles(await _client.GetFromJsonAsync<JsonElement>("/api/events?from=2025-03-01&to=2025-03-31&department=product")).Should().Equal("Release 3.2", "Plans up 8%");
    }

    [Theory]
    [InlineData("/api/events?from=03/01/2025", "from '03/01/2025' is not a date")]
    [InlineData("/api/events?department=finanse", "department 'finanse' is not known")]
    public async Task List_BadQuery_400NamingTheValue(string url, string expected)
    {
        var response = await _client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
    }

    [Fact]
    public async Task Import_EventsFile_ListedWithItsBatchAndUndoneWithIt()
    {
        var upload = await _client.PostAsync("/api/imports/events", new StringContent(
            "event_id,date,kind,title,department,link\nEV-1,2025-03-04,release,Release 3.2,product,https://example.com/3.2\n,2025-03-10,price_change,Plans up 8%,,\n",
            Encoding.UTF8, "text/csv"));
        upload.StatusCode.Should().Be(HttpStatusCode.Created, await upload.Content.ReadAsStringAsync());
        var batchId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetInt64();

        var events = await _client.GetFromJsonAsync<JsonElement>("/api/events");
        events.GetArrayLength().Should().Be(2);
        events.EnumerateArray().Should().OnlyContain(e => e.GetProperty("batchId").GetInt64() == batchId);

        (await _client.DeleteAsync($"/api/imports/{batchId}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.GetFromJsonAsync<JsonElement>("/api/events")).GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Import_BadEventsFile_422WithRowColumnValue()
    {
        var upload = await _client.PostAsync("/api/imports/events", new StringContent(
            "date,kind,title,link\n2025-03-04,release,Release 3.2,\n2025-03-05,launch,Party,\n2025-03-06,incident,Outage,ftp://example.com\n",
            Encoding.UTF8, "text/csv"));

        upload.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var errors = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateArray().Select(e => (e.GetProperty("row").GetInt64(), e.GetProperty("column").GetString(), e.GetProperty("value").GetString()))
            .Should().Equal((3L, "kind", "launch"), (4L, "link", "ftp://example.com"));
        (await app.Database.CountAsync("SELECT count(*) FROM events")).Should().Be(0);
    }

    [Fact]
    public async Task Delete_AnImportedEvent_ItsBatchCanNoLongerBeUndoneAsAWhole()
    {
        var upload = await _client.PostAsync("/api/imports/events", new StringContent(
            "date,kind,title\n2025-03-04,release,Release 3.2\n2025-03-10,price_change,Plans up 8%\n", Encoding.UTF8, "text/csv"));
        var batchId = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetInt64();
        var first = (await _client.GetFromJsonAsync<JsonElement>("/api/events"))[0].GetProperty("id").GetInt64();

        (await _client.DeleteAsync($"/api/events/{first}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        var undo = await _client.DeleteAsync($"/api/imports/{batchId}");

        undo.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await undo.Content.ReadAsStringAsync()).Should().Contain("1 of the 2 rows").And.Contain("deleted by hand");
        (await _client.GetFromJsonAsync<JsonElement>("/api/events")).GetArrayLength().Should().Be(1);
    }
}
