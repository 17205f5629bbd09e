using Microsoft.Playwright;

namespace CxBridge.Browser.Tests.Infrastructure;

/// <summary>
/// One headless Chromium for the <see cref="BrowserCollection"/>: Debian's /usr/bin/chromium (or CXBRIDGE_CHROMIUM, which
/// scripts/test.sh exports), driven by the Playwright driver that the package copies into the build output
/// (.playwright: node and playwright-core), so nothing is downloaded. Each test opens its own context (cookies,
/// storage) with <see cref="NewPageAsync"/>.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ChromiumVariable = "CXBRIDGE_CHROMIUM";
    private const string DefaultChromium = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string ExecutablePath => Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } path ? path : DefaultChromium;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"Chromium is not at {ExecutablePath}: install it (apt-get install chromium) or set {ChromiumVariable} to its path");
        }
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            // No sandbox (containers, root), no GPU, and nothing that would reach out to the network on its own.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A page in a fresh context (its own cookies and storage) whose relative URLs resolve against the app under test;
    /// <paramref name="viewport"/> defaults to 1280×900, <paramref name="colorScheme"/> is what the system prefers.
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, (int Width, int Height)? viewport = null, ColorScheme colorScheme = ColorScheme.Light)
    {
        var (width, height) = viewport ?? (1280, 900);
        var context = await _browser!.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            Locale = "en-US",
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ColorScheme = colorScheme,
        });
        // Server-rendered pages on loopback answer in milliseconds: fail fast instead of after Playwright's 30 s.
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout(10_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }
        // Ends the driver process (node).
        _playwright?.Dispose();
    }
}
