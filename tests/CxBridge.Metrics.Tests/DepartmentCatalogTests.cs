using CxBridge.Metrics;

namespace CxBridge.Metrics.Tests;

public class DepartmentCatalogTests
{
    // The docs/departments.md table, cells copied verbatim (exact oracle): code | CX metrics | KPIs | pairs.
    // The executive row's metrics cell ("the North Star (default nps) and every metric's headline") is checked separately.
    public static TheoryData<string, string, string, string> Table() => new()
    {
        {
            "marketing", "nps, referral_rate, retention_rate, churn_rate",
            "new_customers: count, up; marketing_qualified_leads: count, up; customer_acquisition_cost: currency, down",
            "referral_rate → churn_rate (−); nps → referral_rate (+); nps → new_customers (+)"
        },
        {
            "finance", "nps, ces, clv, churn_rate",
            "revenue: currency, up; cost_to_serve: currency per customer, down; contact_volume: contacts, down; self_service_rate: %, up",
            "nps → revenue (+); ces → contact_volume (−); ces → cost_to_serve (−); churn_rate → revenue (−)"
        },
        {
            "operations", "nps, resolution_time, ces",
            "feature_lead_time: days, down; time_to_close: days, down; products_per_customer: count, up",
            "feature_lead_time → nps (−); time_to_close → nps (−); resolution_time → ces (−)"
        },
        {
            "technology", "csat, ces",
            "page_load_time: seconds, down; app_crash_rate: %, down; complaints: count, down",
            "page_load_time → csat (−); app_crash_rate → ces (−); csat → complaints (−)"
        },
        {
            "sales", "nps, csat, referral_rate",
            "new_customers: count, up; cross_sell_rate: %, up; upsell_rate: %, up; revenue_per_customer: currency, up",
            "nps → cross_sell_rate (+); csat → upsell_rate (+); nps → revenue_per_customer (+)"
        },
        {
            "product", "ces, psat, nps",
            "feature_adoption: %, up; active_users: count, up; releases: count, neutral",
            "ces → feature_adoption (+); psat → active_users (+); releases → ces (+)"
        },
        {
            "service", "fcr, frt, resolution_time, escalation_rate, csat, ces",
            "cost_per_contact: currency, down; contact_volume: contacts, down",
            "fcr → csat (+); frt → csat (−); fcr → cost_per_contact (−); escalation_rate → cost_per_contact (+)"
        },
        {
            "success", "retention_rate, churn_rate, nps, clv",
            "renewal_rate: %, up; expansion_revenue: currency, up; health_score: points, up",
            "nps → renewal_rate (+); nps → churn_rate (−); retention_rate → expansion_revenue (+)"
        },
        {
            "hr", "enps, csat, ces",
            "employee_turnover: %, down; engagement_index: points, up; training_hours: hours, up",
            "enps → nps (+); employee_turnover → csat (−); training_hours → fcr (+)"
        },
        {
            "executive", "",
            "revenue: currency, up; profit: currency, up",
            "north star → revenue (+); churn_rate → revenue (−)"
        },
    };

