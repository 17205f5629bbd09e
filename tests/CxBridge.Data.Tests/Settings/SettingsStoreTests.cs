using CxBridge.Data.Settings;
using CxBridge.Data.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CxBridge.Data.Tests.Settings;

/// <summary>
/// Organisation settings in the database over configured defaults: saved all or nothing, reset to the configured value,
/// and followed by every store on the database through LISTEN/NOTIFY (a second store stands for a second instance).
/// </summary>
public sealed class SettingsStoreTests(TestDatabase db) : IClassFixture<TestDatabase>, IAsyncLifetime
{
    /// <summary>The defaults of this test's "configuration": not the built-in ones, so a reset visibly goes back to them.</summary>
    private static CxBridgeSettings Configured() => new() { TimeZone = "America/New_York", Currency = "eur", AnonymityThreshold = 4 };

    private readonly List<CancellationTokenSource> _listeners = [];

    public async Task InitializeAsync()
    {
        await using var clear = db.DataSource.CreateCommand("DELETE FROM settings");
        await clear.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var listener in _listeners)
        {
            await listener.CancelAsync();
            listener.Dispose();
        }
    }

    private SettingsStore Store(NpgsqlDataSource? source = null) => new(source ?? db.DataSource, Configured(), NullLogger<SettingsStore>.Instance);

    private static IEnumerable<KeyValuePair<string, string?>> Values(params (string Key, string Value)[] values) =>
        values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value));

    /// <summary>A store that listens, as each instance's SettingsListener does; returns once it listens.</summary>
    private async Task<SettingsStore> ListeningStoreAsync(NpgsqlDataSource? source = null)
    {
        var store = Store(source);
        var stop = new CancellationTokenSource();
        _listeners.Add(stop);
        _ = store.ListenAsync(stop.Token);
        await WaitUntilAsync(() => store.Listening, "the store listens");
        return store;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("waited 15 s for: " + what);
            }
            await Task.Delay(20);
        }
    }

    /// <summary>The next reload of <paramref name="store"/> after which <paramref name="condition"/> holds.</summary>
    private static Task<SettingsSnapshot> NextReload(SettingsStore store, Func<SettingsSnapshot, bool> condition)
    {
        var reloaded = new TaskCompletionSource<SettingsSnapshot>(TaskCreationOptions.RunContinuationsAsynchronously);
        store.Reloaded += snapshot =>
        {
            if (condition(snapshot))
            {
                reloaded.TrySetResult(snapshot);
            }
        };
        return reloaded.Task.WaitAsync(TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task NothingSaved_EverySettingIsItsConfiguredValue_InCanonicalForm()
    {
        var store = Store();
        await store.ReloadAsync();

        store.Value.TimeZone.Should().Be("America/New_York");
        store.Value.Currency.Should().Be("EUR", "configured as eur, kept as the ISO code");
        store.Value.AnonymityThreshold.Should().Be(4);
        SettingsCatalog.All.Select(store.Snapshot.SourceOf).Should().AllBeEquivalentTo(SettingSource.Configuration);
    }

    [Fact]
    public async Task Save_PutsTheValuesInForce_FromTheDatabase_AndResetGoesBackToTheConfiguredValue()
    {
        var store = Store();

        var save = await store.SaveAsync(Values(("timeZone", "Europe/Paris"), ("clvGrossMargin", "0.6"), ("churnBasis", "PERIOD")));

        save.Saved.Should().BeTrue();
        (store.Value.TimeZone, store.Value.TimeZoneInfo.Id, store.Value.Clv.GrossMargin, store.Value.ChurnBasis, store.Value.MetricSettings.ChurnBasis)
            .Should().Be(("Europe/Paris", "Europe/Paris", 0.6, "period", Metrics.ChurnBasis.Period));
        store.Snapshot.SourceOf(SettingsCatalog.Find("timeZone")!).Should().Be(SettingSource.Database);
        store.Snapshot.SourceOf(SettingsCatalog.Find("currency")!).Should().Be(SettingSource.Configuration);
        (await db.CountAsync("SELECT count(*) FROM settings")).Should().Be(3);
        (await db.CountAsync("SELECT count(*) FROM settings WHERE key = 'churnBasis' AND value = 'period'")).Should().Be(1);

        (await store.ResetAsync("timeZone")).Should().BeTrue();

        store.Value.TimeZone.Should().Be("America/New_York", "the configured value, not the built-in UTC");
        store.Snapshot.SourceOf(SettingsCatalog.Find("timeZone")!).Should().Be(SettingSource.Configuration);
        store.Value.Clv.GrossMargin.Should().Be(0.6, "only the reset setting went back");
    }

    [Fact]
    public async Task Save_OneBadValue_SavesNothing()
    {
        var store = Store();

        var save = await store.SaveAsync(Values(("churnBasis", "period"), ("anonymityThreshold", "1"), ("timeZone", "Mars/Olympus")));

        save.Saved.Should().BeFalse();
        save.ErrorsByKey.Keys.Should().BeEquivalentTo("anonymityThreshold", "timeZone");
        (await db.CountAsync("SELECT count(*) FROM settings")).Should().Be(0);
        store.Value.ChurnBasis.Should().Be("start");
    }

    [Fact]
    public async Task Reset_UnknownKey_IsFalse_AndANeverSavedKeyIsFine()
    {
        var store = Store();

        (await store.ResetAsync("colour")).Should().BeFalse();
        (await store.ResetAsync("locale")).Should().BeTrue();
    }

    [Fact]
    public async Task Reload_IgnoresRowsItCannotApply_AndKeepsTheConfiguredValue()
    {
        await using (var insert = db.DataSource.CreateCommand(
            "INSERT INTO settings (key, value) VALUES ('timeZone', 'Atlantis/Capital'), ('someFutureSetting', 'x'), ('currency', 'GBP')"))
        {
            await insert.ExecuteNonQueryAsync();
        }
        var store = Store();

        await store.ReloadAsync();

        store.Value.TimeZone.Should().Be("America/New_York", "a saved zone the machine does not know is not put in force");
        store.Value.Currency.Should().Be("GBP");
        store.Snapshot.Saved.Keys.Should().BeEquivalentTo("currency");
    }

    [Fact]
    public async Task AnotherStore_OnTheSameDatabase_FollowsASave_WithoutBeingAsked()
    {
        var first = Store();
        var second = await ListeningStoreAsync();
        var followed = NextReload(second, s => s.Effective.TimeZone == "Asia/Tokyo");

        await first.SaveAsync(Values(("timeZone", "Asia/Tokyo"), ("smallSampleThreshold", "12")));

        var snapshot = await followed;
        (snapshot.Effective.TimeZone, snapshot.Effective.SmallSampleThreshold).Should().Be(("Asia/Tokyo", 12));
        second.Value.Should().BeSameAs(snapshot.Effective);

        var reset = NextReload(second, s => s.Effective.TimeZone == "America/New_York");
        await first.ResetAsync("timeZone");
        (await reset).Effective.SmallSampleThreshold.Should().Be(12);
    }

    [Fact]
    public async Task Listener_WhoseConnectionWasCut_ReconnectsAndCatchesUpWithWhatWasSavedMeanwhile()
    {
        // The listening store has connections of its own, named, so that only its LISTEN connection is cut.
        var builder = new NpgsqlDataSourceBuilder(db.ConnectionString);
        builder.ConnectionStringBuilder.ApplicationName = "cxbridge-settings-listener-test";
        await using var own = builder.Build();
        var second = await ListeningStoreAsync(own);
        await using (var cut = db.DataSource.CreateCommand(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            + "WHERE datname = current_database() AND application_name = 'cxbridge-settings-listener-test' AND query LIKE 'LISTEN%'"))
        {
            ((long)(await cut.ExecuteScalarAsync())!).Should().Be(1);
        }
        // Saved while the listener is away: no notification reaches it, the load on reconnecting does.
        await Store().SaveAsync(Values(("currency", "JPY")));

        await WaitUntilAsync(() => second.Value.Currency == "JPY", "the listener reconnects and reloads");
        await WaitUntilAsync(() => second.Listening, "the listener listens again");
    }

    [Fact]
    public async Task Save_ATimeZone_AlsoKnownToPostgreSql()
    {
        var save = await Store().SaveAsync(Values(("timeZone", "Pacific/Chatham")));

        save.Saved.Should().BeTrue();
        await using var command = db.DataSource.CreateCommand("SELECT value FROM settings WHERE key = 'timeZone'");
        (await command.ExecuteScalarAsync()).Should().Be("Pacific/Chatham");
    }
}
