using System.Text;

namespace CxBridge.Data.Demo;

/// <summary>What a comment can refer to. <paramref name="Sentiment"/> is −1 (negative), 0 (mixed) or 1 (positive).</summary>
internal readonly record struct CommentContext(
    string Survey,
    int Sentiment,
    string? Touchpoint,
    string? Channel,
    string? Agent,
    string? Product,
    string? Department,
    string? Release);

/// <summary>
/// Free-text comments built from an opener, one or two cores and a closer, with slots ({agent}, {wait}, ...) filled
/// from small lists, so a few hundred fragments give thousands of distinct comments. Some hold commas, double quotes
/// and line breaks, on purpose: the importer's CSV quoting gets exercised.
/// </summary>
internal sealed class DemoComments(Random rng)
{
    private static readonly string[] PositiveOpeners =
        ["Great experience.", "Really impressed.", "Honestly, very happy.", "Excellent!", "Top service.", "Couldn't ask for more.", "Very pleased.", "Wow."];

    private static readonly string[] NegativeOpeners =
        ["Very disappointed.", "Not happy.", "Frustrating experience.", "Not good enough.", "Second time this month.", "Really poor.", "Honestly, fed up.", "Where do I start?"];

    private static readonly string[] MixedOpeners =
        ["Mostly fine.", "Mixed feelings.", "OK.", "Not bad.", "So-so.", "Average, I'd say."];

    private static readonly string[] PositiveClosers =
        ["Thank you!", "Keep it up.", "Will recommend you to friends.", "Well done to the whole team.", "Thanks again.", "10/10.", "Happy customer here."];

    private static readonly string[] NegativeClosers =
        ["Please fix this.", "Considering switching providers.", "Not what I expect for what we pay.", "Sort it out, please.", "Someone should call me back.", "I expect better.", "Very close to cancelling."];

    private static readonly string[] MixedClosers =
        ["Room for improvement.", "Could be better.", "We'll see how it goes.", "Not bad, not great.", "Hope it improves."];

    private static readonly string[] EmployeePositiveClosers =
        ["Proud to work here.", "Thanks to the leadership team.", "Keep doing this.", "Best job I've had."];

    private static readonly string[] EmployeeNegativeClosers =
        ["Please actually act on this survey.", "People are burning out.", "I'm not the only one who feels this way.", "Something has to change."];

    private static readonly string[] EmployeeMixedClosers =
        ["Hoping next quarter is better.", "Not a bad place overall.", "Small changes would help a lot."];

