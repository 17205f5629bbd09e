using Microsoft.Playwright;

namespace CxBridge.Browser.Tests.Infrastructure;

/// <summary>
/// What every browser test starts from: an emptied database, a fresh page in its own browser context with its
/// problems collected, and a temp folder for the files it uploads — all closed and removed afterwards.
/// </summary>
public abstract class BrowserTest(BrowserAppFactory app, ChromiumFixture chromium) : IAsyncLifetime
{
    protected BrowserAppFactory App => app;
    protected string Files { get; } = Directory.CreateTempSubdirectory("cxbridge-browser-files-").FullName;
    protected IPage Page { get; private set; } = null!;
    protected PageProblems Problems { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        Page = await chromium.NewPageAsync(app.BaseAddress);
        Problems = new PageProblems(Page);
    }

    public async Task DisposeAsync()
    {
        if (Page is not null)
        {
            await Page.Context.CloseAsync();
        }
        Directory.Delete(Files, recursive: true);
    }
}
