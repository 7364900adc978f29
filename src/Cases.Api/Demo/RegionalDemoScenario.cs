namespace Cases.Api.Demo;

/// <summary>
/// The Pavlodar region's anti-corruption commission, recorded through the HTTP API as its secretariat would: the mobile
/// groups of its three cities and ten districts (formed in September 2017, working from October, with approved
/// schedules), the regional plan of activities for 2018-2020 with the reports of its responsible bodies, and the
/// session of 21 May 2019 chaired by the oblast akim, which heard the heads of the health care and education
/// departments and gave its instructions to the bodies it oversees, each with its term. Its session report states the
/// facts of the second seed document.
/// </summary>
public sealed class RegionalDemoScenario(HttpClient client, Func<string, string> tokenFor) : DemoApi(client, tokenFor)
{
    public const string Organisation = "pavlodar-region";

    /// <summary>The cities and districts the region oversees, as organisations, with the area each mobile group covers.</summary>
    public static readonly (string Organisation, string Area)[] Areas =
    [
        ("pavlodar-city", "Pavlodar"), ("ekibastuz", "Ekibastuz"), ("aksu", "Aksu"), ("aktogay-district", "Aktogay district"),
        ("bayanaul-district", "Bayanaul district"), ("zhelezin-district", "Zhelezin district"), ("irtysh-district", "Irtysh district"),
        ("terenkol-district", "Terenkol district"), ("akkuly-district", "Akkuly district"), ("may-district", "May district"),
        ("pavlodar-district", "Pavlodar district"), ("uspen-district", "Uspen district"), ("sharbakty-district", "Sharbakty district")
    ];

    /// <summary>Where the mobile groups' members come from, as the seed names them.</summary>
    public static readonly string[] Bodies =
    [
        "the local executive body", "the Nur Otan party branch", "the youth initiatives development centre", "the public",
        "the state agencies", "the maslikhat deputies"
    ];

    public static readonly DateOnly SessionDay = new(2019, 5, 21);

    private const string Health = "the regional health care department";
    private const string Education = "the regional education department";
    private const string YouthPolicy = "the regional youth policy department";
    private const string Administrations = "the regional administrations";

    /// <summary>
    /// Loads the scenario into a region with no meeting yet (loading it twice would count everything twice), and
    /// answers the session's meeting id.
    /// </summary>
    public async Task<Guid> LoadAsync(CancellationToken ct)
    {
        if ((await GetAsync("/api/meetings?pageSize=1", ct)).GetProperty("totalItems").GetInt64() > 0)
        {
            throw new InvalidOperationException($"Organisation {Organisation} already has meetings; the demo loads into an empty one.");
        }
        await MobileGroupsAsync(ct);
        await PlanAsync(ct);
        return await SessionAsync(ct);
    }

    private async Task MobileGroupsAsync(CancellationToken ct)
    {
        foreach (var (organisation, area) in Areas)
        {
            var formed = await PostAsync("/api/mobile-groups", new
            {
                name = $"Anti-corruption mobile group of {area}", area, formedOn = "2017-09-15", startsOn = "2017-10-02",
                members = Bodies.Select((body, i) => new
                {
                    fullName = $"{area} member {i + 1}", body, role = i == 0 ? "head" : "member",
                    organisationCode = i == 0 ? organisation : null
                }).ToArray()
            }, Roles.Compliance, ct);
            var id = formed.GetProperty("id").GetGuid();
            var version = (await PostAsync($"/api/mobile-groups/{id}/schedule", new
            {
                expectedVersion = formed.GetProperty("version").GetInt64(), approvedOn = "2017-09-29", approvedBy = "the akim of Pavlodar region",
                visits = new[]
                {
                    new { date = "2017-10-16", place = $"{area} central hospital", topic = "free medicines under the guaranteed volume of care" },
                    new { date = "2017-11-20", place = $"{area} public service centre", topic = "the quality of public services" }
                }
            }, Roles.Compliance, ct)).GetProperty("version").GetInt64();
            foreach (var (visit, day) in new[] { (1, "2017-10-16"), (2, "2017-11-20") })
            {
                version = (await PostAsync($"/api/mobile-groups/{id}/visits", new
                {
                    expectedVersion = version, heldOn = day, plannedVisit = visit, place = visit == 1 ? $"{area} central hospital" : $"{area} public service centre",
                    @checked = visit == 1 ? "the register of free medicines dispensed" : "waiting times and electronic services"
                }, Roles.Compliance, ct)).GetProperty("version").GetInt64();
            }
        }
    }

