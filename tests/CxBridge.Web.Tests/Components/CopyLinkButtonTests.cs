using Bunit;
using CxBridge.Web.Components.Layout;
using MudBlazor;

namespace CxBridge.Web.Tests.Components;

/// <summary>"Copy link" puts the view's whole URL on the clipboard, and says so; where the browser refuses, it shows the link.</summary>
public sealed class CopyLinkButtonTests : ComponentTest
{
    private const string View = "http://localhost/departments/finance?from=2025-03-01&to=2025-08-31&channel=email";
    private readonly IRenderedComponent<MudSnackbarProvider> _snackbars;

    public CopyLinkButtonTests()
    {
        _snackbars = Render<MudSnackbarProvider>();
        Navigation.NavigateTo(View);
    }

    [Fact]
    public void CopyLink_ClipboardAllowed_CopiesTheViewsUrlAndSaysSo()
    {
        var copy = JSInterop.Setup<bool>("cxbridge.copyText", View).SetResult(true);
        var button = Render<CopyLinkButton>();

        button.Find("button[data-copy-link]").Click();

        copy.Invocations.Should().ContainSingle().Which.Arguments.Should().Equal(View);
        _snackbars.WaitForAssertion(() => _snackbars.Find(".mud-snackbar").TextContent.Should().Contain("Link copied"));
    }

    [Fact]
    public void CopyLink_ClipboardRefused_ShowsTheLinkToCopyByHand()
    {
        JSInterop.Setup<bool>("cxbridge.copyText", View).SetResult(false);
        var button = Render<CopyLinkButton>();

        button.Find("button[data-copy-link]").Click();

        _snackbars.WaitForAssertion(() => _snackbars.Find(".mud-snackbar").TextContent.Should().Contain("Copy this link: " + View)
            .And.NotContain("Link copied"));
    }
}