    private static readonly Dictionary<(string Topic, int Sentiment), string[]> Cores = new()
    {
        [("general", 1)] =
        [
            "The product just works and the team behind it actually listens",
            "Best {product} plan we have used, and we have tried a few",
            "Everyone I have dealt with has been helpful, quick and friendly",
            "Reliable, fairly priced, and support answers within minutes",
            "We moved from a competitor last year and have not looked back",
            "It saves my team hours every week",
            "You fixed our problem before we even had to chase it",
            "Great value for money, especially since the last update",
            "I have recommended you to {n} other companies already",
            "Simple to use, even for our less technical staff",
            "Fast, friendly, and no nonsense",
            "Every interaction has been easy, which is rare these days",
        ],
        [("general", 0)] =
        [
            "Does the job, nothing more, nothing less",
            "Good product, but support could be faster",
            "Fine overall; the billing page is confusing though",
            "A bit pricey for what you get, but it works",
            "Solid, though the app still feels slow at times",
            "Happy with the product, less so with the response times",
            "The {product} plan is good, the upgrade path to the next one is not",
            "Most things work well, reporting needs some love",
        ],
        [("general", -1)] =
        [
            "Prices keep going up while the service gets worse",
            "Too many small bugs that never get fixed",
            "Every time I contact support I have to explain everything again",
            "Billing has been wrong {n} months in a row",
            "The product is fine, the service around it is not",
            "Promised features keep slipping, we were told \"next quarter\" a year ago",
            "Hard to reach anyone who can actually make a decision",
            "The app logs me out constantly and loses my work",
            "Waiting times are ridiculous, {wait} just to speak to someone",
            "Since the {month} update things have gone downhill",
        ],
        [("support", 1)] =
        [
            "{agent} solved it in {quick}",
            "{agent} was patient, friendly and knew exactly what to do",
            "Got through to someone in {quick} and the issue was fixed on the spot",
            "No transfers, no script, just a person who fixed it",
            "{agent} followed up the next day to check everything was working, which I really appreciated",
            "Quick answer, clear explanation, problem gone",
            "{agent} explained the fix so I can do it myself next time",
            "Support {via} was quick and genuinely helpful",
        ],
        [("support", 0)] =
        [
            "Got there in the end, but it took {n} attempts",
            "Friendly enough, though the wait was {wait}",
            "The answer was right, but I had to chase it",
            "{agent} was nice, but had to ask a colleague for most of it",
            "Fixed, eventually. The queue {via} is far too long",
        ],
        [("support", -1)] =
        [
            "Waited {wait} on hold, then got cut off",
            "I was transferred {n} times and had to repeat my account number every time",
            "Three tickets, three different answers",
            "They said \"we'll call you back\" and nobody ever did",
            "The chat bot kept sending me the same help article",
            "Still not fixed after {days} days",
            "Being transferred from team to team is not support",
            "{agent} closed my ticket as \"resolved\" while the problem is still there",
            "Waited {wait} for a reply {via}, and the answer did not even match my question",
        ],
        [("billing", 1)] =
        [
            "Refund was in my account within {days} days",
            "The invoice was clear for once, no surprises",
            "Billing sorted out the VAT issue straight away",
            "Switching to annual billing took two minutes",
            "Someone noticed we were overpaying and moved us to a cheaper plan, unasked",
        ],
        [("billing", 0)] =
        [
            "The bill was correct, but the invoice layout is hard to read",
            "Refund arrived eventually, after a couple of reminders",
            "Fine, although I still don't understand the \"usage\" line",
        ],
        [("billing", -1)] =
        [
            "Charged twice for the same month, and it took {days} days to get the money back",
            "Still waiting for a refund of {amount}",
            "The invoice shows the wrong company name, again",
            "Nobody could explain the \"service adjustment\" line on my bill",
            "I was billed for {n} seats we cancelled in {month}",
            "Billing errors every other month, and each one takes weeks to fix",
            "Got a late payment fee for an invoice you never sent",
        ],
        [("delivery", 1)] =
        [
            "Arrived a day early and very well packed",
            "Tracking was accurate to the hour",
            "The driver was polite and called ahead",
            "Next-day delivery actually meant next day",
            "Everything arrived in one box, nothing missing",
        ],
        [("delivery", 0)] =
        [
            "Arrived on time, but the packaging was excessive",
            "Delivery was fine, though the tracking link did not work",
            "Came a day late, but at least they told me",
        ],
        [("delivery", -1)] =
        [
            "The parcel arrived {days} days late and the box was damaged",
            "Tracking said \"delivered\" but nothing came",
            "Half the order was missing",
            "The delivery window was 8am to 6pm, so I lost a whole day",
            "Left at the wrong address, and nobody would take responsibility",
        ],
        [("purchase", 1)] =
        [
            "Checkout was quick and the price was exactly what was advertised",
            "Ordering took {quick}, start to finish",
            "The sales rep answered all our questions without any pressure",
            "Upgrading to {product} was a couple of clicks",
            "Clear pricing, no hidden extras",
        ],
        [("purchase", 0)] =
        [
            "Easy enough to order, but the plan comparison is confusing",
            "Good price, slow confirmation email",
            "Bought what I needed, the website could be simpler",
        ],
        [("purchase", -1)] =
        [
            "The website kept emptying my basket at checkout",
            "The price on the site and the price on the invoice did not match",
            "The discount code was rejected and support said \"it should work\"",
            "Took {days} days to get a quote",
            "Pushy sales call, I just wanted a price",
        ],
        [("onboarding", 1)] =
        [
            "Setup took us an afternoon, the guides are excellent",
            "Our onboarding manager was brilliant, everything was ready by day two",
            "Importing our data was much easier than expected",
            "The training session was clear and well paced",
        ],
        [("onboarding", 0)] =
        [
            "Setup was OK, some of the documentation is out of date",
            "Took longer than planned, but the result is good",
            "Good training, patchy follow-up",
        ],
        [("onboarding", -1)] =
        [
            "Nobody told us the import only accepts one file at a time",
            "Onboarding took {n} weeks instead of the promised one",
            "The setup wizard crashed twice and lost our settings",
            "We were handed a 40-page PDF and left to it",
        ],
        [("renewal", 1)] =
        [
            "Renewal was painless, and we even got a better price",
            "Our account manager reminded us in good time and explained the options",
            "Renewing took one email",
        ],
        [("renewal", 0)] =
        [
            "Renewal was fine, the price increase less so",
            "Fair terms, slow paperwork",
            "Renewed, but only after comparing {n} other offers",
        ],
        [("renewal", -1)] =
        [
            "The renewal price went up by {pct} without any warning",
            "Auto-renewed even though we asked to cancel",
            "Three emails to find out what our new contract covers",
            "We were told the old price was \"no longer available\" two days before renewal",
        ],
        [("effort", 1)] =
        [
            "Easy to do online, took {quick}",
            "One call and it was done",
            "Everything was in one place, no forms to print",
            "I did not have to repeat myself once",
            "Done in the app in {quick}, no need to call anyone",
            "Clear steps, nothing to chase",
        ],
        [("effort", 0)] =
        [
            "Not hard, but more steps than it needs",
            "Fine once I found the right page",
            "Had to log in twice, otherwise OK",
        ],
        [("effort", -1)] =
        [
            "I had to call {n} times to get this sorted",
            "The form kept rejecting my postcode",
            "Had to send the same documents twice",
            "Why do I need to phone to change an email address?",
            "The help pages sent me round in circles",
            "Far too much effort for something this simple",
        ],
        [("feature", 1)] =
        [
            "{Feature} is fast and does exactly what I need",
            "Love {feature}, it saves me a lot of clicks",
            "{Feature} finally works the way I expected",
            "{Feature} is the reason we picked {product}",
            "Very intuitive, even {feature}",
        ],
        [("feature", 0)] =
        [
            "{Feature} is useful but hard to find",
            "{Feature} is OK, the old version was simpler",
            "{Feature} works, but it is slow with large accounts",
        ],
        [("feature", -1)] =
        [
            "{Feature} crashes whenever I filter by date",
            "Since the last update, {feature} is much slower",
            "{Feature} lost my settings after the update",
            "Could not find {feature} after the redesign",
            "{Feature} shows different numbers from the export",
        ],
        [("release", 1)] =
        [
            "The {release} update is a big improvement",
            "Whatever you changed in the {release} release, keep it",
            "The {release} update made {feature} so much faster",
        ],
        [("release", 0)] =
        [
            "The {release} update is nice, but it moved things around",
            "Getting used to the {release} release, some good, some not",
        ],
        [("release", -1)] =
        [
            "The {release} update broke {feature}",
            "Please roll back the {release} release, {feature} is unusable",
            "Since the {release} update I get \"something went wrong\" every morning",
        ],
        [("employee", 1)] =
        [
            "Great team, and my manager genuinely has my back",
            "Flexible hours make a real difference for my family",
            "I am learning a lot and there is room to grow",
            "Leadership has been open about where the company is heading",
            "The new tools have made my work much easier",
            "People here help each other, no questions asked",
        ],
        [("employee", 0)] =
        [
            "Good people, unclear priorities",
            "I like my job, the processes around it less so",
            "OK place to work, the career path is not clear",
            "Fine, but we are stretched thin in {department}",
        ],
        [("employee", -1)] =
        [
            "Workload has been unsustainable since {month}",
            "Too many meetings, not enough time to do the actual work",
            "Pay has not kept up with the cost of living",
            "Decisions are made without asking the people who do the work",
            "We keep losing good people in {department} and nobody replaces them",
            "The tools we use are slow and break every other week",
            "\"Do more with less\" is not a strategy",
        ],
    };

