using System.Globalization;
using System.Text;

namespace CxBridge.Benchmarks;

/// <summary>
/// Writes customers, orders and tickets CSVs the import takes in strict mode, seeded (the same counts and month
/// give the same files), with ISO timestamps in UTC (Z) and never in the future. Orders and tickets fall in the
/// window [<see cref="Window.Start"/>, <see cref="Window.End"/>): the 24 whole months ending last month.
/// Ids are sequential; with <c>chronological</c> (the default) the time a row starts at (started_at, ordered_at,
/// opened_at) grows with its id, as in a help desk or shop numbering its records, so the tables' physical order
/// follows time; without, those times are random (ids such as UUIDs that say nothing of time).
/// </summary>
internal static class OperationalCsv
{
    public const string CustomersHeader = "customer_id,started_at,ended_at,segment,region,plan";
    public const string OrdersHeader = "order_id,customer_id,ordered_at,amount,referred,channel";
    public const string TicketsHeader = "ticket_id,customer_id,opened_at,first_response_at,resolved_at,contacts,escalated,channel,agent,team";

    private static readonly string[] Segments = ["Consumer", "SMB", "Mid-market", "Enterprise"];
    private static readonly string[] Regions = ["North", "South", "East", "West", "Central"];
    private static readonly string[] Plans = ["Basic", "Plus", "Pro", "Enterprise"];
    private static readonly string[] OrderChannels = ["web", "app", "store", "phone", "marketplace"];
    private static readonly string[] TicketChannels = ["email", "chat", "phone", "web", "social"];
    private static readonly string[] Teams = ["Tier 1", "Tier 2", "Billing", "Technical", "Returns"];
    private static readonly string[] TrueWords = ["true", "yes", "1"];
    private static readonly string[] FalseWords = ["false", "no", "0"];

    /// <summary>The 24 whole months ending last month, in UTC: [Start, End); End is this month's first day.</summary>
    public readonly record struct Window(DateTime Start, DateTime End, DateTime Now)
    {
        public static Window Of(DateTime utcNow)
        {
            var end = new DateTime(utcNow.Year, utcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc);
            return new Window(end.AddMonths(-24), end, utcNow);
        }

        public DateOnly From => DateOnly.FromDateTime(Start);
        public DateOnly To => DateOnly.FromDateTime(End).AddDays(-1);
    }

