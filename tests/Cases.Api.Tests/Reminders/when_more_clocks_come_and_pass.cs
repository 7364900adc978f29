using Cases.Api.ActionPlans;
using Cases.Api.Deadlines;
using Cases.Api.Infrastructure;
using Cases.Api.Reminders;
using Cases.Api.Retention;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain;
using Cases.Domain.Reminders;
using Cases.Domain.Retention;
using Cases.Projections.Deadlines;

namespace Cases.Api.Tests.Reminders;

/// <summary>
/// The clocks watched beyond the facts' own deadlines: the act of refusal after an explanation not given, each body's
/// action plan items, and closed cases due for archival; and a labour-law clock moved by a fact entered late. A case's
/// clocks go to its assigned investigator by name; nobody of HR, the compliance service or the data protection officer
/// is named in the settings, so their reminders go to the role; the secretary is named (Russian).
/// </summary>
[Collection(ReminderApiCollection.Name)]
public class when_more_clocks_come_and_pass(ReminderApiApp app) : MeetingApiTests<ReminderApiApp>(app)
{
    private string Compliance => App.Token(Org, Roles.Compliance);
    private string Dpo => App.Token(Org, Roles.DataProtection);
    private string Hr => App.Token(Org, Roles.Hr);
    private string SecretaryUserToken => App.UserToken(Org, ReminderApiApp.SecretaryUser, Roles.Secretary);

