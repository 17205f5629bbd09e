using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CxBridge.Data.Settings;

/// <summary>Where a setting's value in force comes from.</summary>
public enum SettingSource
{
    /// <summary>Never saved (or reset): the configured default (<c>CxBridge:*</c>).</summary>
    Configuration,

    /// <summary>Saved by an admin, kept in the <c>settings</c> table.</summary>
    Database,
}

/// <summary>A setting as saved: its value and when.</summary>
public sealed record SavedSetting(string Value, DateTimeOffset UpdatedAt);

/// <summary>A refused value: the setting's key, the value as given, and the problem (see <see cref="SettingCheck"/>).</summary>
public sealed record SettingError(string Key, string? Value, string Problem)
{
    /// <summary><c>timeZone 'Mars/Olympus' is not a time zone: expected …</c></summary>
    public string Message => SettingDefinition.Refusal(Key, Value, Problem);
}

/// <summary>
/// The settings in force at one moment: <see cref="Effective"/> (what every reader gets), <see cref="Configured"/> (the
/// defaults), and which settings were saved. Immutable; a reload makes a new one.
/// </summary>
public sealed class SettingsSnapshot(CxBridgeSettings effective, CxBridgeSettings configured, IReadOnlyDictionary<string, SavedSetting> saved, long version)
{
    public CxBridgeSettings Effective { get; } = effective;

    public CxBridgeSettings Configured { get; } = configured;

    /// <summary>The saved settings in force, by key (a saved value that no longer passes its check is not in force, nor here).</summary>
    public IReadOnlyDictionary<string, SavedSetting> Saved { get; } = saved;

    /// <summary>Moves on every reload.</summary>
    public long Version { get; } = version;

    public SettingSource SourceOf(SettingDefinition setting) =>
        Saved.ContainsKey(setting.Key) ? SettingSource.Database : SettingSource.Configuration;

    /// <summary>The value in force, as text.</summary>
    public string ValueOf(SettingDefinition setting) => setting.Read(Effective);

    /// <summary>The configured default, as text.</summary>
    public string DefaultOf(SettingDefinition setting) => setting.Read(Configured);
}

/// <summary>What a save did: saved (with the settings now in force), or refused with every problem (nothing saved).</summary>
public sealed record SettingsSave(bool Saved, IReadOnlyList<SettingError> Errors, SettingsSnapshot Settings)
{
    /// <summary>The problems by key, each a full sentence (the API's validation problem).</summary>
    public IReadOnlyDictionary<string, string[]> ErrorsByKey =>
        Errors.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}

/// <summary>
/// The organisation's settings in force, in memory: the configured defaults overlaid with what was saved in the
/// <c>settings</c> table. It is the app's <c>IOptions&lt;CxBridgeSettings&gt;</c>, so every reader (queries, imports,
/// pages) sees the settings in force without a database read of its own.
/// <para>
/// A save (<see cref="SaveAsync"/>, <see cref="ResetAsync"/>) writes the table and sends <c>NOTIFY cxbridge_settings</c>
/// in one transaction, then reloads this instance before it answers; every instance runs <see cref="ListenAsync"/>, which
/// LISTENs on that channel and reloads when told, so the others follow within the notification's delivery (milliseconds).
/// The app loads the table once at start, after the migrations; the listener loads it again whenever it (re)connects, so
/// nothing saved while it was away is missed.
/// </para>
/// </summary>
public sealed class SettingsStore : IOptions<CxBridgeSettings>
{
    /// <summary>The PostgreSQL notification channel a save notifies.</summary>
    public const string Channel = "cxbridge_settings";

    /// <summary>How long the listener waits for a notification before checking its connection is alive.</summary>
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(30);

    private readonly NpgsqlDataSource _dataSource;
    private readonly ILogger<SettingsStore> _logger;
    private readonly CxBridgeSettings _configured;

    // Reloads one at a time, each reading the table inside the lock, so the last to finish has read the latest save.
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile SettingsSnapshot _snapshot;

    /// <param name="dataSource">The database.</param>
    /// <param name="configured">The configured defaults (the "CxBridge" section; checked at start).</param>
    /// <param name="logger">Logs reloads that change something and trouble with the notification channel.</param>
    public SettingsStore(NpgsqlDataSource dataSource, CxBridgeSettings configured, ILogger<SettingsStore> logger)
    {
        _dataSource = dataSource;
        _logger = logger;
        _configured = SettingsCatalog.Canonical(configured);
        _snapshot = new SettingsSnapshot(_configured.Copy(), _configured, new Dictionary<string, SavedSetting>(), 0);
    }