    /// <summary>
    /// The plan's four items as they stood at the session: the akims' reports of 2018 (two districts missing), the
    /// procurement decisions published each half-year, electronic queues in polyclinics by the end of 2018, and
    /// students and NGOs on the commissions of educational institutions in the first quarter of 2019 (the youth policy
    /// department only partly).
    /// </summary>
    private async Task PlanAsync(CancellationToken ct)
    {
        var akimats = Areas.Select(a => new { body = $"the akimat of {a.Area}", organisation = a.Organisation }).ToArray();
        var plan = await PostAsync("/api/action-plans", new
        {
            title = "the regional plan of activities for 2018-2020", approvedBy = "the akim of Pavlodar region", approvedOn = "2018-01-15",
            implements = "the Anti-Corruption Strategy of the Republic of Kazakhstan for 2015-2025", firstYear = 2018, lastYear = 2020,
            items = new object[]
            {
                new { text = "Hear the akims of cities and districts on their anti-corruption work", responsible = akimats, term = new { kind = "year", year = 2018 },
                      indicator = "Reports heard at the akimat's meeting" },
                new { text = "Publish the decisions on public procurement", responsible = new[] { new { body = "the regional finance department" } },
                      term = new { kind = "ongoing", reporting = "half-yearly" }, indicator = "Decisions published on the website" },
                new { text = "Introduce electronic queues in polyclinics", responsible = new[] { new { body = Health } },
                      term = new { kind = "half-year", year = 2018, part = 2 }, indicator = "Polyclinics with an electronic queue" },
                new { text = "Include students and NGOs in the anti-corruption commissions of educational institutions",
                      responsible = new[] { new { body = Education }, new { body = YouthPolicy } },
                      term = new { kind = "quarter", year = 2019, part = 1 }, indicator = "Commissions with students and NGOs" }
            }
        }, Roles.Compliance, ct);
        var id = plan.GetProperty("id").GetGuid();
        foreach (var akimat in akimats.SkipLast(2))
        {
            await ReportAsync(id, 1, akimat.body, akimat.organisation, "executed", "2018-12-14", ct);
        }
        await ReportAsync(id, 2, "the regional finance department", null, "executed", "2018-06-29", ct);
        await ReportAsync(id, 2, "the regional finance department", null, "executed", "2018-12-28", ct);
        await ReportAsync(id, 3, Health, null, "executed", "2018-12-20", ct);
        await ReportAsync(id, 4, Education, null, "executed", "2019-03-25", ct);
        await ReportAsync(id, 4, YouthPolicy, null, "partially-executed", "2019-03-29", ct);
    }

    /// <summary>A body's report; on the ongoing item, it covers the half-year it is dated in.</summary>
    private Task ReportAsync(Guid planId, int item, string body, string? organisation, string progress, string reportedOn, CancellationToken ct) =>
        AtCurrentVersionAsync($"/api/action-plans/{planId}", $"items/{item}/reports", Roles.Compliance,
            new { body, organisation, progress, report = "Reported to the commission's secretariat", reportedOn }, ct);

