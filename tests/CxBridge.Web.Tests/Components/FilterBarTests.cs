using Bunit;
using CxBridge.Data;
using CxBridge.Data.Queries;
using CxBridge.Metrics;
using CxBridge.Web.Components.Shared;
using CxBridge.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace CxBridge.Web.Tests.Components;

/// <summary>
/// The filter bar's state is the URL, both ways: it shows the filter a page parsed from the query string, and each change
/// navigates to the same page with the new parameters (dropping the page number, which no longer means the same rows).
/// </summary>
public sealed class FilterBarTests : ComponentTest
{
    private const string Page = "http://localhost/metrics/nps";
    private const string Query = "?from=2025-03-01&to=2025-04-30&grain=week&channel=phone&channel=chat&metric=csat&page=3";

    private static readonly Dictionary<string, IReadOnlyList<string>> Offered = new()
    {
        ["channel"] = ["chat", "email", "phone"],
        ["region"] = ["north", "south"],
    };

    private IRenderedComponent<MudPopoverProvider> _popovers = null!;

    /// <summary>Renders the bar on <paramref name="url"/>, with the filter parsed from it as a page parses it.</summary>
    private IRenderedComponent<FilterBar> RenderAt(string url = Page + Query)
    {
        Navigation.NavigateTo(url);
        _popovers = Render<MudPopoverProvider>();
        var filter = new FilterQuery(Options.Create(new CxBridgeSettings()), TimeProvider.System)
            .Parse(new QueryCollection(QueryHelpers.ParseQuery(new Uri(url).Query)), out var problems);
        problems.Should().BeEmpty();
        return Render<FilterBar>(p => p.Add(x => x.Filter, filter).Add(x => x.DimensionValues, Offered));
    }

