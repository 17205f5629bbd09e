using CxBridge.Data.Settings;

namespace CxBridge.Web.Infrastructure;

/// <summary>
/// Keeps this instance's organisation settings in step with every other's: LISTENs on the channel a save notifies and
/// reloads the settings when told (<see cref="SettingsStore.ListenAsync"/>). Registered after <see cref="DatabaseStartup"/>,
/// which migrated the database and made the first load.
/// </summary>
public sealed class SettingsListener(SettingsStore settings) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => settings.ListenAsync(stoppingToken);
}
