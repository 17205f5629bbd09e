using System.Globalization;
using System.Text;

namespace CxBridge.Data.Demo;

/// <summary>
/// Deterministic demo data for an empty installation, written in the canonical import formats (docs/data-contract.md) so the
/// demo goes through the same importers as a user's files. All the writers describe one company for the same seed and
/// window: survey responses with a realistic shape (an NPS dip and recovery, channels and agents that differ, CES
/// improving, PSAT reacting to releases, eNPS leading NPS), the customers who gave them (joining, and leaving more
/// after NPS dips), their orders (referrals following NPS), their support tickets (fewer as effort eases, handled by
/// the agents the surveys name) and the departments' KPIs that go with them (docs/departments.md).
/// </summary>
/// <remarks>
/// Every writer takes the same arguments and writes CSV the same way: a header row then rows, RFC 4180 quoting, CRLF
/// record ends, invariant culture, timestamps in ISO 8601 UTC (<c>2025-03-14T09:26:00Z</c>), dates as
/// <c>yyyy-MM-dd</c>. The window is <c>months</c> whole months ending with the month before <c>end</c>. The text is
/// plain Unicode; give a UTF-8 writer to get a UTF-8 file. The writer is not flushed or closed.
/// </remarks>
public static class DemoData
{
    /// <summary>The canonical header of the <c>responses</c> import kind, in the order the writer uses.</summary>
    public const string ResponsesHeader =
        "response_id,survey,score,responded_at,customer_id,comment,channel,touchpoint,region,product,segment,agent,department";

    /// <summary>The canonical header of the <c>customers</c> import kind, in the order the writer uses.</summary>
    public const string CustomersHeader = "customer_id,started_at,ended_at,segment,region,plan";

    /// <summary>The canonical header of the <c>orders</c> import kind, in the order the writer uses.</summary>
    public const string OrdersHeader = "order_id,customer_id,ordered_at,amount,referred,channel";

    /// <summary>The canonical header of the <c>tickets</c> import kind, in the order the writer uses.</summary>
    public const string TicketsHeader =
        "ticket_id,customer_id,opened_at,first_response_at,resolved_at,contacts,escalated,channel,agent,team";

    /// <summary>The canonical header of the <c>kpis</c> import kind, in the order the writer uses.</summary>
    public const string KpisHeader = "department,kpi,period,value,unit";

    /// <summary>The canonical header of the <c>events</c> import kind, in the order the writer uses.</summary>
    public const string EventsHeader = "event_id,date,kind,title,department,link";

    /// <summary>The default seed of the writers.</summary>
    public const int DefaultSeed = 20240601;

    private const string NewLine = "\r\n";

    /// <summary>
    /// Writes a responses CSV (header row then rows, RFC 4180 quoting, CRLF record ends, invariant culture) for
    /// <paramref name="months"/> whole months ending with the month before <paramref name="end"/>, deterministic for a
    /// given seed. Only customers who are customers for the whole month answer the customer surveys.
    /// </summary>
    /// <param name="writer">Where the CSV goes. It is not flushed or closed.</param>
    /// <param name="end">The first day of the month after the last generated month.</param>
    /// <param name="months">How many whole months to generate (at least 1).</param>
    /// <param name="seed">The seed of <see cref="Random"/>; the same seed, end and months give the same bytes.</param>
    /// <returns>The number of data rows written (the header is not counted).</returns>
    /// <exception cref="ArgumentException"><paramref name="end"/> is not the first day of a month.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="months"/> is less than 1.</exception>
    public static int WriteResponses(TextWriter writer, DateOnly end, int months = 24, int seed = DefaultSeed)
    {
        var company = Company(writer, end, months, seed, keepResponses: true);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        var line = new StringBuilder(256);
        writer.Write(ResponsesHeader);
        writer.Write(NewLine);

        var rows = 0;
        for (var m = 0; m < months; m++)
        {
            foreach (var r in company.Responses(m))
            {
                counters.TryGetValue(r.Survey, out var number);
                counters[r.Survey] = ++number;

                line.Clear();
                line.Append(r.Survey).Append('-').Append(number.ToString("D6", CultureInfo.InvariantCulture)).Append(',');
                line.Append(r.Survey).Append(',');
                line.Append(r.Score.ToString(CultureInfo.InvariantCulture)).Append(',');
                line.Append(Timestamp(r.RespondedAt)).Append(',');
                line.Append(Csv(r.CustomerId)).Append(',');
                line.Append(Csv(r.Comment)).Append(',');
                line.Append(Csv(r.Channel)).Append(',');
                line.Append(Csv(r.Touchpoint)).Append(',');
                line.Append(Csv(r.Region)).Append(',');
                line.Append(Csv(r.Product)).Append(',');
                line.Append(Csv(r.Segment)).Append(',');
                line.Append(Csv(r.Agent)).Append(',');
                line.Append(Csv(r.Department)).Append(NewLine);
                writer.Write(line);
                rows++;
            }
        }

        return rows;
    }