    private async Task<Guid> SessionAsync(CancellationToken ct)
    {
        var created = await PostAsync("/api/commissions", new
        {
            name = "the regional anti-corruption commission", kind = "anti-corruption", establishedOn = "2016-02-01"
        }, Roles.Secretary, ct);
        var commissionId = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt64();
        var members = new[]
        {
            ("R-01", "B.Zh. Bakauov", "chair", "the oblast akim"), ("R-02", "Member R-02", "deputy-chair", null), ("R-03", "Member R-03", "member", null),
            ("R-04", "Member R-04", "member", null), ("R-05", "Member R-05", "member", null), ("R-SEC", "Secretary R-SEC", "secretary", null)
        };
        foreach (var (number, fullName, role, position) in members)
        {
            version = (await PostAsync($"/api/commissions/{commissionId}/appointments", new
            {
                expectedVersion = version, personnelNumber = number, fullName, role, from = "2016-02-01", position
            }, Roles.Secretary, ct)).GetProperty("version").GetInt64();
        }
        var voters = members.Where(m => m.Item3 != "secretary").Select(m => m.Item1).ToArray();

        var instructions = new (string Question, string Text, object Term, object[] Addressees, bool AllOverseen, object? Heard)[]
        {
            ("The state of work on eliminating corruption risks in health care", "strengthen control over the provision of medicines to citizens within " +
             "the guaranteed volume of free medical care and the introduction of digitalisation by medical institutions",
             Ongoing, [Unit(Health)], false,
             new { fullName = "O. Mukashev", position = "the head", body = Health, subject = "the state of work on eliminating corruption risks and " +
                 "improving the quality of public services, and the measures taken to form a general rejection of corruption (the project Ertis – Adaldyk Alany)" }),
            ("The state of anti-corruption work in education", "ensure the transparency and relevance of the work of the anti-corruption commissions " +
             "in educational institutions, including by including representatives of students and NGOs in them",
             Ongoing, [Unit(Education), Unit(YouthPolicy)], false,
             new { fullName = "D. Bolathanuly", position = "the head", body = "the education department of the region", subject = "the state of anti-corruption work in education" }),
            ("Anti-corruption culture among students", "strengthen the work on forming an anti-corruption culture among students and youth",
             Ongoing, [Unit(Education), Unit(YouthPolicy)], false, null),
            ("Reports of akims on health issues", "hear reports of the akims of cities and districts of the region on health issues",
             new { kind = "half-year", year = 2019, part = 1 }, [Unit(Administrations)], true, null),
            ("Transparency of decisions", "ensure the transparency of decisions, including in the field of public procurement",
             Ongoing, [Unit(Administrations)], true, null),
            ("Regions free from corruption", "intensify work aimed at the implementation of the project Regions free from corruption",
             Ongoing, [Unit(Administrations)], true, null),
            ("Quality of public services", "take control over the quality of public services and their provision in electronic format",
             Ongoing, [Unit(Administrations)], true, null),
            ("The regional plan of activities", "continue work on the implementation of the regional plan of activities for 2018-2020 and " +
             "counteracting the shadow economy", new { kind = "year", year = 2019 }, [Unit(Administrations)], true, null)
        };

        var scheduled = await PostAsync("/api/meetings", new
        {
            commissionId, scheduledFor = new DateTimeOffset(SessionDay.ToDateTime(new TimeOnly(15, 0)), TimeSpan.FromHours(6)), place = "The oblast akimat",
            agenda = instructions.Select(i => new { question = i.Question }).ToArray()
        }, Roles.Secretary, ct);
        var id = scheduled.GetProperty("id").GetGuid();
        var meetingVersion = (await PostAsync($"/api/meetings/{id}/attendance", new { expectedVersion = 1, present = voters }, Roles.Secretary, ct))
            .GetProperty("version").GetInt64();
        meetingVersion = (await PostAsync($"/api/meetings/{id}/opening", new { expectedVersion = meetingVersion, heldOn = SessionDay }, Roles.Secretary, ct))
            .GetProperty("version").GetInt64();
        for (var item = 1; item <= instructions.Length; item++)
        {
            var instruction = instructions[item - 1];
            if (instruction.Heard is { } heard)
            {
                var fields = System.Text.Json.JsonSerializer.SerializeToElement(heard).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
                fields["expectedVersion"] = meetingVersion;
                fields["itemNumber"] = item;
                meetingVersion = (await PostAsync($"/api/meetings/{id}/hearings", fields, Roles.Secretary, ct)).GetProperty("version").GetInt64();
            }
            meetingVersion = (await PostAsync($"/api/meetings/{id}/votes", new
            {
                expectedVersion = meetingVersion, itemNumber = item, votes = voters.Select(v => new { personnelNumber = v, vote = "for" }).ToArray()
            }, Roles.Secretary, ct)).GetProperty("version").GetInt64();
            meetingVersion = (await PostAsync($"/api/meetings/{id}/resolutions", new
            {
                expectedVersion = meetingVersion, itemNumber = item, kind = "instruction", text = instruction.Text,
                executor = instruction.Addressees[0], term = instruction.Term, addressees = instruction.Addressees, allOverseen = instruction.AllOverseen
            }, Roles.Secretary, ct)).GetProperty("version").GetInt64();
        }
        await PostAsync($"/api/meetings/{id}/signature", new { expectedVersion = meetingVersion, signedOn = SessionDay }, Roles.Secretary, ct);
        return id;
    }

    private static readonly object Ongoing = new { kind = "ongoing", reporting = "half-yearly" };

    private static object Unit(string name) => new { kind = "unit", name };
}
