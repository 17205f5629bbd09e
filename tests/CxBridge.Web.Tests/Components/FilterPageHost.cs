using CxBridge.Data;
using CxBridge.Web.Components.Shared;
using CxBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.AspNetCore.Components.Routing;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace CxBridge.Web.Tests.Components;

/// <summary>
/// What a filtered page does around its <see cref="FilterBar"/>: parses the filter from the URL (as FilteredPage does,
/// through FilterQuery) and renders the bar again with it after every navigation.
/// </summary>
public sealed class FilterPageHost : ComponentBase, IDisposable
{
    private static readonly FilterQuery Filters = new(Options.Create(new CxBridgeSettings()), TimeProvider.System);

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Parameter] public IReadOnlyDictionary<string, IReadOnlyList<string>> DimensionValues { get; set; } = new Dictionary<string, IReadOnlyList<string>>();

    protected override void OnInitialized() => Navigation.LocationChanged += OnLocationChanged;

    private void OnLocationChanged(object? sender, LocationChangedEventArgs e) => _ = InvokeAsync(StateHasChanged);

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        var filter = Filters.Parse(new QueryCollection(QueryHelpers.ParseQuery(new Uri(Navigation.Uri).Query)), out _);
        builder.OpenComponent<FilterBar>(0);
        builder.AddAttribute(1, nameof(FilterBar.Filter), filter);
        builder.AddAttribute(2, nameof(FilterBar.DimensionValues), DimensionValues);
        builder.CloseComponent();
    }

    public void Dispose() => Navigation.LocationChanged -= OnLocationChanged;
}
