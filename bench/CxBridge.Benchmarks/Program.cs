// Benchmarks (see README.md):
//   --suite responses (default): a generated responses CSV through ImportService, next to psql \copy of the same file.
//   --suite operational: customers, orders, tickets and responses imports, then every metric over 24 months.
//   --suite all: both, one after the other.
// dotnet run -c Release --project bench/CxBridge.Benchmarks -- [--suite responses|operational|all] --connection "<admin connection>" [options]
using System.Globalization;
using CxBridge.Benchmarks;
using Npgsql;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;

const string Usage = """
    usage: CxBridge.Benchmarks [--suite responses|operational|all] --connection "<npgsql connection string to an admin database>" [options]
      responses:   --rows <n> (1,000,000)  --breakdown
      operational: --customers <n> (100,000)  --orders <n> (2,000,000)  --tickets <n> (1,000,000)  --responses <n> (1,000,000)
                   --explain [ms]  (EXPLAIN ANALYZE the statements of metrics taking at least ms warm; 1000)
                   --random-order  (started_at / ordered_at / opened_at random rather than growing with the ids)
                   --keep          (leave the database cxbridge_bench in place at the end, to look at it)
      both:        --command-timeout <s>  (Npgsql's command timeout; default: the connection string's, Npgsql's 30 s unless set)
    """;

var suite = "responses";
var rows = 1_000_000;
var breakdown = false;
var counts = new OperationalSuite.Counts(Customers: 100_000, Orders: 2_000_000, Tickets: 1_000_000, Responses: 1_000_000);
var operational = new OperationalSuite.RunOptions();
double? explainOverMs = null;
int? commandTimeout = null;
var admin = Environment.GetEnvironmentVariable("CXBRIDGE_BENCH_ADMIN_CONNECTION");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--suite" when i + 1 < args.Length && args[i + 1] is "responses" or "operational" or "all": suite = args[++i]; break;
        case "--rows" when i + 1 < args.Length: rows = Count(args[++i]); break;
        case "--connection" when i + 1 < args.Length: admin = args[++i]; break;
        case "--breakdown": breakdown = true; break;
        case "--customers" when i + 1 < args.Length: counts = counts with { Customers = Count(args[++i]) }; break;
        case "--orders" when i + 1 < args.Length: counts = counts with { Orders = Count(args[++i]) }; break;
        case "--tickets" when i + 1 < args.Length: counts = counts with { Tickets = Count(args[++i]) }; break;
        case "--responses" when i + 1 < args.Length: counts = counts with { Responses = Count(args[++i]) }; break;
        case "--explain":
            explainOverMs = 1000;
            if (i + 1 < args.Length && double.TryParse(args[i + 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var ms))
            {
                explainOverMs = ms;
                i++;
            }
            break;
        case "--random-order": operational = operational with { Chronological = false }; break;
        case "--keep": operational = operational with { Keep = true }; break;
        case "--command-timeout" when i + 1 < args.Length: commandTimeout = Count(args[++i]); break;
        default:
            Console.Error.WriteLine(Usage);
            return 2;
    }
}
if (admin is null || rows <= 0 || counts.Customers <= 0 || counts.Orders <= 0 || counts.Tickets <= 0 || counts.Responses <= 0)
{
    Console.Error.WriteLine("bench: --connection (or CXBRIDGE_BENCH_ADMIN_CONNECTION) is required, and every row count must be > 0");
    return 2;
}
if (commandTimeout is { } timeout)
{
    admin = new NpgsqlConnectionStringBuilder(admin) { CommandTimeout = timeout }.ConnectionString;
}

var exit = 0;
if (suite is "responses" or "all")
{
    exit = Math.Max(exit, await ResponsesSuite.RunAsync(admin, rows, breakdown));
}
if (suite is "operational" or "all")
{
    if (suite == "all") Console.WriteLine();
    exit = Math.Max(exit, await OperationalSuite.RunAsync(admin, counts, operational, explainOverMs));
}
return exit;

static int Count(string text) => int.Parse(text.Replace("_", ""), NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
