using System.Reflection;
using Cases.Api.Audit;
using Cases.Api.Infrastructure;
using Cases.Api.Meetings;
using Cases.Api.Sanctions;
using Cases.Api.Tests.Infrastructure;
using Cases.Domain;
using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;
using Cases.Projections.Audit;
using Cases.Projections.Meetings;
using Cases.Projections.Sanctions;
using Marten;

namespace Cases.Api.Tests.Audit;

/// <summary>
/// What the service records on its own clock is recorded under its own name, never under the person whose request
/// scheduled it. Both paths are taken as late entries by named people: a sanction whose period had already run out
/// when HR recorded it, and a decision adopted after its due date had passed. In the meeting collection, whose
/// helpers hold a meeting; the clock stands just past midnight of 16 November in Almaty.
/// </summary>
public class when_the_service_records_a_fact_by_itself(MeetingApiApp app) : MeetingApiTests(app)
{
    private const string HrUser = "g.nurlanova";
    private const string SecretaryUser = "s.akhmetova";
    private static readonly DateTimeOffset JustAfterMidnight = new(2021, 11, 16, 0, 0, 1, TimeSpan.FromHours(6));

    private string AuditorToken => App.Token(Org, Roles.Auditor);

    [Fact]
    public async Task a_sanction_that_had_run_out_when_it_was_recorded_expires_under_the_services_name()
    {
        var sanctionId = await SanctionRecordedAfterItsPeriodAsync("order-112-K");

        var history = await GetAsync<RecordedEvent[]>($"/api/sanctions/{sanctionId}/history", AuditorToken);

        (history[0].User, history[0].Roles).ShouldBe((HrUser, Roles.Hr));
        var expired = history.Single(e => e.Type == "sanction_expired");
        await ShouldBeTheServicesAsync(expired.User, expired.Roles, expired.CorrelationId, expired.CausationId, "order-112-K", nameof(SanctionExpiryDue));
        var entry = await ShouldBeInTheTrailAndItsExportAsync("sanction_expired");
        (entry.CausationId, entry.CorrelationId).ShouldBe((expired.CausationId, expired.CorrelationId));
    }

    [Fact]
    public async Task a_decision_adopted_after_its_due_date_falls_overdue_under_the_services_name()
    {
        await DecisionAdoptedPastDueAsync("meeting-3-2021");

        var adopted = await ShouldBeInTheTrailAsync("decision_adopted");
        var overdue = await ShouldBeInTheTrailAndItsExportAsync("decision_became_overdue");

        (adopted.User, adopted.Roles).ShouldBe((SecretaryUser, Roles.Secretary));
        await ShouldBeTheServicesAsync(overdue.User, overdue.Roles, overdue.CorrelationId, overdue.CausationId, "meeting-3-2021", nameof(DecisionDueDatePassed));
    }

