using Microsoft.Playwright;

namespace CxBridge.Browser.Tests.Infrastructure;

/// <summary>
/// What went wrong on a page as the browser saw it: console errors, uncaught script errors, requests that failed
/// (connection, aborted) and responses with an error status (a missing asset, a server error).
/// </summary>
public sealed class PageProblems
{
    private readonly List<string> _problems = [];

    public PageProblems(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Add(message.Location, $"console error: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Add(null, $"script error: {error}");
        page.RequestFailed += (_, request) => Add(request.Url, $"request failed: {request.Method} {request.Url}: {request.Failure}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Add(response.Url, $"HTTP {response.Status}: {response.Request.Method} {response.Url}");
            }
        };
    }

    /// <summary>A copy of what was seen so far (events arrive on the driver's thread).</summary>
    public IReadOnlyList<string> All
    {
        get
        {
            lock (_problems)
            {
                return [.. _problems];
            }
        }
    }

    private void Add(string? url, string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
