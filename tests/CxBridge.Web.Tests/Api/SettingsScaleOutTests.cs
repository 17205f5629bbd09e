using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CxBridge.Data.Entities;
using CxBridge.Data.Imports;
using CxBridge.Data.Settings;
using CxBridge.Data.Tests.Infrastructure;
using CxBridge.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CxBridge.Web.Tests.Api;

/// <summary>
/// Two instances of the app on one database: a setting saved through one is in force on the other from its next request
/// after the save's notification reached it (LISTEN/NOTIFY; no request reads settings from the database).
/// </summary>
public sealed class SettingsScaleOutTests(CxBridgeAppFactory app) : IClassFixture<CxBridgeAppFactory>, IAsyncLifetime, IDisposable
{
    /// <summary>Another instance of the app on the same database (its own process state).</summary>
    private sealed class Instance(string connectionString, string uploads) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("ConnectionStrings:CxBridge", connectionString);
            builder.UseSetting("CxBridge:DemoData:LoadWhenEmpty", "false");
            builder.UseSetting("CxBridge:Uploads:Path", uploads);
        }
    }

    private readonly string _uploads = Directory.CreateTempSubdirectory("cxbridge-second-").FullName;
    private readonly CsvFiles _files = new();
    private Instance _second = null!;

    public async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        await using (var clear = app.Database.DataSource.CreateCommand("DELETE FROM settings"))
        {
            await clear.ExecuteNonQueryAsync();
        }
        _second = new Instance(app.Database.ConnectionString, _uploads);
        await Store(app).ReloadAsync();
    }

    public async Task DisposeAsync() => await _second.DisposeAsync();

    public void Dispose()
    {
        _files.Dispose();
        Directory.Delete(_uploads, recursive: true);
    }

    private static SettingsStore Store(WebApplicationFactory<Program> instance) => instance.Services.GetRequiredService<SettingsStore>();

    /// <summary>The instance's next reload after which <paramref name="condition"/> holds (at most 15 s away).</summary>
    private static Task Follows(WebApplicationFactory<Program> instance, Func<SettingsSnapshot, bool> condition)
    {
        var reloaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Store(instance).Reloaded += snapshot =>
        {
            if (condition(snapshot))
            {
                reloaded.TrySetResult();
            }
        };
        return reloaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    private static async Task ListeningAsync(WebApplicationFactory<Program> instance)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!Store(instance).Listening)
        {
            DateTime.UtcNow.Should().BeBefore(deadline, "the instance's settings listener starts");
            await Task.Delay(20);
        }
    }

    private static async Task<List<(string Period, int N)>> MonthsAsync(HttpClient client)
    {
        var series = await client.GetFromJsonAsync<JsonElement>("/api/metrics/nps?from=2025-03-01&to=2025-04-30&grain=month");
        return series.GetProperty("points").EnumerateArray().Select(p => (p.GetProperty("period").GetString()!, p.GetProperty("n").GetInt32())).ToList();
    }

    [Fact]
    public async Task ASaveOnOneInstance_IsInForceOnTheOther_AndSoIsItsReset()
    {
        var report = await app.Services.GetRequiredService<ImportService>().ImportAsync(
            _files.Request("score,responded_at\n10,2025-03-31T23:30:00Z\n0,2025-03-31T20:00:00Z\n", "survey=nps"));
        report.Status.Should().Be(BatchStatus.Imported);
        var first = app.CreateClient();
        var second = _second.CreateClient();
        await ListeningAsync(_second);
        (await MonthsAsync(second)).Should().Equal(("2025-03-01", 2), ("2025-04-01", 0));
        var secondFollows = Follows(_second, s => s.Effective.TimeZone == "Europe/Paris");

        var put = await first.PutAsync("/api/settings", new StringContent("""{"timeZone": "Europe/Paris"}""", Encoding.UTF8, "application/json"));
        put.StatusCode.Should().Be(HttpStatusCode.OK);
        await secondFollows;

        (await MonthsAsync(second)).Should().Equal(("2025-03-01", 1), ("2025-04-01", 1));
        var settings = await second.GetFromJsonAsync<JsonElement>("/api/settings");
        (settings.GetProperty("values").GetProperty("timeZone").GetString(), settings.GetProperty("sources").GetProperty("timeZone").GetString())
            .Should().Be(("Europe/Paris", "database"));

        await ListeningAsync(app);
        var firstFollows = Follows(app, s => s.Effective.TimeZone == "UTC");
        (await second.DeleteAsync("/api/settings/timeZone")).StatusCode.Should().Be(HttpStatusCode.OK);
        await firstFollows;

        (await MonthsAsync(first)).Should().Equal(("2025-03-01", 2), ("2025-04-01", 0));
    }
}