    /// <summary>The settings in force (what <c>IOptions&lt;CxBridgeSettings&gt;</c> gives). Do not keep it: read it per operation.</summary>
    public CxBridgeSettings Value => _snapshot.Effective;

    /// <summary>The settings in force with their sources and defaults.</summary>
    public SettingsSnapshot Snapshot => _snapshot;

    /// <summary>Raised after every reload, with the new snapshot (on the thread that reloaded).</summary>
    public event Action<SettingsSnapshot>? Reloaded;

    private volatile bool _listening;

    /// <summary>True while <see cref="ListenAsync"/> holds a connection that LISTENs.</summary>
    public bool Listening => _listening;

    /// <summary>
    /// Checks values given as text by key (the API's keys, any case), without saving: what would be stored for each
    /// accepted one, and every refusal.
    /// </summary>
    public static (IReadOnlyList<(SettingDefinition Setting, string Value)> Accepted, IReadOnlyList<SettingError> Errors) Check(
        IEnumerable<KeyValuePair<string, string?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var accepted = new Dictionary<SettingDefinition, string>();
        var errors = new List<SettingError>();
        foreach (var (key, value) in values)
        {
            if (SettingsCatalog.Find(key) is not { } setting)
            {
                errors.Add(new SettingError(key, key, $"is not a setting: expected one of {SettingsCatalog.Keys}"));
                continue;
            }
            var check = setting.Check(value);
            if (check.IsValid)
            {
                accepted[setting] = check.Value!;
            }
            else
            {
                errors.Add(new SettingError(setting.Key, value, check.Problem!));
            }
        }
        return (accepted.Select(a => (a.Key, a.Value)).ToList(), errors);
    }

    /// <summary>
    /// Saves the given settings (key → value as text) if every one is valid, all in one transaction, and tells every
    /// instance; refuses them all, saving nothing, when any is not. Returns the settings in force afterwards.
    /// </summary>
    public async Task<SettingsSave> SaveAsync(IEnumerable<KeyValuePair<string, string?>> values, CancellationToken ct = default)
    {
        var (accepted, errors) = Check(values);
        if (errors.Count == 0 && accepted.FirstOrDefault(a => a.Setting.Key == "timeZone") is { Setting: not null } zone
            && !await DatabaseKnowsZoneAsync(zone.Value, ct))
        {
            errors = [new SettingError(zone.Setting.Key, zone.Value, "is not a time zone PostgreSQL knows: expected an IANA time zone id such as Europe/Paris or UTC")];
        }
        if (errors.Count > 0)
        {
            return new SettingsSave(false, errors, _snapshot);
        }
        if (accepted.Count == 0)
        {
            return new SettingsSave(true, [], _snapshot);
        }

        await using (var connection = await _dataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using (var upsert = new NpgsqlCommand("""
                INSERT INTO settings (key, value, updated_at)
                SELECT key, value, now() FROM unnest($1::text[], $2::text[]) AS s (key, value)
                ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
                """, connection, transaction))
            {
                upsert.Parameters.AddWithValue(accepted.Select(a => a.Setting.Key).ToArray());
                upsert.Parameters.AddWithValue(accepted.Select(a => a.Value).ToArray());
                await upsert.ExecuteNonQueryAsync(ct);
            }
            await NotifyAsync(connection, transaction, ct);
            await transaction.CommitAsync(ct);
        }
        _logger.LogInformation("Settings saved: {Settings}", string.Join(", ", accepted.Select(a => $"{a.Setting.Key}={a.Value}")));
        // This instance answers with what it saved whatever the caller's cancellation; the others follow the notification.
        await ReloadAsync(CancellationToken.None);
        return new SettingsSave(true, [], _snapshot);
    }