    /// <summary>The investigator the tests' cases are assigned to (<c>CaseAtAsync</c>).</summary>
    private string AssignedInvestigator => App.UserToken(Org, "d.sultanova", Roles.Investigator);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Mailbox.Received.Clear();
    }

    private async Task CheckOnAsync(DateOnly day)
    {
        App.Clock.Now = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        await App.CheckRemindersAsync(Org);
    }

    private Task CheckOnAsync(int year, int month, int day) => CheckOnAsync(new DateOnly(year, month, day));

    private async Task<IReadOnlyList<ReminderRead>> RemindersAsync(string token, Guid streamId, string kind) =>
        (await GetAsync<ReminderRead[]>("/api/me/reminders", token)).Where(r => r.StreamId == streamId && r.Kind == kind).ToArray();

    private async Task<long> SentAsync(Guid streamId, string kind) =>
        (long)(await App.ScalarAsync(
            $"select count(*) from {App.Schema}.mt_events where type = 'reminder_sent' and data->>'streamId' = '{streamId}' and data->>'kind' = '{kind}'"))!;

    [Fact]
    public async Task an_explanation_not_given_calls_for_the_act_of_refusal_the_next_working_day_and_its_escalation_after()
    {
        var (caseId, version) = await CaseAtAsync(CaseStep.Assigned);
        // Requested on Wednesday 17 November: the explanation is due on Friday 19, the act of refusal on Monday 22.
        App.Clock.Now = new DateTimeOffset(2021, 11, 17, 9, 0, 0, TimeSpan.Zero);
        version = (await CommandAsync(caseId, "explanation-requests", new { expectedVersion = version, personnelNumber = CaseSubject, requestedOn = "2021-11-17" }))
            .Version;

        await CheckOnAsync(2021, 11, 19);
        (await RemindersAsync(AssignedInvestigator, caseId, "act-of-refusal")).ShouldBeEmpty();
        (await GetAsync<DueItem[]>("/api/deadlines?kind=act-of-refusal", Investigator)).ShouldBeEmpty();

        // Saturday: the explanation's day is over, the act is due on Monday; nothing is reminded on a day before it.
        await CheckOnAsync(2021, 11, 20);
        var due = (await GetAsync<DueItem[]>("/api/deadlines?kind=act-of-refusal", Investigator)).ShouldHaveSingleItem();
        due.ShouldSatisfyAllConditions(
            () => due.DueOn.ShouldBe(new DateOnly(2021, 11, 22)),
            () => due.StartsOn.ShouldBe(new DateOnly(2021, 11, 20)),
            () => due.PersonnelNumber.ShouldBe(CaseSubject));
        (await RemindersAsync(AssignedInvestigator, caseId, "act-of-refusal")).ShouldBeEmpty();

        await CheckOnAsync(2021, 11, 22);
        // The case's own investigator is told, by name; another investigator is not.
        var onTheDay = (await RemindersAsync(AssignedInvestigator, caseId, "act-of-refusal")).ShouldHaveSingleItem();
        (onTheDay.Step, onTheDay.Personal).ShouldBe((ReminderStep.OnTheDay, true));
        (await RemindersAsync(Investigator, caseId, "act-of-refusal")).ShouldBeEmpty();
        await CheckOnAsync(2021, 11, 23);
        await CheckOnAsync(2021, 11, 23);
        (await RemindersAsync(SecretaryUserToken, caseId, "act-of-refusal")).ShouldHaveSingleItem().Step.ShouldBe(ReminderStep.Escalation);
        await CasesApp.UntilAsync(() => Task.FromResult(App.Mailbox.To(ReminderApiApp.EmailOf(ReminderApiApp.SecretaryUser))
            .Any(m => m.Subject?.Contains("акт об отказе") == true)), "the secretary's mail of the act of refusal");

        // The act drawn up closes the clock: nothing more is sent of it.
        await CommandAsync(caseId, "explanations", new { expectedVersion = version, personnelNumber = CaseSubject, refusalWitnesses = new[] { "A", "B" }, recordedOn = "2021-11-23" });
        await CheckOnAsync(2021, 11, 24);
        (await SentAsync(caseId, "act-of-refusal")).ShouldBe(2);
        (await GetAsync<DueItem[]>("/api/deadlines?kind=act-of-refusal", Investigator)).ShouldBeEmpty();
    }

    private static object Body(string body, string? organisation = null) => new { body, organisation };

    [Fact]
    public async Task each_body_is_reminded_of_its_plan_items_and_an_item_long_overdue_is_left_to_the_list()
    {
        App.Clock.Now = new DateTimeOffset(2021, 12, 14, 9, 0, 0, TimeSpan.Zero);
        var plan = await PostAsync<ActionPlanAdoptedResponse>("/api/action-plans", new
        {
            title = "Anti-corruption plan 2021", firstYear = 2021, lastYear = 2021, approvedBy = "Chairman of the Board", approvedOn = "2021-01-15",
            items = new object[]
            {
                new { number = 1, text = "Review the declarations", responsible = new[] { Body("Human resources"), Body("Legal department") }, term = new { kind = "by-date", date = "2021-12-20" } },
                new { number = 2, text = "Hold the seminars", responsible = new[] { Body("Compliance service") }, term = new { kind = "half-year", year = 2021, part = 1 } }
            }
        }, Compliance, 201);

        // Each body owes item 1 by Monday 20 December; item 2 fell due in June and is only listed.
        var listed = await GetAsync<DueItem[]>("/api/deadlines?days=30", Compliance);
        listed.ShouldAllBe(d => d.Kind == DeadlineKind.PlanItemDue);
        listed.Select(d => (d.Obligation, d.DueOn, d.Overdue)).ShouldBe([
            ("2: Compliance service", new DateOnly(2021, 6, 30), true),
            ("1: Human resources", new DateOnly(2021, 12, 20), false),
            ("1: Legal department", new DateOnly(2021, 12, 20), false)
        ], ignoreOrder: true);
        (await GetAsync<DueItem[]>("/api/deadlines?days=30", Investigator)).ShouldNotContain(d => d.Kind == DeadlineKind.PlanItemDue);

        await CheckOnAsync(2021, 12, 14);
        var reminded = await RemindersAsync(Compliance, plan.Id, "plan-item-due");
        reminded.Select(r => (r.Reference, r.Step)).ShouldBe([
            ("Anti-corruption plan 2021 — 1: Human resources", ReminderStep.Before),
            ("Anti-corruption plan 2021 — 1: Legal department", ReminderStep.Before)
        ], ignoreOrder: true);

        // Human resources report it executed: only the legal department hears of it on the day, and it is escalated.
        App.Clock.Now = new DateTimeOffset(2021, 12, 15, 9, 0, 0, TimeSpan.Zero);
        await PostAsync<Written>($"/api/action-plans/{plan.Id}/items/1/reports",
            new { expectedVersion = plan.Version, body = "Human resources", progress = "executed", report = "Reviewed", reportedOn = "2021-12-15" }, Compliance);
        await CheckOnAsync(2021, 12, 20);
        await CheckOnAsync(2021, 12, 21);
        (await RemindersAsync(Compliance, plan.Id, "plan-item-due")).Where(r => r.Step != ReminderStep.Before).Select(r => (r.Reference, r.Step))
            .ShouldBe([("Anti-corruption plan 2021 — 1: Legal department", ReminderStep.OnTheDay)]);
        (await RemindersAsync(App.Token(Org, Roles.Auditor), plan.Id, "plan-item-due")).ShouldHaveSingleItem().Step.ShouldBe(ReminderStep.Escalation);
        (await SentAsync(plan.Id, "plan-item-due")).ShouldBe(4);
    }

    [Fact]
    public async Task the_data_protection_officer_is_reminded_of_a_closed_case_due_for_archival_until_it_is_archived()
    {
        var (caseId, _) = await CaseAtAsync(CaseStep.Closed);
        var due = ArchiveClosedCasesDecision.ArchivalDue(new DateOnly(2021, 11, 15), new RetentionSettings().ClosedCaseDays);

        App.Clock.Now = new DateTimeOffset(due.AddDays(-10).ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
        var listed = (await GetAsync<DueItem[]>("/api/deadlines", Dpo)).ShouldHaveSingleItem();
        (listed.Kind, listed.StreamId, listed.DueOn).ShouldBe((DeadlineKind.Retention, caseId, due));
        (await GetAsync<DueItem[]>("/api/deadlines", Investigator)).ShouldNotContain(d => d.Kind == DeadlineKind.Retention);

        await CheckOnAsync(due);
        (await RemindersAsync(Dpo, caseId, "retention")).ShouldHaveSingleItem().Step.ShouldBe(ReminderStep.OnTheDay);
        (await PostAsync<CasesArchived>("/api/retention/archival", new { }, Dpo)).Archived.ShouldBe([caseId]);
        await CheckOnAsync(due.AddDays(1));
        (await SentAsync(caseId, "retention")).ShouldBe(1);
        (await GetAsync<DueItem[]>("/api/deadlines", Dpo)).ShouldBeEmpty();
    }

    [Fact]
    public async Task an_absence_entered_late_moves_the_imposition_limits_reminder_to_the_new_last_day()
    {
        App.Clock.Now = new DateTimeOffset(2021, 11, 15, 9, 0, 0, TimeSpan.Zero);
        var (caseId, _) = await FoundLateAsync(new DateOnly(2021, 10, 25), new DateOnly(2021, 11, 1));
        var first = (await GetAsync<DueItem[]>("/api/deadlines?kind=sanction-imposition", Hr)).ShouldHaveSingleItem().DueOn;

        // Ten days of sick leave, entered after they are over, suspend the limit by as many days.
        App.Clock.Now = new DateTimeOffset(2021, 11, 22, 9, 0, 0, TimeSpan.Zero);
        await PostAsync<Written>($"/api/employees/{CaseSubject}/absences", new { expectedVersion = 0, kind = "sick-leave", from = "2021-11-10", to = "2021-11-19" }, Hr);
        var moved = (await GetAsync<DueItem[]>("/api/deadlines?kind=sanction-imposition", Hr)).ShouldHaveSingleItem().DueOn;
        moved.ShouldBe(first.AddDays(10));

        for (var day = new DateOnly(2021, 11, 22); day <= moved; day = day.AddDays(1)) await CheckOnAsync(day);
        var reminders = await RemindersAsync(Hr, caseId, "sanction-imposition");
        reminders.ShouldNotContain(r => r.DueOn == first);
        var before = reminders.Single(r => r.Step == ReminderStep.Before);
        (before.DueOn, before.SentOn).ShouldBe((moved, WorkingCalendar.WeekendsOnly.Before(moved, ReminderDefaults.For("sanction-imposition").WorkingDaysBefore)));
        reminders.Single(r => r.Step == ReminderStep.OnTheDay).DueOn.ShouldBe(moved);
    }
}
