using System.Net;
using System.Text;
using AngleSharp.Html.Parser;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CxBridge.Web.Tests.Pages;

/// <summary>Two instances of the web tier on one database behave as one: a form one renders, the other accepts.</summary>
public sealed class ScaleOutTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>
{
    /// <summary>A second instance of the app on the first one's database (its own process state, the same data).</summary>
    private sealed class SecondInstance(string connectionString, string uploads) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            // The same database as the first instance: that is what a load-balanced deployment shares...
            builder.UseSetting("ConnectionStrings:CxBridge", connectionString);
            builder.UseSetting("CxBridge:DemoData:LoadWhenEmpty", "false");
            // ...with the uploads folder as the shared volume the README asks for behind a load balancer.
            builder.UseSetting("CxBridge:Uploads:Path", uploads);
        }
    }

    [Fact]
    public async Task UploadForm_RenderedByOneInstance_IsAcceptedByAnother()
    {
        var options = new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false };
        var first = app.CreateClient(options);
        var page = await first.GetAsync("/imports");
        var cookie = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        (await app.Database.CountAsync("SELECT count(*) FROM data_protection_keys")).Should().BeGreaterThan(0, "the key ring lives in the shared database");
        var uploads = Directory.CreateTempSubdirectory("cxbridge-second-").FullName;
        await using var second = new SecondInstance(app.Database.ConnectionString, uploads);

        var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(Encoding.UTF8.GetBytes("score,responded_at\n9,2025-03-01\n")), "file", "wave.csv" },
            { new StringContent("responses"), "kind" },
            { new StringContent("nps"), "survey" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        using var post = new HttpRequestMessage(HttpMethod.Post, "/imports/upload") { Content = form };
        post.Headers.Add("Cookie", cookie);
        var response = await second.CreateClient(options).SendAsync(post);

        response.StatusCode.Should().Be(HttpStatusCode.Redirect, "both instances read the same key ring from the database");
        response.Headers.Location!.ToString().Should().StartWith("/imports/preview/");
        Directory.Delete(uploads, recursive: true);
    }
}
