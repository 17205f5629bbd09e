using Bunit;
using CxBridge.Web.Components.Shared;
using Microsoft.AspNetCore.Components;

namespace CxBridge.Web.Tests.Components;

/// <summary>The server-paged table: it shows the page of rows it is given, says which rows they are, and asks for sorts and pages.</summary>
public sealed class PagedTableTests : ComponentTest
{
    private readonly List<string> _sorts = [];
    private readonly List<int> _pages = [];

    private IRenderedComponent<PagedTable> RenderTable(int rows = 50, int total = 120, int page = 1, string? sort = null) =>
        Render<PagedTable>(p => p
            .Add(x => x.Columns, ["ticket_id", "hours"])
            .Add(x => x.Rows, Enumerable.Range((page - 1) * 50, rows).Select(i => (IReadOnlyList<string?>)[$"T{i:000}", $"{i}.00"]).ToList())
            .Add(x => x.Total, total).Add(x => x.Page, page).Add(x => x.PageSize, 50).Add(x => x.Sort, sort)
            .Add(x => x.OnSort, EventCallback.Factory.Create<string>(this, s => _sorts.Add(s)))
            .Add(x => x.OnPage, EventCallback.Factory.Create<int>(this, n => _pages.Add(n))));

    private void ClickHeader(IRenderedComponent<PagedTable> table, string column) =>
        table.FindAll("thead button.sort-button").Single(b => b.TextContent.Trim() == column).Click();

    [Fact]
    public void PagedTable_AFullPage_ShowsEveryRowItIsGiven()
    {
        var table = RenderTable();

        table.FindAll("tbody tr").Should().HaveCount(50);
        table.FindAll("tbody tr").Last().Children[0].TextContent.Should().Be("T049");
        table.Find("[data-pager]").TextContent.Trim().Should().Be("Rows 1–50 of 120");
    }

    [Fact]
    public void PagedTable_LastPage_SaysWhichRowsItShows()
    {
        var table = RenderTable(rows: 20, page: 3);

        table.FindAll("tbody tr").Should().HaveCount(20);
        table.Find("[data-pager]").TextContent.Trim().Should().Be("Rows 101–120 of 120");
    }

    [Fact]
    public void PagedTable_NoRows_SaysSo()
    {
        RenderTable(rows: 0, total: 0).Find("[data-pager]").TextContent.Trim().Should().Be("No rows");
    }

    [Fact]
    public void PagedTable_ClickingAColumn_SortsByItAscending()
    {
        var table = RenderTable();

        ClickHeader(table, "hours");

        _sorts.Should().Equal("hours");
    }

    [Fact]
    public void PagedTable_ClickingTheAscendingColumn_ReversesIt()
    {
        var table = RenderTable(sort: "hours");

        ClickHeader(table, "hours");

        _sorts.Should().Equal("-hours");
    }

    [Fact]
    public void PagedTable_ClickingTheDescendingColumn_SortsItAscendingAgain()
    {
        var table = RenderTable(sort: "-hours");

        ClickHeader(table, "hours");

        _sorts.Should().Equal("hours");
    }

    [Fact]
    public void PagedTable_SortedColumn_IsMarkedForAssistiveTechnology()
    {
        var table = RenderTable(sort: "-hours");

        table.FindAll("thead th").Select(th => th.GetAttribute("aria-sort")).Should().Equal(null, "descending");
        table.FindAll("thead th")[1].QuerySelectorAll("svg").Should().ContainSingle("an arrow shows the direction");
    }

    [Fact]
    public void PagedTable_ChoosingAPage_AsksForIt()
    {
        var table = RenderTable();

        table.Find("ul[aria-label=Pages] button[aria-label='Page 3']").Click();

        _pages.Should().Equal(3);
    }

    [Fact]
    public void PagedTable_NextPage_AsksForTheOneAfterThePageShown()
    {
        var table = RenderTable(page: 2);

        table.Find("ul[aria-label=Pages] button[aria-label='Next page']").Click();

        _pages.Should().Equal(3);
    }

    [Fact]
    public void PagedTable_LongCell_IsCut()
    {
        var table = Render<PagedTable>(p => p.Add(x => x.Columns, ["comment"]).Add(x => x.Rows, [[new string('x', 310)]]).Add(x => x.Total, 1));

        table.Find("tbody td").TextContent.Should().Be(new string('x', 300) + "…");
    }
}
