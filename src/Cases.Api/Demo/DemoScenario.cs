using System.Text.Json;

namespace Cases.Api.Demo;

/// <summary>
/// January to October 2021 at the National Research Oncology Center, recorded through the HTTP API as its staff
/// would: seven appeals about medical care heard at five meetings of the commission on appeals (thirty protocol
/// decisions, twenty-seven executed by their due date), and eight disciplinary offences heard at four meetings of the
/// disciplinary commission and sanctioned by HR. Around them, the compliance service's programme: social networks, the
/// website and the media monitored with nothing found, 200-250 calls a day to the call-centre and none to the compliance
/// phone, public procurement monitored with no violation, and a risk analysis that found no causes or conditions of
/// corruption. Its narrative report states the figures of the seed document.
/// </summary>
public sealed class DemoScenario(HttpClient client, Func<string, string> tokenFor) : DemoApi(client, tokenFor)
{
    public const string Organisation = "nroc";

    private static readonly string[] Voters = ["C-01", "C-02", "C-03", "C-04", "C-05"];

    private Guid _appealsCommission;

    /// <summary>Loads the scenario into an organisation that has no case yet: loading it twice would count everything twice.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        if ((await GetAsync("/api/cases?pageSize=1", ct)).GetProperty("totalItems").GetInt64() > 0)
        {
            throw new InvalidOperationException($"Organisation {Organisation} already has cases; the demo loads into an empty one.");
        }

        var appeals = new List<Guid>();
        var received = new[] { "2021-01-18", "2021-03-02", "2021-03-29", "2021-05-11", "2021-07-06", "2021-08-10", "2021-09-21" };
        var channels = new[] { "call-centre", "website", "written", "social-media", "call-centre", "hotline", "website" };
        for (var i = 0; i < received.Length; i++) appeals.Add(await AppealAsync(received[i], channels[i], ct));

        var appealsCommission = _appealsCommission = await CommissionAsync("Commission on appeals", "other", "C", ct);
        var meetingDays = new[] { "2021-02-10", "2021-04-14", "2021-06-16", "2021-08-25", "2021-10-06" };
        var agendaCases = new[] { new[] { appeals[0] }, [appeals[1], appeals[2]], [appeals[3]], [appeals[4], appeals[5]], [appeals[6]] };
        var late = 0;
        for (var m = 0; m < meetingDays.Length; m++)
        {
            var day = DateOnly.Parse(meetingDays[m]);
            var questions = agendaCases[m].Select(c => (object)new { caseId = c })
                .Concat(Enumerable.Range(1, 6 - agendaCases[m].Length).Select(q => (object)new { question = $"Compliance service report, part {q}" }))
                .ToArray();
            var decisions = await MeetingAsync(appealsCommission, day, questions, "instruction", day.AddDays(14), ct);
            foreach (var decision in decisions)
            {
                // Three of the thirty are reported done two days after their due date; the others two days before.
                var onTime = late >= 3 || decisions.IndexOf(decision) != 0 || m > 2;
                if (!onTime) late++;
                await ReportExecutedAsync(decision.Id, decision.DueDate.AddDays(onTime ? -2 : 2), ct);
            }
        }

        var disciplinary = await CommissionAsync("Disciplinary commission", "disciplinary", "D", ct);
        var types = new[] { "remark", "remark", "reprimand", "remark", "severe-reprimand", "reprimand", "remark", "reprimand" };
        var disciplinaryDays = new[] { "2021-03-17", "2021-05-19", "2021-07-14", "2021-09-15" };
        for (var m = 0; m < disciplinaryDays.Length; m++)
        {
            var day = DateOnly.Parse(disciplinaryDays[m]);
            var offences = new List<(Guid Case, string Employee)>();
            for (var k = 0; k < 2; k++)
            {
                var employee = $"E-{2000 + m * 2 + k}";
                offences.Add((await OffenceAsync(employee, day.AddDays(-20), ct), employee));
            }
            var decisions = await MeetingAsync(disciplinary, day, offences.Select(o => (object)new { caseId = o.Case }).ToArray(), "sanction-recommendation",
                day.AddDays(14), ct);
            for (var k = 0; k < offences.Count; k++)
            {
                await SanctionAsync(offences[k].Employee, offences[k].Case, decisions[k].Id, types[m * 2 + k], day.AddDays(1), day.AddDays(-20), ct);
                await ReportExecutedAsync(decisions[k].Id, day.AddDays(1), ct);
            }
        }

