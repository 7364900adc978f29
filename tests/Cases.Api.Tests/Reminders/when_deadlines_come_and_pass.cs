using Cases.Api.Infrastructure;
using Cases.Api.Reminders;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Reminders;

namespace Cases.Api.Tests.Reminders;

/// <summary>
/// Reminders of a decision due on Friday 19 November 2021 (adopted on Monday 15 November), to the secretary named in
/// the notification settings (in Russian) three working days before and on the day, and escalated to the member named
/// (in Kazakh) the day after; each check is the scheduled one, run when the test has moved the clock.
/// </summary>
[Collection(ReminderApiCollection.Name)]
public class when_deadlines_come_and_pass(ReminderApiApp app) : MeetingApiTests<ReminderApiApp>(app)
{
    private const string DueOn = "2021-11-19";

    private string SecretaryUserToken => App.UserToken(Org, ReminderApiApp.SecretaryUser, Roles.Secretary);
    private string MemberUserToken => App.UserToken(Org, ReminderApiApp.MemberUser, Roles.Member);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Mailbox.Received.Clear();
    }

    private async Task<(Guid DecisionId, string ProtocolNumber)> DecisionDueAsync()
    {
        var adopted = await AdoptedDecisionAsync(dueDate: DueOn);
        return (adopted.DecisionId!.Value, adopted.ProtocolNumber!);
    }

    private async Task CheckOnAsync(int month, int day)
    {
        // Three in the afternoon in Astana: the day is that day on the organisation's clock.
        App.Clock.Now = new DateTimeOffset(2021, month, day, 9, 0, 0, TimeSpan.Zero);
        await App.CheckRemindersAsync(Org);
    }

    private async Task<IReadOnlyList<ReminderRead>> RemindersAsync(string token, Guid streamId) =>
        (await GetAsync<ReminderRead[]>("/api/me/reminders", token)).Where(r => r.StreamId == streamId).ToArray();

    private async Task<long> RemindersSentAsync(Guid streamId) =>
        (long)(await App.ScalarAsync($"select count(*) from {App.Schema}.mt_events where type = 'reminder_sent' and data->>'streamId' = '{streamId}'"))!;

    private async Task MailsAsync(string user, int count) =>
        await CasesApp.UntilAsync(() => Task.FromResult(App.Mailbox.RemindersTo(ReminderApiApp.EmailOf(user)).Count >= count), $"{count} mails to {user}");

    [Fact]
    public async Task the_secretary_is_reminded_once_before_and_on_the_day_and_the_member_told_once_after()
    {
        var decision = await DecisionDueAsync();

        await CheckOnAsync(11, 15);
        (await RemindersAsync(SecretaryUserToken, decision.DecisionId)).ShouldBeEmpty();

        // Three working days before Friday is Tuesday; the check runs twice at once, as on two nodes, and again later.
        App.Clock.Now = new DateTimeOffset(2021, 11, 16, 9, 0, 0, TimeSpan.Zero);
        await Task.WhenAll(App.CheckRemindersAsync(Org), App.CheckRemindersAsync(Org));
        await CheckOnAsync(11, 17);
        var before = (await RemindersAsync(SecretaryUserToken, decision.DecisionId)).ShouldHaveSingleItem();
        before.ShouldSatisfyAllConditions(
            () => before.Step.ShouldBe(ReminderStep.Before),
            () => before.Kind.ShouldBe("decision-execution"),
            () => before.DueOn.ShouldBe(DateOnly.Parse(DueOn)),
            () => before.Reference.ShouldBe(decision.ProtocolNumber),
            () => before.Personal.ShouldBeTrue(),
            () => before.SentOn.ShouldBe(new DateOnly(2021, 11, 16)));
        (await RemindersSentAsync(decision.DecisionId)).ShouldBe(1);

        await CheckOnAsync(11, 19);
        await CheckOnAsync(11, 19);
        (await RemindersAsync(SecretaryUserToken, decision.DecisionId)).Select(r => r.Step).ShouldBe([ReminderStep.Before, ReminderStep.OnTheDay], ignoreOrder: true);

        await CheckOnAsync(11, 20);
        await CheckOnAsync(11, 22);
        var escalated = (await RemindersAsync(MemberUserToken, decision.DecisionId)).ShouldHaveSingleItem();
        escalated.Step.ShouldBe(ReminderStep.Escalation);
        escalated.Role.ShouldBe(Roles.Member);
        (await RemindersSentAsync(decision.DecisionId)).ShouldBe(3);

        // One mail per reminder: two to the secretary, one to the member.
        await MailsAsync(ReminderApiApp.SecretaryUser, 2);
        await MailsAsync(ReminderApiApp.MemberUser, 1);
        await App.ProjectionsCaughtUpAsync();
        App.Mailbox.RemindersTo(ReminderApiApp.EmailOf(ReminderApiApp.SecretaryUser)).Count.ShouldBe(2);
        App.Mailbox.RemindersTo(ReminderApiApp.EmailOf(ReminderApiApp.MemberUser)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task an_extension_granted_later_moves_the_reminders_to_the_new_last_day()
    {
        var decision = await DecisionDueAsync();
        await CheckOnAsync(11, 16);
        (await RemindersAsync(SecretaryUserToken, decision.DecisionId)).ShouldHaveSingleItem().DueOn.ShouldBe(DateOnly.Parse(DueOn));

        var version = (await DecisionAsync(decision.DecisionId)).Version;
        version = (await DecisionCommandAsync(decision.DecisionId, "extension-requests",
            new { expectedVersion = version, proposedDueDate = "2021-12-10", reason = "The equipment arrives in December", requestedOn = "2021-11-16" })).Version;
        await DecisionCommandAsync(decision.DecisionId, "extension-grant", new { expectedVersion = version, grantedOn = "2021-11-16" });

        // The old Friday passes with nothing due; three working days before the new one, the secretary is reminded of it.
        await CheckOnAsync(11, 19);
        await CheckOnAsync(11, 22);
        (await RemindersSentAsync(decision.DecisionId)).ShouldBe(1);
        await CheckOnAsync(12, 7);
        var moved = (await RemindersAsync(SecretaryUserToken, decision.DecisionId)).Where(r => r.DueOn == new DateOnly(2021, 12, 10)).ShouldHaveSingleItem();
        moved.Step.ShouldBe(ReminderStep.Before);
        (await RemindersAsync(MemberUserToken, decision.DecisionId)).ShouldBeEmpty();
    }

    [Fact]
    public async Task the_mails_say_the_reference_the_kind_the_day_and_the_link_in_each_persons_language_and_name_no_one()
    {
        await ReferredCaseAsync(complainantEmployee: "E-2077");
        var registered = await RegisterAsync(Registration(receivedOn: "2021-11-15",
            complainant: new { anonymous = false, name = "Aliya Nurlanovna Sadykova", personnelNumber = "E-3099" }));
        var decision = await DecisionDueAsync();

        // The registrar hears of the acknowledgement due on Monday 22 November two working days before; the secretary of the decision.
        await CheckOnAsync(11, 18);
        await MailsAsync(ReminderApiApp.RegistrarUser, 1);
        await CasesApp.UntilAsync(() => Task.FromResult(App.Mailbox.RemindersTo(ReminderApiApp.EmailOf(ReminderApiApp.SecretaryUser))
            .Any(m => m.Subject?.Contains(decision.ProtocolNumber) == true)), "the secretary's mail of the decision");

        var toRegistrar = App.Mailbox.RemindersTo(ReminderApiApp.EmailOf(ReminderApiApp.RegistrarUser))
            .ShouldHaveSingleItem(); // only the new case waits for its acknowledgement
        toRegistrar.Subject.ShouldBe($"Reminder: acknowledgement of the appeal {registered.Number} is due on 2021-11-22");
        toRegistrar.TextBody!.ShouldContain($"{ReminderApiApp.ConsoleUrl}/console/cases/{registered.Id}");
        // The referred case's clocks of March (feedback, imposition) are long past: left to the lists, not escalated.
        var toSecretary = App.Mailbox.RemindersTo(ReminderApiApp.EmailOf(ReminderApiApp.SecretaryUser)).Where(m => m.Subject?.Contains(decision.ProtocolNumber) == true)
            .ShouldHaveSingleItem();
        toSecretary.Subject.ShouldBe($"Напоминание: исполнение решения {decision.ProtocolNumber}, срок 2021-11-19");
        toSecretary.TextBody!.ShouldContain($"{ReminderApiApp.ConsoleUrl}/console/decisions/{decision.DecisionId}");
        toSecretary.TextBody!.ShouldContain("Последний день: 2021-11-19");

        foreach (var mail in App.Mailbox.Received)
        {
            var text = $"{mail.Subject}\n{mail.TextBody}";
            foreach (var personal in new[] { "E-1042", "E-2077", "E-3099", "Sadykova", "A colleague", "Patient", "chemotherapy", "surgical" })
            {
                text.ShouldNotContain(personal, Case.Insensitive, $"a mail to {mail.To} names {personal}");
            }
        }
    }

    [Fact]
    public async Task the_escalations_a_member_holds_stay_listed_while_the_decision_waits_and_read_closed_once_it_is_executed()
    {
        var decision = await DecisionDueAsync();
        await CheckOnAsync(11, 16);
        await CheckOnAsync(11, 22);

        (await RefusedAsync("/api/me/reminders?step=overdue", null, 400, MemberUserToken)).Errors!.Keys.ShouldBe(["step"]);
        var held = (await GetAsync<ReminderRead[]>("/api/me/reminders?step=escalation", MemberUserToken)).ShouldHaveSingleItem();
        held.ShouldSatisfyAllConditions(
            () => held.StreamId.ShouldBe(decision.DecisionId),
            () => held.Step.ShouldBe(ReminderStep.Escalation),
            () => held.ClockOpen.ShouldBeTrue());
        (await GetAsync<ReminderRead[]>("/api/me/reminders?step=escalation", SecretaryUserToken)).ShouldBeEmpty();
        (await GetAsync<ReminderRead[]>("/api/me/reminders?step=before", SecretaryUserToken)).ShouldHaveSingleItem().ClockOpen.ShouldBeTrue();

        // Still on the member's list a week later, as long as the decision waits; executed, it reads closed until acknowledged.
        App.Clock.Now = new DateTimeOffset(2021, 11, 29, 9, 0, 0, TimeSpan.Zero);
        (await GetAsync<ReminderRead[]>("/api/me/reminders?step=escalation", MemberUserToken)).ShouldHaveSingleItem().ClockOpen.ShouldBeTrue();
        await DecisionCommandAsync(decision.DecisionId, "execution-reports",
            new { expectedVersion = 1, progress = "executed", report = "Equipment installed", evidence = new[] { "Act No. 4" }, reportedOn = "2021-11-29" });
        var closed = (await GetAsync<ReminderRead[]>("/api/me/reminders?step=escalation", MemberUserToken)).ShouldHaveSingleItem();
        closed.ClockOpen.ShouldBeFalse();
        (await GetAsync<ReminderRead[]>("/api/me/reminders", SecretaryUserToken)).ShouldAllBe(r => !r.ClockOpen);

        await PostAsync<Written>($"/api/me/reminders/{closed.Id}/acknowledgement", new { expectedVersion = closed.Version }, MemberUserToken);
        (await GetAsync<ReminderRead[]>("/api/me/reminders?step=escalation", MemberUserToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task a_reminder_is_acknowledged_or_snoozed_only_by_its_recipient()
    {
        var decision = await DecisionDueAsync();
        await CheckOnAsync(11, 16);
        var reminder = (await RemindersAsync(SecretaryUserToken, decision.DecisionId)).ShouldHaveSingleItem();
        var url = $"/api/me/reminders/{reminder.Id}";

        // Another secretary, not named for it, does not see it: to them it is unknown.
        (await RefusedAsync($"{url}/acknowledgement", new { expectedVersion = reminder.Version }, 404, App.UserToken(Org, "z.secretary", Roles.Secretary)))
            .Status.ShouldBe(404);
        (await RefusedAsync("/api/me/reminders", null, 403, App.Token(Org, Roles.Analyst))).Status.ShouldBe(403);

        (await RefusedAsync($"{url}/snooze", new { expectedVersion = reminder.Version, until = "2021-11-16" }, 409, SecretaryUserToken))
            .Rule.ShouldBe("snooze-not-after-today");
        var snoozed = await PostAsync<Written>($"{url}/snooze", new { expectedVersion = reminder.Version, until = "2021-11-18" }, SecretaryUserToken);
        (await RemindersAsync(SecretaryUserToken, decision.DecisionId)).ShouldBeEmpty();
        App.Clock.Now = new DateTimeOffset(2021, 11, 18, 9, 0, 0, TimeSpan.Zero);
        (await RemindersAsync(SecretaryUserToken, decision.DecisionId)).ShouldHaveSingleItem().SnoozedUntil.ShouldBe(new DateOnly(2021, 11, 18));

        await PostAsync<Written>($"{url}/acknowledgement", new { expectedVersion = snoozed.Version }, SecretaryUserToken);
        (await RemindersAsync(SecretaryUserToken, decision.DecisionId)).ShouldBeEmpty();
        (await RefusedAsync($"{url}/acknowledgement", new { expectedVersion = snoozed.Version + 1 }, 409, SecretaryUserToken))
            .Rule.ShouldBe("reminder-acknowledged");
    }

    [Fact]
    public async Task the_compliance_service_changes_the_rules_and_the_next_check_follows_them()
    {
        var defaults = await GetAsync<ReminderRulesRead>("/api/reminder-rules", SecretaryToken);
        defaults.Version.ShouldBe(0);
        defaults.Rules.Select(r => r.Kind).ShouldBe(Enum.GetValues<global::Cases.Projections.Deadlines.DeadlineKind>().Select(k => KebabEnum.Name(k)));

        var change = new { expectedVersion = 0, rules = new[] { new { kind = "decision-execution", workingDaysBefore = 5, remind = "secretary", escalateTo = "hr" } } };
        (await RefusedAsync("/api/reminder-rules", change, 403, SecretaryToken)).Status.ShouldBe(403);
        (await RefusedAsync("/api/reminder-rules", new { expectedVersion = 0, rules = new[] { new { kind = "decision-execution", workingDaysBefore = 5, remind = "compliance", escalateTo = "dpo" } } },
            400, App.Token(Org, Roles.Compliance))).Errors!.Keys.ShouldBe(["rules[0].remind", "rules[0].escalateTo"], ignoreOrder: true);
        (await PostAsync<Written>("/api/reminder-rules", change, App.Token(Org, Roles.Compliance))).Version.ShouldBe(1);
        (await RefusedAsync("/api/reminder-rules", change with { expectedVersion = 1 }, 409, App.Token(Org, Roles.Compliance)))
            .Rule.ShouldBe("reminder-rules-unchanged");
        (await GetAsync<ReminderRulesRead>("/api/reminder-rules", App.Token(Org, Roles.Compliance))).Rules
            .Single(r => r.Kind == "decision-execution").ShouldBe(new ReminderRule("decision-execution", 5, "secretary", "hr"));

        // Five working days before Friday 19 November is Friday 12: the reminder is due already on the day of adoption.
        var decision = await DecisionDueAsync();
        await CheckOnAsync(11, 15);
        (await RemindersAsync(SecretaryUserToken, decision.DecisionId)).ShouldHaveSingleItem().Step.ShouldBe(ReminderStep.Before);
        // Escalated to HR as a role: no one of it is named, so every HR officer of nroc has it.
        await CheckOnAsync(11, 22);
        (await RemindersAsync(App.Token(Org, Roles.Hr), decision.DecisionId)).ShouldHaveSingleItem().Personal.ShouldBeFalse();
    }
}
