namespace CxBridge.Browser.Tests.Infrastructure;

/// <summary>
/// The browser test classes share one app (Kestrel + its database) and one Chromium, and run one after another:
/// starting them (about 2.5 s each) and warming the app up cost more than the tests themselves.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserAppFactory>, ICollectionFixture<ChromiumFixture>
{
    public const string Name = "Browser";
}
