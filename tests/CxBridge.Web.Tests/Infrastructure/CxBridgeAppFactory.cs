using CxBridge.Data.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CxBridge.Web.Tests.Infrastructure;

/// <summary>
/// The real app (Program) over the real HTTP pipeline, for one test class. Each override says why it is there.
/// </summary>
public class CxBridgeAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _uploads = Directory.CreateTempSubdirectory("cxbridge-web-uploads-").FullName;

    public TestDatabase Database { get; } = new();

    public virtual async Task InitializeAsync() => await Database.InitializeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The app talks to this class's throwaway PostgreSQL database (migrated by the app's own startup too)...
        builder.UseSetting("ConnectionStrings:CxBridge", Database.ConnectionString);
        // ...starts empty: tests load exactly the data they assert on...
        builder.UseSetting("CxBridge:DemoData:LoadWhenEmpty", "false");
        // ...and keeps uploads waiting for import in a folder of its own, removed afterwards.
        builder.UseSetting("CxBridge:Uploads:Path", _uploads);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(_uploads, recursive: true);
    }
}