    /// <summary>
    /// Puts a setting back to its configured default (deletes what was saved, and tells every instance). False when there
    /// is no such setting; true otherwise, also when it was not saved.
    /// </summary>
    public async Task<bool> ResetAsync(string key, CancellationToken ct = default)
    {
        if (SettingsCatalog.Find(key) is not { } setting)
        {
            return false;
        }
        int deleted;
        await using (var connection = await _dataSource.OpenConnectionAsync(ct))
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await using (var delete = new NpgsqlCommand("DELETE FROM settings WHERE key = $1", connection, transaction))
            {
                delete.Parameters.AddWithValue(setting.Key);
                deleted = await delete.ExecuteNonQueryAsync(ct);
            }
            if (deleted > 0)
            {
                await NotifyAsync(connection, transaction, ct);
            }
            await transaction.CommitAsync(ct);
        }
        if (deleted > 0)
        {
            _logger.LogInformation("Setting {Key} reset to its configured value", setting.Key);
        }
        await ReloadAsync(CancellationToken.None);
        return true;
    }

    /// <summary>Reads the saved settings and puts them in force (one reload at a time).</summary>
    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await _reload.WaitAsync(ct);
        try
        {
            var rows = new List<(string Key, string Value, DateTimeOffset UpdatedAt)>();
            await using (var command = _dataSource.CreateCommand("SELECT key, value, updated_at FROM settings"))
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add((reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2)));
                }
            }
            Apply(rows);
        }
        finally
        {
            _reload.Release();
        }
        Reloaded?.Invoke(_snapshot);
    }

    /// <summary>
    /// Until <paramref name="stoppingToken"/> is cancelled: LISTENs on <see cref="Channel"/> on a connection of its own
    /// and reloads on every notification; loads once each time it (re)connects; checks the connection every
    /// <see cref="KeepAlive"/>; after a failure, reconnects with a growing delay (1 s up to 30 s).
    /// </summary>
    public async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                _listening = true;
                // Whatever was saved before LISTEN took effect (since the start-up load, or while disconnected).
                await ReloadAsync(stoppingToken);
                delay = TimeSpan.FromSeconds(1);
                while (true)
                {
                    if (await connection.WaitAsync(KeepAlive, stoppingToken))
                    {
                        await ReloadAsync(stoppingToken);
                    }
                    else
                    {
                        // Nothing for a while: make sure the connection is still there (a dead one would wait forever).
                        await using var ping = new NpgsqlCommand("SELECT 1", connection);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // Never let the listener die (a failed background service stops the host): log, wait, reconnect.
                _logger.LogWarning(e, "Settings notifications interrupted; reconnecting in {Delay}", delay);
            }
            finally
            {
                _listening = false;
            }
            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = delay * 2 < MaxRetryDelay ? delay * 2 : MaxRetryDelay;
        }
    }

    private static async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken ct)
    {
        // Delivered when (and only if) the transaction commits.
        await using var notify = new NpgsqlCommand($"SELECT pg_notify('{Channel}', '')", connection, transaction);
        await notify.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Whether PostgreSQL, which cuts the survey periods, knows the zone too (its zone data may differ from the OS's).</summary>
    private async Task<bool> DatabaseKnowsZoneAsync(string zone, CancellationToken ct)
    {
        await using var command = _dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM pg_timezone_names WHERE name = $1)");
        command.Parameters.AddWithValue(zone);
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    private void Apply(List<(string Key, string Value, DateTimeOffset UpdatedAt)> rows)
    {
        var effective = _configured.Copy();
        var saved = new Dictionary<string, SavedSetting>(StringComparer.Ordinal);
        foreach (var (key, value, updatedAt) in rows)
        {
            var setting = SettingsCatalog.All.FirstOrDefault(d => d.Key == key);
            if (setting is null)
            {
                // A setting of a newer version of the app (a rolling upgrade): not this one's to apply.
                _logger.LogDebug("Saved setting {Key} is not known to this version; ignored", key);
                continue;
            }
            var check = setting.Check(value);
            if (!check.IsValid)
            {
                _logger.LogWarning("Saved setting {Refusal}; the configured value {Default} stays in force",
                    SettingDefinition.Refusal(key, value, check.Problem!), setting.Read(_configured));
                continue;
            }
            setting.Write(effective, check.Value!);
            saved[setting.Key] = new SavedSetting(check.Value!, updatedAt);
        }
        var previous = _snapshot;
        var next = new SettingsSnapshot(effective, _configured, saved, previous.Version + 1);
        var changes = SettingsCatalog.All
            .Where(d => d.Read(previous.Effective) != d.Read(next.Effective) || previous.SourceOf(d) != next.SourceOf(d))
            .Select(d => $"{d.Key}={d.Read(next.Effective)} ({(next.SourceOf(d) == SettingSource.Database ? "saved" : "configured")})")
            .ToList();
        _snapshot = next;
        if (changes.Count > 0)
        {
            _logger.LogInformation("Settings now in force: {Changes}", string.Join(", ", changes));
        }
    }
}
