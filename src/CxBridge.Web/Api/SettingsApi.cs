using System.Text.Json;
using CxBridge.Data;
using CxBridge.Data.Settings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CxBridge.Web.Api;

/// <summary>
/// The organisation settings (docs/architecture.md, Configuration): GET /api/settings (the values in force, where each
/// comes from, the configured defaults), PUT /api/settings (the settings to change, by key: 200 with the settings in
/// force, or 422 naming every bad value with nothing saved) and DELETE /api/settings/{key} (back to the configured
/// default). A change is in force on every instance from its next request (SettingsStore).
/// An admin's API: when accounts come, the group is protected in one place (RequireAuthorization), with the /settings page.
/// </summary>
public static class SettingsApi
{
    public static IEndpointRouteBuilder MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/settings").WithTags("Settings");
        api.MapGet("/", Get);
        api.MapPut("/", PutAsync)
            .WithDescription($"The settings to change, by key ({SettingsCatalog.Keys}), each a string or a number: "
                + "{\"timeZone\": \"Europe/Paris\", \"anonymityThreshold\": 4}. All are saved, or none.");
        api.MapDelete("/{key}", DeleteAsync);
        return app;
    }

    /// <summary>
    /// Every setting's value: organisation name; time zone (IANA), currency (ISO 4217), locale (culture name); North Star
    /// metric (a metric code); churn basis (start or period); the scales CSAT/PSAT and CES uploads are read on when they
    /// name none ("min-max"); CLV gross margin (0 &lt; m ≤ 1) and maximum lifespan in years; small-sample threshold (≥ 1)
    /// and eNPS anonymity threshold (≥ 2).
    /// </summary>
    public sealed record SettingsValues(
        string OrganisationName, string TimeZone, string Currency, string Locale, string NorthStar, string ChurnBasis,
        string CsatScale, string CesScale, double ClvGrossMargin, double ClvMaxLifespanYears, int SmallSampleThreshold, int AnonymityThreshold);

    /// <summary>
    /// The settings in force (<see cref="Values"/>); per key, where each comes from (<see cref="Sources"/>: database when
    /// saved, configuration otherwise) and when it was saved (<see cref="SavedAt"/>); and what each would be without a
    /// saved value (<see cref="Defaults"/>, from configuration).
    /// </summary>
    public sealed record SettingsAnswer(
        SettingsValues Values, Dictionary<string, string> Sources, SettingsValues Defaults, Dictionary<string, DateTimeOffset> SavedAt);

    private static Ok<SettingsAnswer> Get(SettingsStore settings) => TypedResults.Ok(Answer(settings.Snapshot));

    private static async Task<Results<Ok<SettingsAnswer>, UnprocessableProblem>> PutAsync(
        Dictionary<string, JsonElement> changes, SettingsStore settings, CancellationToken ct)
    {
        // A null is no value (DELETE is how a setting goes back to its default); the rest are checked as text.
        var nulls = changes.Where(c => c.Value.ValueKind == JsonValueKind.Null).Select(c => c.Key).ToList();
        var values = changes.Where(c => c.Value.ValueKind != JsonValueKind.Null)
            .Select(c => KeyValuePair.Create(c.Key, (string?)(c.Value.ValueKind == JsonValueKind.String ? c.Value.GetString() : c.Value.GetRawText())))
            .ToList();
        if (nulls.Count > 0)
        {
            var errors = SettingsStore.Check(values).Errors.Select(e => (e.Key, e.Message))
                .Concat(nulls.Select(key => (Key: SettingsCatalog.Find(key)?.Key ?? key, Message: Null(key))));
            return Refused(errors);
        }
        var save = await settings.SaveAsync(values, ct);
        return save.Saved ? TypedResults.Ok(Answer(save.Settings)) : Refused(save.Errors.Select(e => (e.Key, e.Message)));
    }

    private static async Task<Results<Ok<SettingsAnswer>, NotFoundProblem>> DeleteAsync(string key, SettingsStore settings, CancellationToken ct) =>
        await settings.ResetAsync(key, ct)
            ? TypedResults.Ok(Answer(settings.Snapshot))
            : new NotFoundProblem("Unknown setting", $"'{key}' is not a setting: expected one of {SettingsCatalog.Keys}");

    private static string Null(string key) => SettingsCatalog.Find(key) is { } setting
        ? $"{setting.Key} is null: expected a value; DELETE /api/settings/{setting.Key} puts it back to its configured value"
        : $"{key} '{key}' is not a setting: expected one of {SettingsCatalog.Keys}";

    private static UnprocessableProblem Refused(IEnumerable<(string Key, string Message)> errors) =>
        new("The settings were not saved", errors.GroupBy(e => e.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()));

    private static SettingsAnswer Answer(SettingsSnapshot snapshot) => new(
        Values(snapshot.Effective),
        SettingsCatalog.All.ToDictionary(d => d.Key, d => snapshot.SourceOf(d) == SettingSource.Database ? "database" : "configuration"),
        Values(snapshot.Configured),
        snapshot.Saved.ToDictionary(s => s.Key, s => s.Value.UpdatedAt));

    private static SettingsValues Values(CxBridgeSettings s) => new(
        s.OrganisationName, s.TimeZone, s.Currency, s.Locale, s.NorthStar, s.ChurnBasis, s.CsatScale, s.CesScale,
        s.Clv.GrossMargin, s.Clv.MaxLifespanYears, s.SmallSampleThreshold, s.AnonymityThreshold);
}
