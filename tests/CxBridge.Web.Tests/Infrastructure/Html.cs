using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CxBridge.Web.Tests.Infrastructure;

/// <summary>Prerendered pages as documents, and their text as a reader sees it.</summary>
public static class Html
{
    private static readonly HtmlParser Parser = new();

    public static IDocument Parse(string html) => Parser.ParseDocument(html);

    /// <summary>GETs a page (as a browser asks for it) and parses it, after checking its status.</summary>
    public static async Task<IDocument> GetPageAsync(this HttpClient client, string url, int status = 200)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Accept", "text/html");
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).Should().Be(status, $"GET {url} answered: {body[..Math.Min(body.Length, 500)]}");
        return Parse(body);
    }

    /// <summary>The element's text with runs of white space made one space.</summary>
    public static string Text(this IElement element) =>
        string.Join(" ", element.TextContent.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The one element matching <paramref name="selector"/> (fails the test when there is none).</summary>
    public static IElement One(this IParentNode node, string selector) =>
        node.QuerySelector(selector) ?? throw new Xunit.Sdk.XunitException($"no element matches '{selector}'");
}
