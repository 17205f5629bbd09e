using CxBridge.Metrics;
using Microsoft.Extensions.Options;

namespace CxBridge.Data;

/// <summary>
/// Checks the settings that name something (checked when the app starts, so a typo stops it with a message rather than
/// surfacing on a page later): <see cref="CxBridgeSettings.NorthStar"/> must be a metric of <see cref="MetricCatalog"/>.
/// </summary>
public sealed class CxBridgeSettingsValidation : IValidateOptions<CxBridgeSettings>
{
    public ValidateOptionsResult Validate(string? name, CxBridgeSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return MetricCatalog.Find(options.NorthStar) is null
            ? ValidateOptionsResult.Fail(
                $"CxBridge:NorthStar '{options.NorthStar}' is not a metric: expected one of {string.Join(", ", MetricCatalog.All.Select(m => m.Code))}")
            : ValidateOptionsResult.Success;
    }
}