    private static readonly string[] Waits = ["20 minutes", "35 minutes", "45 minutes", "over an hour", "nearly two hours", "50 minutes"];
    private static readonly string[] Quick = ["five minutes", "ten minutes", "a quarter of an hour", "a couple of minutes", "under 10 minutes"];
    private static readonly string[] Counts = ["two", "three", "four", "five"];
    private static readonly string[] Days = ["3", "4", "5", "7", "10", "12", "14"];
    private static readonly string[] Amounts = ["$49.99", "$120", "$1,250.00", "$310.40", "$89", "$2,400"];
    private static readonly string[] Percents = ["12%", "18%", "25%", "30%", "40%"];
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    private static readonly string[] Features =
        ["the new dashboard", "search", "the reporting module", "bulk export", "the mobile app", "the notification centre", "the calendar view", "the permissions screen"];
    private static readonly string[] NoAgent = ["The agent", "The person I spoke to", "Your colleague", "The support team"];

    private readonly StringBuilder _text = new(256);

    /// <summary>A comment for about 30% of responses (detractors comment more often), otherwise null.</summary>
    public string? Maybe(CommentContext context)
    {
        var chance = context.Sentiment switch { < 0 => 0.46, 0 => 0.20, _ => 0.27 };
        if (context.Survey == "enps")
        {
            chance += 0.05;
        }

        return rng.NextDouble() < chance ? Build(context) : null;
    }