    /// <summary>
    /// Writes a customers CSV: every customer of the pool the responses draw from (<c>C00001</c> …), in id order —
    /// about 60% a customer before the window opens, new ones arriving month by month, a few who left before the
    /// window — with <c>ended_at</c> empty for those still customers at its end. Monthly churn is about 1.5–3% and
    /// rises a month or two after NPS dips. Arguments, format and exceptions as <see cref="WriteResponses"/>.
    /// </summary>
    /// <returns>The number of data rows written (the header is not counted).</returns>
    public static int WriteCustomers(TextWriter writer, DateOnly end, int months = 24, int seed = DefaultSeed)
    {
        var company = Company(writer, end, months, seed, keepResponses: false);
        var line = new StringBuilder(64);
        writer.Write(CustomersHeader);
        writer.Write(NewLine);

        foreach (var c in company.Customers)
        {
            line.Clear();
            line.Append(c.Id).Append(',');
            line.Append(Date(c.StartedAt)).Append(',');
            line.Append(c.EndedAt is { } ended ? Date(ended) : string.Empty).Append(',');
            line.Append(DemoResponseGenerator.Segments[c.Segment]).Append(',');
            line.Append(DemoResponseGenerator.Regions[c.Region]).Append(',');
            line.Append(DemoResponseGenerator.Products[c.Product]).Append(NewLine);
            writer.Write(line);
        }

        return company.Customers.Count;
    }

    /// <summary>
    /// Writes an orders CSV: about 3,000 orders a month (ids <c>O0000001</c> …, in time order), each by a customer
    /// while a customer; amounts by plan and segment with two decimals, about 1% refunds (negative); <c>referred</c>
    /// true for the 3–8% that came through a referral, a share that follows NPS a month later. Arguments, format and
    /// exceptions as <see cref="WriteResponses"/>.
    /// </summary>
    /// <returns>The number of data rows written (the header is not counted).</returns>
    public static int WriteOrders(TextWriter writer, DateOnly end, int months = 24, int seed = DefaultSeed)
    {
        var company = Company(writer, end, months, seed, keepResponses: false);
        var orders = new DemoOrderGenerator(company).Generate();
        var line = new StringBuilder(96);
        writer.Write(OrdersHeader);
        writer.Write(NewLine);

        for (var i = 0; i < orders.Count; i++)
        {
            var o = orders[i];
            line.Clear();
            line.Append('O').Append((i + 1).ToString("D7", CultureInfo.InvariantCulture)).Append(',');
            line.Append(o.CustomerId).Append(',');
            line.Append(Timestamp(o.OrderedAt)).Append(',');
            line.Append(o.Amount.ToString("0.00", CultureInfo.InvariantCulture)).Append(',');
            line.Append(o.Referred ? "true" : "false").Append(',');
            line.Append(o.Channel).Append(NewLine);
            writer.Write(line);
        }

        return orders.Count;
    }

    /// <summary>
    /// Writes a tickets CSV: about 1,200–2,000 support tickets a month (ids <c>T0000001</c> …, in order of opening),
    /// fewer a month after CES improves; first response and resolution never before the opening, empty when they had
    /// not happened by <paramref name="end"/> (and the first response for the odd ticket closed without one);
    /// <c>contacts</c> 1–5 with about 70% resolved at the first contact, better agents more; about 4% escalated.
    /// Arguments, format and exceptions as <see cref="WriteResponses"/>.
    /// </summary>
    /// <returns>The number of data rows written (the header is not counted).</returns>
    public static int WriteTickets(TextWriter writer, DateOnly end, int months = 24, int seed = DefaultSeed)
    {
        var company = Company(writer, end, months, seed, keepResponses: false);
        var tickets = new DemoTicketGenerator(company).Generate();
        var line = new StringBuilder(160);
        writer.Write(TicketsHeader);
        writer.Write(NewLine);

        for (var i = 0; i < tickets.Count; i++)
        {
            var t = tickets[i];
            line.Clear();
            line.Append('T').Append((i + 1).ToString("D7", CultureInfo.InvariantCulture)).Append(',');
            line.Append(t.CustomerId).Append(',');
            line.Append(Timestamp(t.OpenedAt)).Append(',');
            line.Append(t.FirstResponseAt is { } first ? Timestamp(first) : string.Empty).Append(',');
            line.Append(t.ResolvedAt is { } resolved ? Timestamp(resolved) : string.Empty).Append(',');
            line.Append(t.Contacts.ToString(CultureInfo.InvariantCulture)).Append(',');
            line.Append(t.Escalated ? "true" : "false").Append(',');
            line.Append(t.Channel).Append(',');
            line.Append(Csv(t.Agent)).Append(',');
            line.Append(t.Team).Append(NewLine);
            writer.Write(line);
        }

        return tickets.Count;
    }

