using System.Net;
using System.Text;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CxBridge.Browser.Tests.Infrastructure;

/// <summary>
/// The real app (Program) on real Kestrel, on a free loopback port, so that Chromium can reach it over TCP (the
/// in-memory TestServer cannot be reached from outside the process); shared by the <see cref="BrowserCollection"/>,
/// whose tests each start from an empty database (<see cref="TestDatabase.ResetAsync"/>). Each override says why it is there.
/// </summary>
public class BrowserAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _uploads = Directory.CreateTempSubdirectory("cxbridge-browser-uploads-").FullName;

    public TestDatabase Database { get; } = new();

    /// <summary>The address Kestrel is listening on, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>"Today" as the app sees it (its clock in its configured time zone): the default overview range ends before it.</summary>
    public DateOnly Today => Services.GetRequiredService<FilterQuery>().Today;

    public virtual async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        // A real socket rather than TestServer (UseKestrel(0) binds the same); port 0 lets the OS pick a free one, so
        // this run never collides with another (other test projects, the dev server).
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    /// <summary>Imports survey responses through the app's API (for tests whose subject is not the upload pages).</summary>
    public Task ImportResponsesAsync(string csv, string survey) => ImportAsync("responses", csv, $"survey={survey}");

    /// <summary>Imports a CSV of any kind through the app's API.</summary>
    public async Task ImportAsync(string kind, string csv, string query = "")
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        var response = await client.PostAsync($"/api/imports/{kind}?{query}", new StringContent(csv, Encoding.UTF8, "text/csv"));
        response.EnsureSuccessStatusCode();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The app talks to its own throwaway PostgreSQL database (migrated by the app's own startup too)...
        builder.UseSetting("ConnectionStrings:CxBridge", Database.ConnectionString);
        // ...starts empty: tests load exactly the data they assert on...
        builder.UseSetting("CxBridge:DemoData:LoadWhenEmpty", "false");
        // ...and keeps uploads waiting for import in a folder of its own, removed afterwards.
        builder.UseSetting("CxBridge:Uploads:Path", _uploads);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        // Stops Kestrel (and the host's background services) before the database goes away.
        await base.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_uploads, recursive: true);
    }
}