    [Fact]
    public void Codes_TenDepartmentsOfDepartmentsMd()
    {
        // docs/departments.md "Department codes"; exact, in that order.
        DepartmentCatalog.Codes.Should().Equal(
            "marketing", "finance", "operations", "technology", "sales", "product", "service", "success", "hr", "executive");
        DepartmentCatalog.All.Select(d => d.Code).Should().Equal(DepartmentCatalog.Codes);
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Find_Department_MatchesDepartmentsMdRow(string code, string metrics, string kpis, string pairs)
    {
        var department = DepartmentCatalog.Find(code);

        department.Should().NotBeNull(because: $"input {code}");
        if (metrics.Length > 0)
        {
            department!.Metrics.Should().Equal(metrics.Split(", "), because: $"input {code}: expected {metrics}, actual {string.Join(", ", department.Metrics)}");
        }

        var expectedKpis = kpis.Split("; ").Select(ParseKpi).ToList();
        department!.Kpis.Select(k => (k.Code, k.Unit, k.Direction)).Should().Equal(expectedKpis,
            because: $"input {code}: expected {kpis}, actual {string.Join("; ", department.Kpis.Select(k => $"{k.Code}: {k.Unit}, {k.Direction}"))}");

        var expectedPairs = pairs.Split("; ").Select(ParsePair).ToList();
        department.Pairs.Should().Equal(expectedPairs,
            because: $"input {code}: expected {pairs}, actual {string.Join("; ", department.Pairs)}");
    }

    [Fact]
    public void Find_Finance_CesToContactVolumeNegative()
    {
        DepartmentCatalog.Find("finance")!.Pairs.Should().Contain(new LinkagePair("ces", "contact_volume", -1));
    }

    [Fact]
    public void Find_Executive_NorthStarPairAndEveryMetric()
    {
        var executive = DepartmentCatalog.Find("executive")!;

        executive.Pairs.Should().Contain(new LinkagePair("north_star", "revenue", +1));
        DepartmentCatalog.NorthStar.Should().Be("north_star");
        DepartmentCatalog.DefaultNorthStar.Should().Be("nps");
        executive.Metrics.Should().Equal(MetricCatalog.All.Select(d => d.Code));
    }

    [Fact]
    public void All_MetricCodes_InMetricCatalog()
    {
        foreach (var department in DepartmentCatalog.All)
        {
            department.Metrics.Should().OnlyContain(code => MetricCatalog.Find(code) != null,
                because: $"input {department.Code}: {string.Join(", ", department.Metrics)}");
        }
    }

    [Fact]
    public void All_PairSides_MetricKpiOrNorthStar()
    {
        foreach (var department in DepartmentCatalog.All)
        {
            var kpis = department.Kpis.Select(k => k.Code).ToHashSet();
            foreach (var pair in department.Pairs)
            {
                foreach (var side in new[] { pair.Driver, pair.Outcome })
                {
                    (MetricCatalog.Find(side) != null || kpis.Contains(side) || side == DepartmentCatalog.NorthStar)
                        .Should().BeTrue(because: $"input {department.Code} pair {pair}: '{side}' is neither a metric nor a KPI of the department");
                }

                pair.ExpectedSign.Should().BeOneOf([-1, 1], because: $"input {department.Code} pair {pair}");
            }
        }
    }

    [Fact]
    public void All_NamesQuestionsAndUniqueKpis()
    {
        foreach (var department in DepartmentCatalog.All)
        {
            department.Name.Should().NotBeNullOrWhiteSpace(because: $"input {department.Code}");
            department.Question.Should().NotBeNullOrWhiteSpace(because: $"input {department.Code}");
            department.Kpis.Select(k => k.Code).Should().OnlyHaveUniqueItems(because: $"input {department.Code}");
            department.Kpis.Should().OnlyContain(k => !string.IsNullOrWhiteSpace(k.Name), because: $"input {department.Code}");
        }
    }

    [Theory]
    [InlineData(" Finance ", "finance")]
    [InlineData("HR", "hr")]
    public void Find_CaseAndSpace_Ignored(string input, string expected)
    {
        DepartmentCatalog.Find(input)!.Code.Should().Be(expected, because: $"input '{input}'");
    }

    [Theory]
    [InlineData("legal")]
    [InlineData("")]
    public void Find_UnknownCode_Null(string code)
    {
        DepartmentCatalog.Find(code).Should().BeNull(because: $"input '{code}'");
    }

    private static (string Code, string Unit, Direction Direction) ParseKpi(string cell)
    {
        // "code: unit, direction" — the unit may itself contain spaces ("currency per customer").
        var colon = cell.IndexOf(':');
        var lastComma = cell.LastIndexOf(',');
        var direction = cell[(lastComma + 1)..].Trim() switch
        {
            "up" => Direction.Up,
            "down" => Direction.Down,
            "neutral" => Direction.Neutral,
            var other => throw new FormatException($"Unknown direction '{other}' in '{cell}'."),
        };
        return (cell[..colon], cell[(colon + 1)..lastComma].Trim(), direction);
    }

    private static LinkagePair ParsePair(string cell)
    {
        // "driver → outcome (±)"; "north star" is the code north_star.
        var arrow = cell.Split(" → ");
        var outcome = arrow[1][..arrow[1].IndexOf(" (", StringComparison.Ordinal)];
        var sign = arrow[1].EndsWith("(+)", StringComparison.Ordinal) ? 1 : arrow[1].EndsWith("(−)", StringComparison.Ordinal) ? -1 : 0;
        return new LinkagePair(arrow[0].Replace("north star", DepartmentCatalog.NorthStar, StringComparison.Ordinal), outcome, sign);
    }
}
