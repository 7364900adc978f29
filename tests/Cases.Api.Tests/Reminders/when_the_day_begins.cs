using Cases.Api.Cases;
using Cases.Api.Infrastructure;
using Cases.Api.Reminders;
using Cases.Api.Tests.Infrastructure;

namespace Cases.Api.Tests.Reminders;

/// <summary>
/// Each person's daily digest: on the organisation's clock (Asia/Almaty, UTC+6 in 2021), from the notification
/// settings' 08:00, of what is overdue and due within seven days for the roles they hold. The estate: a case referred
/// in March (its imposition limit long past, escalated to the secretary), an appeal received on Monday 15 November
/// (the registrar's acknowledgement due on Monday 22), and two decisions due on Friday 19 and Friday 26 November
/// (the secretary's, escalated to the member).
/// </summary>
[Collection(ReminderApiCollection.Name)]
public class when_the_day_begins(ReminderApiApp app) : MeetingApiTests<ReminderApiApp>(app)
{
    private string SecretaryUserToken => App.UserToken(Org, ReminderApiApp.SecretaryUser, Roles.Secretary);
    private string MemberUserToken => App.UserToken(Org, ReminderApiApp.MemberUser, Roles.Member);
    private string RegistrarUserToken => App.UserToken(Org, ReminderApiApp.RegistrarUser, Roles.Registrar);