    /// <summary>Opens a MudSelect of the bar (by its data-filter) and clicks the option with this text.</summary>
    private void Choose(IRenderedComponent<FilterBar> bar, string filter, string option)
    {
        bar.Find($"[data-filter={filter}] .mud-input-control").MouseDown();
        _popovers.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == option).Click();
    }

    private Dictionary<string, string[]> QueryOf(string uri) =>
        QueryHelpers.ParseQuery(new Uri(uri).Query).ToDictionary(q => q.Key, q => q.Value.Select(v => v!).ToArray());

    [Fact]
    public void FilterBar_FilterFromTheUrl_ShowsRangeGrainAndChips()
    {
        var bar = RenderAt();

        bar.Find("[data-filter=range] input[aria-label='Start date']").GetAttribute("value").Should().Be("03/01/2025");
        bar.Find("[data-filter=range] input[aria-label='End date']").GetAttribute("value").Should().Be("04/30/2025");
        bar.Find("[data-filter=grain] [role=combobox]").GetAttribute("value").Should().Be("Week");
        bar.Find("[data-filter=channel] input[role=combobox]").GetAttribute("value").Should().Be("phone, chat");
        bar.FindAll("[data-chip]").Select(c => (c.GetAttribute("data-chip"), c.TextContent.Trim()))
            .Should().Equal(("channel=phone", "Channel: phone"), ("channel=chat", "Channel: chat"));
        bar.Find("[data-filter=region] input[role=combobox]").GetAttribute("value").Should().BeEmpty("no region is chosen");
    }

    [Fact]
    public void FilterBar_NoDimensionChosen_ShowsNoChips()
    {
        var bar = RenderAt(Page + "?from=2025-03-01&to=2025-04-30");

        bar.FindAll("[data-chip]").Should().BeEmpty();
        bar.Find("[data-filter=grain] [role=combobox]").GetAttribute("value").Should().Be("Month", "month is the default grain");
    }

    [Fact]
    public void FilterBar_ChosenValueTheDataNoLongerHas_IsStillOfferedAndShown()
    {
        var bar = RenderAt(Page + "?from=2025-03-01&to=2025-04-30&team=tier9");

        bar.FindAll("[data-filter=team]").Should().ContainSingle("a chosen dimension is shown even when the data offers no value for it");
        bar.Find("[data-chip='team=tier9']").TextContent.Trim().Should().Be("Team: tier9");
    }

    [Fact]
    public void FilterBar_RemovingAChip_NavigatesWithoutThatValueAndWithoutThePage()
    {
        var bar = RenderAt();

        bar.Find("[data-chip='channel=phone'] button.mud-chip-close-button").Click();

        Navigation.Uri.Should().Be(Page + "?from=2025-03-01&to=2025-04-30&grain=week&channel=chat&metric=csat");
    }

    [Fact]
    public void FilterBar_RemovingTheLastChipOfADimension_DropsTheParameter()
    {
        var bar = RenderAt(Page + "?from=2025-03-01&to=2025-04-30&region=north&page=2");

        bar.Find("[data-chip='region=north'] button.mud-chip-close-button").Click();

        Navigation.Uri.Should().Be(Page + "?from=2025-03-01&to=2025-04-30");
    }

    [Fact]
    public void FilterBar_ChoosingAnotherGrain_NavigatesWithThatGrain()
    {
        var bar = RenderAt();

        Choose(bar, "grain", "Whole range");

        Navigation.Uri.Should().Be(Page + "?from=2025-03-01&to=2025-04-30&grain=total&channel=phone&channel=chat&metric=csat");
    }

    [Fact]
    public void FilterBar_ChoosingAValueOfANewDimension_AddsItToTheUrl()
    {
        var bar = RenderAt();

        Choose(bar, "region", "south");

        Navigation.Uri.Should().Be(Page + "?from=2025-03-01&to=2025-04-30&grain=week&channel=phone&channel=chat&metric=csat&region=south");
    }

    [Fact]
    public void FilterBar_ChoosingAnotherValueOfAChosenDimension_KeepsTheOthers()
    {
        var bar = RenderAt();

        Choose(bar, "channel", "email");

        var query = QueryOf(Navigation.Uri);
        query["channel"].Should().BeEquivalentTo(["phone", "chat", "email"]);
        query.Keys.Should().BeEquivalentTo(["from", "to", "grain", "channel", "metric"], "the page number is dropped, the rest kept");
        (query["from"].Single(), query["to"].Single(), query["grain"].Single()).Should().Be(("2025-03-01", "2025-04-30", "week"));
    }

    [Fact]
    public void FilterBar_UnchoosingAValueInTheSelect_RemovesIt()
    {
        var bar = RenderAt();

        Choose(bar, "channel", "phone");

        Navigation.Uri.Should().Be(Page + "?from=2025-03-01&to=2025-04-30&grain=week&channel=chat&metric=csat");
    }

    [Fact]
    public void FilterBar_Reset_DropsRangeGrainDimensionsAndPageButKeepsOtherParameters()
    {
        var bar = RenderAt(Page + "?from=2025-03-01&to=2025-04-30&grain=week&channel=phone&region=north&team=tier1&metric=csat&page=3");

        bar.Find("button[data-filter=reset]").Click();

        Navigation.Uri.Should().Be(Page + "?metric=csat");
    }

    [Fact]
    public void FilterBar_TypingANewRange_NavigatesWithItAndNotBackToTheOldOne()
    {
        var bar = RenderAt();

        bar.Find("input[aria-label='Start date']").Change("03/10/2025");
        bar.Find("input[aria-label='End date']").Change("05/31/2025");

        // Newest first: one navigation per edited date, none back to the range the page had passed.
        Navigation.History.Select(h => h.Uri).Should().Equal(
            Page + "?from=2025-03-10&to=2025-05-31&grain=week&channel=phone&channel=chat&metric=csat",
            Page + "?from=2025-03-10&to=2025-04-30&grain=week&channel=phone&channel=chat&metric=csat",
            Page + Query);
    }

    [Fact]
    public void FilterBar_PickingARangeInTheCalendar_NavigatesOnceToIt()
    {
        var bar = RenderAt();

        bar.Find("[data-filter=range] button[aria-label=Open]").Click();
        Day("10").Click();
        Day("20").Click();

        Navigation.History.Select(h => h.Uri).Should().Equal(
            Page + "?from=2025-03-10&to=2025-03-20&grain=week&channel=phone&channel=chat&metric=csat",
            Page + Query);
    }

    /// <summary>A day of the first month the open range picker shows (March 2025 here).</summary>
    private AngleSharp.Dom.IElement Day(string day) =>
        _popovers.FindAll(".mud-popover-open button.mud-picker-calendar-day:not(.mud-hidden)").First(d => d.TextContent.Trim() == day);

    [Fact]
    public void FilterBar_ResetOnChange_DropsThePagesOwnParameters()
    {
        Navigation.NavigateTo(Page + "?from=2025-03-01&to=2025-04-30&drill=2025-03-01&page=2&by=channel");
        Render<MudPopoverProvider>();
        var bar = Render<FilterBar>(p => p
            .Add(x => x.Filter, MetricFilter.Create(new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 30)))
            .Add(x => x.DimensionValues, Offered)
            .Add(x => x.ResetOnChange, ["page", "drill"]));

        bar.Find("button[data-filter=reset]").Click();

        Navigation.Uri.Should().Be(Page + "?by=channel");
    }

    [Fact]
    public void FilterBar_InAPageThatParsesTheUrl_ShowsEachChangeItMade()
    {
        Navigation.NavigateTo(Page + Query);
        var popovers = Render<MudPopoverProvider>();
        var host = Render<FilterPageHost>(p => p.Add(x => x.DimensionValues, Offered));

        host.Find("[data-chip='channel=phone'] button.mud-chip-close-button").Click();
        host.Find("[data-filter=grain] .mud-input-control").MouseDown();
        popovers.FindAll(".mud-popover-open [role=option]").Single(o => o.TextContent.Trim() == "Month").Click();
        host.Find("input[aria-label='Start date']").Change("03/15/2025");

        Navigation.Uri.Should().Be(Page + "?from=2025-03-15&to=2025-04-30&grain=month&channel=chat&metric=csat");
        host.FindAll("[data-chip]").Select(c => c.TextContent.Trim()).Should().Equal("Channel: chat");
        host.Find("[data-filter=grain] [role=combobox]").GetAttribute("value").Should().Be("Month");
        host.Find("input[aria-label='Start date']").GetAttribute("value").Should().Be("03/15/2025");
        Navigation.History.Should().HaveCount(4, "the first URL and one navigation per change");
    }

    [Fact]
    public void FilterBar_WithoutGrain_HasNoGrainSelect()
    {
        Navigation.NavigateTo(Page);
        var bar = Render<FilterBar>(p => p
            .Add(x => x.Filter, MetricFilter.Create(new DateOnly(2025, 3, 1), new DateOnly(2025, 4, 30)))
            .Add(x => x.ShowGrain, false));

        bar.FindAll("[data-filter=grain]").Should().BeEmpty();
        bar.FindAll("[data-filter=range]").Should().ContainSingle();
    }
}
