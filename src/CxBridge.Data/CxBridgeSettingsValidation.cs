using CxBridge.Data.Settings;
using Microsoft.Extensions.Options;

namespace CxBridge.Data;

/// <summary>
/// Checks the configured defaults of the organisation settings (<see cref="SettingsCatalog"/>) when the app starts, with
/// the checks a saved setting gets, so a typo stops it with a message (e.g. <c>CxBridge:NorthStar 'happiness' is not a
/// metric: expected one of …</c>) rather than surfacing on a page later.
/// </summary>
public sealed class CxBridgeSettingsValidation : IValidateOptions<CxBridgeSettings>
{
    public ValidateOptionsResult Validate(string? name, CxBridgeSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = SettingsCatalog.ConfigurationProblems(options);
        return problems.Count > 0 ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