    private sealed record Clocks(Guid Referred, CaseRegisteredResponse Appeal, (Guid Id, string Number) Soon, (Guid Id, string Number) Later);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        App.Mailbox.Received.Clear();
    }

    private async Task<Clocks> EstateAsync()
    {
        var referred = await ReferredCaseAsync(complainantEmployee: "E-2077");
        var appeal = await RegisterAsync(Registration(receivedOn: "2021-11-15",
            complainant: new { anonymous = false, name = "Aliya Nurlanovna Sadykova", personnelNumber = "E-3099" }));
        var commission = await CommissionAsync();
        var soon = await AdoptedDecisionAsync(dueDate: "2021-11-19", commissionId: commission);
        var later = await AdoptedDecisionAsync(dueDate: "2021-11-26", commissionId: commission);
        return new Clocks(referred, appeal, (soon.DecisionId!.Value, soon.ProtocolNumber!), (later.DecisionId!.Value, later.ProtocolNumber!));
    }

    /// <summary>The organisation's clock at <paramref name="hour"/> on the day of November 2021.</summary>
    private void At(int day, int hour) => App.Clock.Now = new DateTimeOffset(2021, 11, day, hour, 0, 0, TimeSpan.FromHours(6));

    private async Task<IReadOnlyList<(string Kind, Guid StreamId, bool Overdue, int DaysLeft)>> DigestAsync(string token) =>
        (await GetAsync<MyDigest>("/api/me/digest", token)).Items.Select(i => (i.Kind, i.StreamId, i.Overdue, i.DaysLeft)).ToArray();

    private async Task<long> DigestsSentAsync(string? user = null) =>
        (long)(await App.ScalarAsync($"select count(*) from {App.Schema}.mt_events where type = 'digest_sent'" +
                                     (user is null ? "" : $" and data->>'person' = '{user}'")))!;

    private async Task DigestMailedAsync(string user) =>
        await CasesApp.UntilAsync(() => Task.FromResult(App.Mailbox.DigestsTo(ReminderApiApp.EmailOf(user)).Count >= 1), $"the digest of {user}");

    [Fact]
    public async Task each_person_reads_what_is_overdue_and_due_within_seven_days_for_the_roles_they_hold_and_nothing_else()
    {
        var estate = await EstateAsync();

        At(16, 9);
        var secretary = await GetAsync<MyDigest>("/api/me/digest", SecretaryUserToken);
        secretary.ShouldSatisfyAllConditions(
            () => secretary.Day.ShouldBe(new DateOnly(2021, 11, 16)),
            () => secretary.Items.Select(i => (i.Kind, i.StreamId, i.Overdue, i.DaysLeft)).ShouldBe([
                ("sanction-imposition", estate.Referred, true, secretary.Items[0].DaysLeft),
                ("decision-execution", estate.Soon.Id, false, 3)]),
            () => secretary.Items[0].DaysLeft.ShouldBeLessThan(-200),
            () => secretary.Items[1].Reference.ShouldBe(estate.Soon.Number),
            () => (secretary.Overdue, secretary.DueThisWeek).ShouldBe((1, 1)));
        // The member is escalated to only once a decision is overdue; the registrar has the appeal's acknowledgement, six days ahead.
        (await DigestAsync(MemberUserToken)).ShouldBeEmpty();
        (await DigestAsync(RegistrarUserToken)).ShouldBe([("case-acknowledgement", estate.Appeal.Id, false, 6)]);
        // HR has the imposition limit to keep; the investigator has no clock of theirs.
        (await DigestAsync(App.Token(Org, Roles.Hr))).ShouldBe([("sanction-imposition", estate.Referred, true, secretary.Items[0].DaysLeft)]);
        (await DigestAsync(App.Token(Org, Roles.Investigator))).ShouldBeEmpty();
        (await RefusedAsync("/api/me/digest", null, 403, App.Token(Org, Roles.Analyst))).Status.ShouldBe(403);

        // Monday 22: the first decision is three days overdue (the member has it too), the second four days ahead.
        At(22, 9);
        (await DigestAsync(SecretaryUserToken)).Select(i => (i.StreamId, i.Overdue, i.DaysLeft)).Skip(1)
            .ShouldBe([(estate.Soon.Id, true, -3), (estate.Later.Id, false, 4)]);
        (await DigestAsync(MemberUserToken)).ShouldBe([("decision-execution", estate.Soon.Id, true, -3)]);
        (await DigestAsync(RegistrarUserToken)).ShouldBe([("case-acknowledgement", estate.Appeal.Id, false, 0)]);
    }

    [Fact]
    public async Task it_is_mailed_once_a_day_from_eight_in_each_persons_language_and_names_no_one()
    {
        var estate = await EstateAsync();

        // Seven in the morning: reminders go out, digests do not.
        At(22, 7);
        await App.CheckRemindersAsync(Org);
        (await DigestsSentAsync()).ShouldBe(0);

        // Eight: two checks at once, as on two nodes, and the digests they ask for; then another check later that day.
        At(22, 8);
        await Task.WhenAll(App.CheckRemindersAsync(Org), App.CheckRemindersAsync(Org),
            App.SendDigestsAsync(Org, new DateOnly(2021, 11, 22)), App.SendDigestsAsync(Org, new DateOnly(2021, 11, 22)));
        foreach (var user in new[] { ReminderApiApp.SecretaryUser, ReminderApiApp.MemberUser, ReminderApiApp.RegistrarUser }) await DigestMailedAsync(user);
        At(22, 17);
        await App.CheckRemindersAsync(Org);
        await App.SendDigestsAsync(Org, new DateOnly(2021, 11, 22));
        (await DigestsSentAsync(ReminderApiApp.SecretaryUser)).ShouldBe(1);
        (await DigestsSentAsync(ReminderApiApp.MemberUser)).ShouldBe(1);
        (await DigestsSentAsync(ReminderApiApp.RegistrarUser)).ShouldBe(1);
        (await DigestsSentAsync()).ShouldBe(3);

        var toSecretary = App.Mailbox.DigestsTo(ReminderApiApp.EmailOf(ReminderApiApp.SecretaryUser)).ShouldHaveSingleItem();
        toSecretary.Subject.ShouldBe("Ваши сроки на 2021-11-22: просрочено 2, в ближайшие семь дней 1");
        toSecretary.TextBody!.ShouldSatisfyAllConditions(
            body => body.ShouldContain("Просрочено:"),
            body => body.ShouldContain($"- {estate.Soon.Number}: исполнение решения, последний день 2021-11-19, просрочено дней: 3"),
            body => body.ShouldContain($"- {estate.Later.Number}: исполнение решения, последний день 2021-11-26, осталось дней: 4"),
            body => body.ShouldContain($"{ReminderApiApp.ConsoleUrl}/console/decisions/{estate.Later.Id}"),
            body => body.ShouldContain("последний день наложения взыскания"),
            body => body.ShouldNotContain(estate.Appeal.Number));
        var toMember = App.Mailbox.DigestsTo(ReminderApiApp.EmailOf(ReminderApiApp.MemberUser)).ShouldHaveSingleItem();
        toMember.Subject.ShouldBe("2021-11-22 күнгі мерзімдеріңіз: мерзімі өткені 1, алдағы жеті күнде 0");
        toMember.TextBody!.ShouldContain($"- {estate.Soon.Number}: шешімді орындау, соңғы күні 2021-11-19, мерзімі өткен күн саны: 3");
        toMember.TextBody!.ShouldNotContain(estate.Later.Number);
        var toRegistrar = App.Mailbox.DigestsTo(ReminderApiApp.EmailOf(ReminderApiApp.RegistrarUser)).ShouldHaveSingleItem();
        toRegistrar.Subject.ShouldBe("Your deadlines on 2021-11-22: 0 overdue, 1 due within seven days");
        toRegistrar.TextBody!.ShouldContain($"- {estate.Appeal.Number}: acknowledgement of the appeal, last day 2021-11-22, due today");
        toRegistrar.TextBody!.ShouldContain($"{ReminderApiApp.ConsoleUrl}/console/cases/{estate.Appeal.Id}");

        foreach (var mail in new[] { toSecretary, toMember, toRegistrar })
        {
            var text = $"{mail.Subject}\n{mail.TextBody}";
            foreach (var personal in new[] { "E-1042", "E-2077", "E-3099", "Sadykova", "A colleague", "Patient", "chemotherapy", "surgical", "Rudeness" })
            {
                text.ShouldNotContain(personal, Case.Insensitive, $"the digest to {mail.To} names {personal}");
            }
        }

        // The next day is another digest.
        At(23, 8);
        await App.SendDigestsAsync(Org, new DateOnly(2021, 11, 23));
        (await DigestsSentAsync(ReminderApiApp.SecretaryUser)).ShouldBe(2);
    }

    [Fact]
    public async Task a_person_with_nothing_due_gets_no_mail_and_nothing_is_recorded()
    {
        // Only the appeal: the registrar has its acknowledgement; the secretary and the member have nothing.
        var appeal = await RegisterAsync(Registration(receivedOn: "2021-11-15"));
        At(16, 9);
        await App.SendDigestsAsync(Org, new DateOnly(2021, 11, 16));
        await DigestMailedAsync(ReminderApiApp.RegistrarUser);
        (await DigestsSentAsync()).ShouldBe(1);
        App.Mailbox.DigestsTo(ReminderApiApp.EmailOf(ReminderApiApp.RegistrarUser)).ShouldHaveSingleItem().TextBody!.ShouldContain(appeal.Number);
        App.Mailbox.DigestsTo(ReminderApiApp.EmailOf(ReminderApiApp.SecretaryUser)).ShouldBeEmpty();
    }
}