    private string Build(CommentContext c)
    {
        var employee = c.Survey == "enps";
        var (openers, closers) = (c.Sentiment, employee) switch
        {
            (> 0, false) => (PositiveOpeners, PositiveClosers),
            (< 0, false) => (NegativeOpeners, NegativeClosers),
            (0, false) => (MixedOpeners, MixedClosers),
            (> 0, true) => (PositiveOpeners, EmployeePositiveClosers),
            (< 0, true) => (NegativeOpeners, EmployeeNegativeClosers),
            _ => (MixedOpeners, EmployeeMixedClosers),
        };

        var topic = MainTopic(c);
        var parts = new List<string>(4);
        if (!employee && rng.NextDouble() < 0.35)
        {
            parts.Add(Pick(openers));
        }

        var first = Pick(Cores[(topic, c.Sentiment)]);
        parts.Add(Sentence(Fill(first, c)));
        if (rng.NextDouble() < 0.22)
        {
            var second = SecondTopic(c, topic);
            var template = Pick(Cores[(second, c.Sentiment)]);
            var core = Sentence(Fill(template, c));
            if (template != first)
            {
                // "Also, ..." only where the sentence does not start with a name.
                var also = !template.StartsWith('{') && rng.NextDouble() < 0.3;
                parts.Add(also ? "Also, " + LowerFirst(core) : core);
            }
        }

        if (rng.NextDouble() < 0.33)
        {
            var closer = Pick(closers);
            parts.Add(c.Agent is not null && c.Sentiment > 0 && rng.NextDouble() < 0.3 ? $"Thanks, {FirstName(c.Agent)}!" : closer);
        }

        // Now and then a line break, as people type in a survey's text box.
        var lineBreakAt = parts.Count > 1 && rng.NextDouble() < 0.06 ? 1 + rng.Next(parts.Count - 1) : -1;
        _text.Clear();
        for (var i = 0; i < parts.Count; i++)
        {
            if (i > 0)
            {
                _text.Append(i == lineBreakAt ? "\n" : " ");
            }

            _text.Append(parts[i]);
        }

        return _text.ToString();
    }

    private string MainTopic(CommentContext c)
    {
        switch (c.Survey)
        {
            case "enps":
                return "employee";
            case "psat":
                return c.Release is not null && rng.NextDouble() < 0.5 ? "release" : "feature";
            case "ces":
                return rng.NextDouble() < 0.55 || c.Touchpoint is null ? "effort" : c.Touchpoint;
            case "nps":
                return rng.NextDouble() < 0.45 || c.Touchpoint is null ? "general" : c.Touchpoint;
            default:
                return c.Touchpoint is null || rng.NextDouble() < 0.15 ? "general" : c.Touchpoint;
        }
    }

    private static string SecondTopic(CommentContext c, string first) => c.Survey switch
    {
        "enps" => "employee",
        "psat" => "feature",
        _ when first == "general" => c.Touchpoint ?? "general",
        _ => "general",
    };

    private string Fill(string template, CommentContext c)
    {
        if (!template.Contains('{', StringComparison.Ordinal))
        {
            return template;
        }

        var feature = Pick(Features);
        var agent = c.Agent is null ? Pick(NoAgent) : FirstName(c.Agent);
        return template
            .Replace("{agent}", agent, StringComparison.Ordinal)
            .Replace("{wait}", Pick(Waits), StringComparison.Ordinal)
            .Replace("{quick}", Pick(Quick), StringComparison.Ordinal)
            .Replace("{n}", Pick(Counts), StringComparison.Ordinal)
            .Replace("{days}", Pick(Days), StringComparison.Ordinal)
            .Replace("{amount}", Pick(Amounts), StringComparison.Ordinal)
            .Replace("{pct}", Pick(Percents), StringComparison.Ordinal)
            .Replace("{month}", Pick(MonthNames), StringComparison.Ordinal)
            .Replace("{Feature}", UpperFirst(feature), StringComparison.Ordinal)
            .Replace("{feature}", feature, StringComparison.Ordinal)
            .Replace("{product}", UpperFirst(c.Product ?? "plus"), StringComparison.Ordinal)
            .Replace("{via}", Via(c.Channel), StringComparison.Ordinal)
            .Replace("{department}", c.Department ?? "our team", StringComparison.Ordinal)
            .Replace("{release}", c.Release ?? "latest", StringComparison.Ordinal);
    }

    private string Pick(string[] items) => items[rng.Next(items.Length)];

    private static string Via(string? channel) => channel switch
    {
        "phone" => "on the phone",
        "chat" => "in the chat",
        "email" => "by email",
        "web" => "on the website",
        "app" => "in the app",
        "store" => "in the store",
        _ => "online",
    };

    private static string FirstName(string name)
    {
        var space = name.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? name : name[..space];
    }

    private static string Sentence(string text) =>
        text.EndsWith('.') || text.EndsWith('?') || text.EndsWith('!') ? text : text + ".";

    private static string UpperFirst(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string LowerFirst(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && !char.IsUpper(text[1]) && !text.StartsWith("I ", StringComparison.Ordinal)
            ? char.ToLowerInvariant(text[0]) + text[1..]
            : text;
}