    /// <summary>
    /// Writes a KPIs CSV: for each of the ten departments and each of its default KPIs (docs/departments.md), one row a
    /// month (<c>period</c> <c>yyyy-MM</c>) with the catalog's unit. Revenue is the orders' sum, contact volume the
    /// tickets' count and new customers the customers who started, of the same seed and window; the others follow
    /// the CX metrics as the catalog's pairs expect, with lags and noise. Arguments, format and exceptions as
    /// <see cref="WriteResponses"/>.
    /// </summary>
    /// <returns>The number of data rows written (the header is not counted).</returns>
    public static int WriteKpis(TextWriter writer, DateOnly end, int months = 24, int seed = DefaultSeed)
    {
        var company = Company(writer, end, months, seed, keepResponses: false);
        var orders = new DemoOrderGenerator(company).Generate();
        var tickets = new DemoTicketGenerator(company).Generate();
        var kpis = new DemoKpiGenerator(company, orders, tickets).Generate();
        var line = new StringBuilder(96);
        writer.Write(KpisHeader);
        writer.Write(NewLine);

        foreach (var k in kpis)
        {
            // No "-0.00": a value that rounds to zero is zero.
            var value = k.Value == 0 ? 0.0 : k.Value;
            line.Clear();
            line.Append(k.Department).Append(',');
            line.Append(k.Kpi).Append(',');
            line.Append(k.Period.ToString("yyyy-MM", CultureInfo.InvariantCulture)).Append(',');
            line.Append(value.ToString("F" + k.Decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).Append(',');
            line.Append(Csv(k.Unit)).Append(NewLine);
            writer.Write(line);
        }

        return kpis.Count;
    }

    /// <summary>
    /// Writes an events CSV: a dozen dated annotations of the same company over the default window (ids <c>EV-001</c> …
    /// in date order; fewer for a shorter window): its four releases (department product, with a link), an incident after
    /// each release that went badly (technology), a company-wide price change (no department) before the customer mood
    /// dips, two marketing campaigns, the help centre relaunch (service), the agents' coaching programme (hr) and the
    /// first November's delivery delays (operations). Dates are <c>yyyy-MM-dd</c>. Arguments, format and exceptions as
    /// <see cref="WriteResponses"/>; the seed draws the days.
    /// </summary>
    /// <returns>The number of data rows written (the header is not counted).</returns>
    public static int WriteEvents(TextWriter writer, DateOnly end, int months = 24, int seed = DefaultSeed)
    {
        CheckWindow(writer, end, months);
        var first = end.AddMonths(-months);
        var events = DemoEvents.Generate(first, months, seed);
        writer.Write(EventsHeader);
        writer.Write(NewLine);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var month = first.AddMonths(e.Month);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"EV-{i + 1:D3},{Date(new DateOnly(month.Year, month.Month, e.Day))},{e.Kind},{Csv(e.Title)},{Csv(e.Department)},{Csv(e.Link)}"));
            writer.Write(NewLine);
        }

        return events.Count;
    }

    /// <summary>
    /// Quotes one CSV field as RFC 4180 asks: a field holding a comma, a double quote, a line break, or leading or
    /// trailing white space is wrapped in double quotes, with each double quote inside doubled; null is empty.
    /// </summary>
    public static string Csv(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return string.Empty;
        }

        var needsQuotes = field.AsSpan().IndexOfAny(",\"\r\n") >= 0
            || char.IsWhiteSpace(field[0])
            || char.IsWhiteSpace(field[^1]);
        if (!needsQuotes)
        {
            return field;
        }

        return "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static DemoCompany Company(TextWriter writer, DateOnly end, int months, int seed, bool keepResponses)
    {
        CheckWindow(writer, end, months);
        return new DemoCompany(seed, end.AddMonths(-months), months, keepResponses);
    }

    private static void CheckWindow(TextWriter writer, DateOnly end, int months)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (end.Day != 1)
        {
            throw new ArgumentException($"The end must be the first day of a month, not {end:yyyy-MM-dd}.", nameof(end));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(months, 1);
    }

    private static string Timestamp(DateTime at) => at.ToString(DemoRandom.TimestampFormat, CultureInfo.InvariantCulture);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
