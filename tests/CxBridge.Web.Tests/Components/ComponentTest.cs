using Bunit;
using Bunit.TestDoubles;
using CxBridge.Data;
using CxBridge.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor.Services;

namespace CxBridge.Web.Tests.Components;

/// <summary>
/// A bunit context set up as the app sets up its components: MudBlazor's services, a loose JS runtime (MudBlazor calls
/// JS that is not there in a test), and DisplayFormat with the default settings (en-US, USD, UTC).
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    protected ComponentTest()
    {
        Services.AddMudServices();
        Services.AddSingleton(new DisplayFormat(Options.Create(new CxBridgeSettings())));
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    /// <summary>MudBlazor registers services that only dispose asynchronously: xunit must dispose the context that way.</summary>
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    /// <summary>bunit's navigation manager: set the URL a component starts on, read where it navigated.</summary>
    protected BunitNavigationManager Navigation => (BunitNavigationManager)Services.GetRequiredService<NavigationManager>();
}