    [Fact]
    public async Task no_fact_the_service_records_by_itself_is_stored_under_a_persons_name()
    {
        await SanctionRecordedAfterItsPeriodAsync("order-112-K");
        await DecisionAdoptedPastDueAsync("meeting-3-2021");

        // Every event type the domain marks, by the name it is stored under: a new one is swept without a test edit.
        var marked = typeof(IRecordedByService).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IRecordedByService).IsAssignableFrom(t)).ToArray();
        var names = StoredEventNames();
        marked.ShouldNotBeEmpty();
        marked.ShouldAllBe(t => names.ContainsKey(t));
        var stored = string.Join(", ", marked.Select(t => $"'{names[t]}'"));

        (await CountAsync($"type in ({stored})")).ShouldBe(2);
        (await CountAsync($"type in ({stored}) and (user_name is distinct from '{ServiceIdentity.UserName}' or headers ? 'roles' or causation_id is null)"))
            .ShouldBe(0);
    }

    [Fact]
    public async Task the_store_refuses_such_a_fact_under_a_persons_name_or_roles()
    {
        var decisionId = await DecisionAdoptedPastDueAsync("meeting-3-2021", dueDate: "2021-11-30", pastDue: false);
        var before = await App.CountAllEventsAsync();

        await using (var session = App.Store.LightweightSession(Org))
        {
            session.LastModifiedBy = SecretaryUser;
            session.Events.Append(decisionId, new DecisionBecameOverdue(decisionId, new DateOnly(2021, 11, 30)));
            (await Should.ThrowAsync<InvalidOperationException>(() => session.SaveChangesAsync())).Message.ShouldContain(nameof(DecisionBecameOverdue));
        }
        await using (var session = App.Store.LightweightSession(Org))
        {
            ServiceIdentity.Stamp(session, "test");
            session.SetHeader("roles", Roles.Secretary);
            session.Events.Append(decisionId, new DecisionBecameOverdue(decisionId, new DateOnly(2021, 11, 30)));
            await Should.ThrowAsync<InvalidOperationException>(() => session.SaveChangesAsync());
        }

        (await App.CountAllEventsAsync()).ShouldBe(before);
    }

    /// <summary>Ordered on 15 May, in force through 15 November, recorded only on the 16th: it expires at once.</summary>
    private async Task<Guid> SanctionRecordedAfterItsPeriodAsync(string correlationId)
    {
        App.Clock.Now = JustAfterMidnight;
        var caseId = await ReferredCaseAsync();
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(new
            {
                personnelNumber = CaseSubject, caseId, type = "reprimand", orderNumber = "112-K", orderDate = "2021-05-15",
                offenceCommittedOn = "2021-05-01", offenceDiscoveredOn = "2021-05-10"
            }).ToUrl("/api/sanctions");
            s.WithBearerToken(App.UserToken(Org, HrUser, Roles.Hr));
            s.WithRequestHeader(EventMetadata.CorrelationHeader, correlationId);
            s.StatusCodeShouldBe(201);
        });
        var sanctionId = (await result.ReadAsJsonAsync<SanctionImposedResponse>())!.Id;
        await EventuallyAsync(() => GetAsync<SanctionSummary>($"/api/sanctions/{sanctionId}", App.Token(Org, Roles.Hr)),
            s => s.Status == SanctionStatus.Expired);
        return sanctionId;
    }

    /// <summary>Voted on 15 November, due that day, adopted only after midnight: it falls overdue at once (unless due later).</summary>
    private async Task<Guid> DecisionAdoptedPastDueAsync(string correlationId, string dueDate = "2021-11-15", bool pastDue = true)
    {
        App.Clock.Now = TestClock.Start;
        var (meetingId, version) = await OpenMeetingAsync(await CommissionAsync(), Voters);
        version = await VoteAsync(meetingId, version, 1, Voters.Select(v => (v, "for")).ToArray());
        App.Clock.Now = JustAfterMidnight;
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(Proposal(version, dueDate: dueDate)).ToUrl($"/api/meetings/{meetingId}/resolutions");
            s.WithBearerToken(App.UserToken(Org, SecretaryUser, Roles.Secretary));
            s.WithRequestHeader(EventMetadata.CorrelationHeader, correlationId);
            s.StatusCodeShouldBe(200);
        });
        var decisionId = (await result.ReadAsJsonAsync<ItemResolvedResponse>())!.DecisionId!.Value;
        if (pastDue) await EventuallyAsync(() => DecisionAsync(decisionId), d => d.Status == DecisionStatus.Overdue);
        return decisionId;
    }

    /// <summary>The service's name, no roles, the request's correlation id, and the scheduled message's envelope as the cause.</summary>
    private async Task ShouldBeTheServicesAsync(string? user, string? roles, string? correlationId, string? causationId, string requestCorrelationId,
        string messageType)
    {
        (user, roles, correlationId).ShouldBe((ServiceIdentity.UserName, null, requestCorrelationId));
        var envelope = await App.ScalarAsync(
            $"select message_type from {App.Schema}.wolverine_incoming_envelopes where id = '{Guid.Parse(causationId.ShouldNotBeNull())}'");
        envelope.ShouldNotBeNull("the causation id names the scheduled message that caused the event").ToString()!.ShouldContain(messageType);
    }

    private async Task<AuditEntry> ShouldBeInTheTrailAsync(string eventType)
    {
        await App.ProjectionsCaughtUpAsync();
        return (await GetAsync<Paged<AuditEntry>>($"/api/audit?eventType={eventType}", AuditorToken)).Items.ShouldHaveSingleItem();
    }

    /// <summary>The entry of the one event of the type, under the service's name in the trail and in its CSV export.</summary>
    private async Task<AuditEntry> ShouldBeInTheTrailAndItsExportAsync(string eventType)
    {
        var entry = await ShouldBeInTheTrailAsync(eventType);
        (entry.User, entry.Roles).ShouldBe((ServiceIdentity.UserName, null));
        entry.CausationId.ShouldNotBeNullOrEmpty();

        var export = await App.Host.Scenario(s =>
        {
            s.Get.Url($"/api/audit/export?eventType={eventType}&format=csv");
            s.WithBearerToken(AuditorToken);
        });
        var lines = (await export.ReadAsTextAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var line = lines.Skip(1).ShouldHaveSingleItem().Split(',');
        line[Array.IndexOf(header, "user")].ShouldBe(ServiceIdentity.UserName);
        line[Array.IndexOf(header, "roles")].ShouldBeEmpty();
        line[Array.IndexOf(header, "correlation_id")].ShouldBe(entry.CorrelationId);
        line[Array.IndexOf(header, "causation_id")].ShouldBe(entry.CausationId);
        return entry;
    }

    private async Task<long> CountAsync(string where) =>
        (long)(await App.ScalarAsync($"select count(*) from {App.Schema}.mt_events where {where}"))!;

    private static Dictionary<Type, string> StoredEventNames() => typeof(IRecordedByService).Assembly.GetTypes()
        .Where(t => t.Name.EndsWith("EventNames"))
        .Select(t => t.GetField("Stored", BindingFlags.Public | BindingFlags.Static)?.GetValue(null))
        .OfType<IReadOnlyDictionary<Type, string>>()
        .SelectMany(d => d)
        .ToDictionary(p => p.Key, p => p.Value);
}