    /// <summary>
    /// Customers C000001…: started over the 36 months before the window and the window itself (so about 60% are
    /// customers when it opens); a lifetime of mean 30 months (exponential) ends them, unless that is after now
    /// (still a customer, ended_at empty): some ended before the window, some in it.
    /// </summary>
    public static void WriteCustomers(string path, int rows, Window window, bool chronological = true, int seed = 7)
    {
        var rng = new Random(seed);
        var first = window.Start.AddMonths(-36);
        var spanSeconds = (long)(window.End - first).TotalSeconds;
        const double meanLifetimeSeconds = 30 * 30.44 * 86400;
        using var writer = Open(path, CustomersHeader);
        Span<char> buffer = stackalloc char[32];
        for (var i = 1; i <= rows; i++)
        {
            var started = first.AddSeconds(Time(rng, i, rows, spanSeconds, chronological));
            var ended = started.AddSeconds(-Math.Log(1 - rng.NextDouble()) * meanLifetimeSeconds);
            writer.Write('C');
            writer.Write(i.ToString("D6", CultureInfo.InvariantCulture));
            writer.Write(',');
            WriteTime(writer, buffer, started);
            writer.Write(',');
            if (ended < window.Now)
            {
                WriteTime(writer, buffer, ended);
            }
            writer.Write(',');
            writer.Write(Pick(rng, Segments));
            writer.Write(',');
            writer.Write(Pick(rng, Regions));
            writer.Write(',');
            if (rng.Next(10) > 0)
            {
                writer.Write(Pick(rng, Plans));
            }
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Orders O00000001… over the window from <paramref name="customers"/> customers: amounts 5.00–500.00 with two
    /// decimals, 3% negative (refunds); referred 7% true, 83% false, 10% empty (as true/false, yes/no or 1/0).
    /// </summary>
    public static void WriteOrders(string path, int rows, int customers, Window window, bool chronological = true, int seed = 11)
    {
        var rng = new Random(seed);
        var spanSeconds = (long)(window.End - window.Start).TotalSeconds;
        using var writer = Open(path, OrdersHeader);
        Span<char> buffer = stackalloc char[32];
        for (var i = 1; i <= rows; i++)
        {
            var at = window.Start.AddSeconds(Time(rng, i, rows, spanSeconds, chronological));
            var cents = rng.Next(500, 50_001);
            writer.Write('O');
            writer.Write(i.ToString("D8", CultureInfo.InvariantCulture));
            writer.Write(",C");
            writer.Write(rng.Next(1, customers + 1).ToString("D6", CultureInfo.InvariantCulture));
            writer.Write(',');
            WriteTime(writer, buffer, at);
            writer.Write(',');
            if (rng.Next(100) < 3)
            {
                writer.Write('-');
            }
            writer.Write((cents / 100).ToString(CultureInfo.InvariantCulture));
            writer.Write('.');
            writer.Write((cents % 100).ToString("D2", CultureInfo.InvariantCulture));
            writer.Write(',');
            var referred = rng.Next(100);
            if (referred < 7)
            {
                writer.Write(Pick(rng, TrueWords));
            }
            else if (referred < 90)
            {
                writer.Write(Pick(rng, FalseWords));
            }
            writer.Write(',');
            writer.Write(Pick(rng, OrderChannels));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Tickets T00000001… opened over the window: 90% with a customer; a first response for 92% (exponential, mean
    /// 6 h after opening), a resolution for 85% (exponential, mean 36 h after the first response or the opening),
    /// each left empty when it would be after now; contacts 1–5 (65% one), 5% empty; escalated 7% true, 89% false,
    /// 4% empty.
    /// </summary>
    public static void WriteTickets(string path, int rows, int customers, Window window, bool chronological = true, int seed = 13)
    {
        var rng = new Random(seed);
        var spanSeconds = (long)(window.End - window.Start).TotalSeconds;
        using var writer = Open(path, TicketsHeader);
        Span<char> buffer = stackalloc char[32];
        for (var i = 1; i <= rows; i++)
        {
            var opened = window.Start.AddSeconds(Time(rng, i, rows, spanSeconds, chronological));
            DateTime? firstResponse = rng.Next(100) < 92 ? opened.AddSeconds(Exponential(rng, 6 * 3600)) : null;
            DateTime? resolved = rng.Next(100) < 85 ? (firstResponse ?? opened).AddSeconds(Exponential(rng, 36 * 3600)) : null;
            writer.Write('T');
            writer.Write(i.ToString("D8", CultureInfo.InvariantCulture));
            writer.Write(',');
            if (rng.Next(10) > 0)
            {
                writer.Write('C');
                writer.Write(rng.Next(1, customers + 1).ToString("D6", CultureInfo.InvariantCulture));
            }
            writer.Write(',');
            WriteTime(writer, buffer, opened);
            writer.Write(',');
            if (firstResponse < window.Now)
            {
                WriteTime(writer, buffer, firstResponse.Value);
            }
            writer.Write(',');
            if (resolved < window.Now)
            {
                WriteTime(writer, buffer, resolved.Value);
            }
            writer.Write(',');
            var contacts = rng.Next(100) switch
            {
                < 5 => 0,
                < 70 => 1,
                < 85 => 2,
                < 93 => 3,
                < 97 => 4,
                _ => 5,
            };
            if (contacts > 0)
            {
                writer.Write((char)('0' + contacts));
            }
            writer.Write(',');
            var escalated = rng.Next(100);
            if (escalated < 7)
            {
                writer.Write("true");
            }
            else if (escalated < 96)
            {
                writer.Write("false");
            }
            writer.Write(',');
            writer.Write(Pick(rng, TicketChannels));
            writer.Write(',');
            writer.Write(Pick(rng, ResponsesCsv.FirstNames));
            writer.Write(' ');
            writer.Write(Pick(rng, ResponsesCsv.LastNames));
            writer.Write(',');
            writer.Write(Pick(rng, Teams));
            writer.Write('\n');
        }
    }

    private static StreamWriter Open(string path, string header)
    {
        var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
        writer.WriteLine(header);
        return writer;
    }

    private static void WriteTime(StreamWriter writer, Span<char> buffer, DateTime at)
    {
        at.TryFormat(buffer, out var length, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        writer.Write(buffer[..length]);
    }

    /// <summary>Seconds into the span for row i of n: the i-th of n equal slices (at a random point in it), or anywhere.</summary>
    private static double Time(Random rng, int i, int rows, long spanSeconds, bool chronological) =>
        chronological ? (i - 1 + rng.NextDouble()) * spanSeconds / rows : rng.NextInt64(spanSeconds);

    private static double Exponential(Random rng, double mean) => -Math.Log(1 - rng.NextDouble()) * mean;

    private static string Pick(Random rng, string[] values) => values[rng.Next(values.Length)];
}
