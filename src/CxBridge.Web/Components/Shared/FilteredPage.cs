using CxBridge.Data.Queries;
using CxBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace CxBridge.Web.Components.Shared;

/// <summary>
/// A page whose view is the common filter: range, grain and dimension values come from the query string
/// (<see cref="SupplyParameterFromQueryAttribute"/>), so every view is a URL; <see cref="FilterBar"/> changes them by
/// navigating, which calls <see cref="ComponentBase.OnParametersSetAsync"/> again without a page reload. The same
/// parser serves the JSON API, so a page URL and an API URL with the same parameters mean the same cut.
/// </summary>
public abstract class FilteredPage : ComponentBase
{
    [Inject] protected FilterQuery Filters { get; set; } = null!;
    [Inject] protected NavigationManager Navigation { get; set; } = null!;

    [SupplyParameterFromQuery(Name = "from")] public string? From { get; set; }
    [SupplyParameterFromQuery(Name = "to")] public string? To { get; set; }
    [SupplyParameterFromQuery(Name = "grain")] public string? Grain { get; set; }
    [SupplyParameterFromQuery(Name = "channel")] public string[]? Channel { get; set; }
    [SupplyParameterFromQuery(Name = "touchpoint")] public string[]? Touchpoint { get; set; }
    [SupplyParameterFromQuery(Name = "region")] public string[]? Region { get; set; }
    [SupplyParameterFromQuery(Name = "product")] public string[]? Product { get; set; }
    [SupplyParameterFromQuery(Name = "segment")] public string[]? Segment { get; set; }
    [SupplyParameterFromQuery(Name = "agent")] public string[]? Agent { get; set; }
    [SupplyParameterFromQuery(Name = "team")] public string[]? Team { get; set; }
    [SupplyParameterFromQuery(Name = "department")] public string[]? Department { get; set; }

    /// <summary>The filter the URL names (defaults where it names none), and what was wrong with it.</summary>
    protected MetricFilter ParseFilter(out List<string> problems)
    {
        var query = new Dictionary<string, StringValues>
        {
            ["from"] = From,
            ["to"] = To,
            ["grain"] = Grain,
            ["channel"] = Channel,
            ["touchpoint"] = Touchpoint,
            ["region"] = Region,
            ["product"] = Product,
            ["segment"] = Segment,
            ["agent"] = Agent,
            ["team"] = Team,
            ["department"] = Department,
        };
        return Filters.Parse(new QueryCollection(query), out problems);
    }

    /// <summary>This page's URL with some query parameters set (a null value removes one); other parameters are kept.</summary>
    protected string Link(params (string Key, object? Value)[] changes) =>
        Navigation.GetUriWithQueryParameters(changes.ToDictionary(c => c.Key, c => c.Value));

    /// <summary>
    /// A link to another page (<paramref name="path"/>, e.g. "/metrics/nps") that keeps this page's query string, with some
    /// parameters changed: the filter travels with the reader.
    /// </summary>
    protected string LinkTo(string path, params (string Key, object? Value)[] changes)
    {
        var query = new Uri(Navigation.Uri).Query;
        return Navigation.GetUriWithQueryParameters(path + query, changes.ToDictionary(c => c.Key, c => c.Value));
    }

    /// <summary>Goes to this page with some query parameters changed, without reloading it.</summary>
    protected void Go(params (string Key, object? Value)[] changes) => Navigation.NavigateTo(Link(changes));
}
