using System.Globalization;
using CxBridge.Web.Components.Charts;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CxBridge.Web.Tests.Charts;

internal static class ChartTestHelpers
{
    /// <summary>Runs <paramref name="action"/> with the current culture set to <paramref name="name"/>, then restores it.</summary>
    public static T WithCulture<T>(string name, Func<T> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            SetCulture(name);
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    /// <summary>Async variant of <see cref="WithCulture{T}"/>: the culture stays set until the task completes.</summary>
    public static async Task<T> WithCultureAsync<T>(string name, Func<Task<T>> action)
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            SetCulture(name);
            return await action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }
    }

    private static void SetCulture(string name)
    {
        CultureInfo.CurrentCulture = new CultureInfo(name);
        CultureInfo.CurrentUICulture = new CultureInfo(name);

        // Guard against a culture-less (invariant globalization) runtime making the culture tests vacuous.
        if (name == "fr-FR" && 1.5.ToString() != "1,5")
        {
            throw new InvalidOperationException("fr-FR is not available: culture tests would prove nothing.");
        }
    }

    /// <summary>Renders a component to HTML with the framework's static HtmlRenderer.</summary>
    public static async Task<string> RenderAsync<TComponent>(IDictionary<string, object?> parameters)
        where TComponent : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        await using var renderer = new HtmlRenderer(services, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<TComponent>(ParameterView.FromDictionary(parameters))).ToHtmlString());
    }

    /// <summary>Parses "M x y L x y … Z" into points (invariant culture, as written).</summary>
    public static IReadOnlyList<(double X, double Y)> ParsePath(string d)
    {
        var tokens = d.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var points = new List<(double, double)>();
        for (var i = 0; i < tokens.Length; i++)
        {
            switch (tokens[i])
            {
                case "M" or "L":
                    points.Add((
                        double.Parse(tokens[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture),
                        double.Parse(tokens[i + 2], NumberStyles.Float, CultureInfo.InvariantCulture)));
                    i += 2;
                    break;
                case "Z":
                    break;
                default:
                    throw new FormatException($"Unexpected token '{tokens[i]}' in path '{d}'.");
            }
        }

        return points;
    }

    public static ChartPoint Point(int year, int month, double? value, double? low = null, double? high = null, int n = 100, bool lowSample = false) =>
        new(new DateOnly(year, month, 1), value, low, high, n, lowSample);

    /// <summary>Twelve monthly points from 2024-04, all with a value and a ±5 interval.</summary>
    public static List<ChartPoint> Year()
    {
        var start = new DateOnly(2024, 4, 1);
        return Enumerable.Range(0, 12)
            .Select(i => new ChartPoint(start.AddMonths(i), 40 + i, 35 + i, 45 + i, 100 + i))
            .ToList();
    }
}