        await ProgrammeAsync(ct);
    }

    public static readonly DateOnly First = new(2021, 1, 1);
    public static readonly DateOnly Last = new(2021, 10, 31);

    /// <summary>Calls to the call-centre on a day: 200 to 250, every value of that range taken in the ten months.</summary>
    public static int CallsOn(DateOnly day) => 200 + day.DayNumber * 37 % 51;

    private async Task ProgrammeAsync(CancellationToken ct)
    {
        foreach (var (kind, sources, items) in new[]
                 {
                     ("social-networks", new[] { "Facebook", "Instagram", "VKontakte" }, 1_240),
                     ("own-website", ["nroc.kz"], 310),
                     ("media", ["Kazinform", "Tengrinews", "Zakon.kz"], 520)
                 })
        {
            await PostAsync("/api/monitoring/rounds", new { kind, from = First, to = Last, sources, itemsReviewed = items }, Roles.Compliance, ct);
        }
        await PostAsync("/api/monitoring/rounds", new
        {
            kind = "public-procurement", from = First, to = Last, sources = new[] { "goszakup.gov.kz" }, itemsReviewed = 186,
            procurement = new { @checked = 186, violations = 0, affectingResult = 0 }
        }, Roles.Compliance, ct);

        await EnsureAsync(await SendAsync(HttpMethod.Put, "/api/call-lines/call-centre", new { name = "Call-centre", kind = "call-centre" }, Roles.Compliance, ct), ct);
        await EnsureAsync(await SendAsync(HttpMethod.Put, "/api/call-lines/compliance", new { name = "Compliance service", kind = "compliance-phone" }, Roles.Compliance, ct), ct);
        // A month of the telephony export at a time, as the compliance service loads it.
        for (var month = First; month <= Last; month = month.AddMonths(1))
        {
            var csv = new System.Text.StringBuilder("date,time,duration,topic,about_corruption\n");
            for (var day = month; day.Month == month.Month; day = day.AddDays(1))
            {
                var calls = CallsOn(day);
                for (var i = 0; i < calls; i++)
                {
                    csv.Append($"{day:yyyy-MM-dd},{8 + i * 10 / calls:00}:{i * 600 / calls % 60:00},{60 + i % 240},{(i % 3 == 0 ? "Appointment" : "Test results")},false\n");
                }
            }
            await EnsureAsync(await SendAsync(HttpMethod.Post, $"/api/call-lines/call-centre/months/{month:yyyy-MM}/calls",
                new StringContent(csv.ToString(), System.Text.Encoding.UTF8, "text/csv"), Roles.Compliance, ct), ct);
        }

        var analysis = await PostAsync("/api/risk-analyses", new
        {
            title = "Internal analysis of corruption risks, 2021", periodFrom = First, periodTo = Last, startedOn = "2021-10-01",
            workingGroup = new[] { new { name = "K. Satybayev", position = "First Deputy Chairman of the Board" } }
        }, Roles.Compliance, ct);
        await PostAsync($"/api/risk-analyses/{analysis.GetProperty("id").GetGuid()}/approval", new
        {
            expectedVersion = analysis.GetProperty("version").GetInt64(), approvedOn = "2021-10-29", approvedBy = "Chairman of the Board", noRisksFound = true
        }, Roles.Compliance, ct);
    }

    private async Task<Guid> AppealAsync(string receivedOn, string channel, CancellationToken ct)
    {
        var created = await PostAsync("/api/cases", new
        {
            channel, category = "medical-care", subjects = new[] { "E-1042" }, receivedOn,
            summary = "A patient's complaint about the provision of medical care",
            complainant = new { anonymous = false, name = "A patient" }
        }, Roles.Registrar, ct);
        var id = created.GetProperty("id").GetGuid();
        var day = DateOnly.Parse(receivedOn);
        var version = await CaseStepAsync(id, "acknowledgement", 1, new { acknowledgedOn = day }, ct);
        version = await CaseStepAsync(id, "assignment", version, new { investigator = "compliance.officer", assignedOn = day }, ct);
        await CaseStepAsync(id, "referral", version, new { commission = "Commission on appeals", referredOn = day.AddDays(3) }, ct);
        return id;
    }

    private async Task<Guid> OffenceAsync(string employee, DateOnly receivedOn, CancellationToken ct)
    {
        var created = await PostAsync("/api/cases", new
        {
            channel = "internal", category = "labour-discipline", subjects = new[] { employee }, receivedOn,
            summary = "Late for shifts three times in a month"
        }, Roles.Investigator, ct);
        var id = created.GetProperty("id").GetGuid();
        var version = await CaseStepAsync(id, "acknowledgement", 1, new { acknowledgedOn = receivedOn }, ct);
        version = await CaseStepAsync(id, "assignment", version, new { investigator = "hr.inspector", assignedOn = receivedOn }, ct);
        version = await CaseStepAsync(id, "explanation-requests", version, new { personnelNumber = employee, requestedOn = receivedOn.AddDays(1) }, ct);
        version = await CaseStepAsync(id, "explanations", version, new { personnelNumber = employee, text = "Transport problems", recordedOn = receivedOn.AddDays(2) }, ct);
        version = await CaseStepAsync(id, "finding", version, new
        {
            violationFound = true, employeesAtFault = new[] { employee }, ethicsArticlesViolated = Array.Empty<string>(), corruptionRelated = false,
            summary = "Breach of labour discipline", foundOn = receivedOn.AddDays(5)
        }, ct);
        await CaseStepAsync(id, "referral", version, new { commission = "Disciplinary commission", referredOn = receivedOn.AddDays(6) }, ct);
        return id;
    }

    private async Task<long> CaseStepAsync(Guid caseId, string action, long version, object body, CancellationToken ct)
    {
        var fields = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
        fields["expectedVersion"] = version;
        return (await PostAsync($"/api/cases/{caseId}/{action}", fields, Roles.Investigator, ct)).GetProperty("version").GetInt64();
    }

    private async Task<Guid> CommissionAsync(string name, string kind, string prefix, CancellationToken ct)
    {
        var created = await PostAsync("/api/commissions", new { name, kind, establishedOn = "2021-01-04" }, Roles.Secretary, ct);
        var id = created.GetProperty("id").GetGuid();
        var version = created.GetProperty("version").GetInt64();
        for (var i = 0; i < Voters.Length; i++)
        {
            version = await AppointAsync(id, version, $"{prefix}{Voters[i]}", i == 0 ? "chair" : "member", ct);
        }
        await AppointAsync(id, version, $"{prefix}-SEC", "secretary", ct);
        return id;
    }

    private async Task<long> AppointAsync(Guid commissionId, long version, string personnelNumber, string role, CancellationToken ct) =>
        (await PostAsync($"/api/commissions/{commissionId}/appointments", new
        {
            expectedVersion = version, personnelNumber, fullName = $"Member {personnelNumber}", role, from = "2021-01-04"
        }, Roles.Secretary, ct)).GetProperty("version").GetInt64();

    private sealed record Adopted(Guid Id, DateOnly DueDate);

    /// <summary>
    /// A decision of the commission on appeals due today, adopted at a meeting today, so that the service's next look
    /// for reminders tells the secretary of it (after <see cref="LoadAsync"/>).
    /// </summary>
    public async Task<Guid> DecisionDueTodayAsync(DateOnly today, CancellationToken ct) =>
        (await MeetingAsync(_appealsCommission, today, [new { question = "Publishing the commission's annual report" }], "instruction", today, ct))[0].Id;

    /// <summary>A meeting with all voting members present that adopts every item unanimously, each due on <paramref name="dueDate"/>.</summary>
    private async Task<List<Adopted>> MeetingAsync(Guid commissionId, DateOnly day, object[] agenda, string kind, DateOnly dueDate, CancellationToken ct)
    {
        var commission = await GetAsync($"/api/commissions/{commissionId}", ct);
        var voters = commission.GetProperty("members").EnumerateArray().Where(m => m.GetProperty("role").GetString() != "secretary")
            .Select(m => m.GetProperty("personnelNumber").GetString()!).ToArray();
        var scheduled = await PostAsync("/api/meetings", new
        {
            commissionId, scheduledFor = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(6)), place = "Assembly hall", agenda
        }, Roles.Secretary, ct);
        var id = scheduled.GetProperty("id").GetGuid();
        var version = (await PostAsync($"/api/meetings/{id}/attendance", new { expectedVersion = 1, present = voters }, Roles.Secretary, ct)).GetProperty("version").GetInt64();
        version = (await PostAsync($"/api/meetings/{id}/opening", new { expectedVersion = version, heldOn = day }, Roles.Secretary, ct)).GetProperty("version").GetInt64();
        var adopted = new List<Adopted>();
        for (var item = 1; item <= agenda.Length; item++)
        {
            version = (await PostAsync($"/api/meetings/{id}/votes", new
            {
                expectedVersion = version, itemNumber = item, votes = voters.Select(v => new { personnelNumber = v, vote = "for" }).ToArray()
            }, Roles.Secretary, ct)).GetProperty("version").GetInt64();
            var resolved = await PostAsync($"/api/meetings/{id}/resolutions", new
            {
                expectedVersion = version, itemNumber = item, kind, text = "Take the measures set out in the minutes",
                executor = new { kind = "unit", name = "Compliance service" }, dueDate
            }, Roles.Secretary, ct);
            version = resolved.GetProperty("version").GetInt64();
            adopted.Add(new Adopted(resolved.GetProperty("decisionId").GetGuid(), dueDate));
        }
        await PostAsync($"/api/meetings/{id}/signature", new { expectedVersion = version, signedOn = day }, Roles.Secretary, ct);
        return adopted;
    }

    private Task ReportExecutedAsync(Guid decisionId, DateOnly on, CancellationToken ct) =>
        AtCurrentVersionAsync($"/api/decisions/{decisionId}", "execution-reports", Roles.Secretary,
            new { progress = "executed", report = "Done as instructed", evidence = new[] { "Internal memo" }, reportedOn = on }, ct);

    private async Task SanctionAsync(string employee, Guid caseId, Guid decisionId, string type, DateOnly orderDate, DateOnly committed, CancellationToken ct)
    {
        var imposed = await PostAsync("/api/sanctions", new
        {
            personnelNumber = employee, caseId, decisionId, type, orderNumber = $"{orderDate:MMdd}-K", orderDate,
            offenceCommittedOn = committed, offenceDiscoveredOn = committed.AddDays(1)
        }, Roles.Hr, ct);
        await AtCurrentVersionAsync($"/api/sanctions/{imposed.GetProperty("id").GetGuid()}", "announcement", Roles.Hr,
            new { announcedOn = orderDate.AddDays(1) }, ct);
    }
}
