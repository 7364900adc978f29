using Cases.Api.Deadlines;
using Cases.Domain.Reminders;
using Marten;

namespace Cases.Api.Reminders;

/// <summary>The rules in force for every kind of clock, and the version to send with a change (0 while all are the defaults).</summary>
public sealed record ReminderRulesRead(IReadOnlyList<ReminderRule> Rules, long Version);

[Tags(ApiTags.Reminders)]
public static class ChangeReminderRulesEndpoint
{
    /// <summary>The organisation's rules stream, which the first change starts.</summary>
    public static Task<IEventStream<OrganisationReminderRules>> LoadAsync(IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForWriting<OrganisationReminderRules>(StreamIds.ReminderRules(session.TenantId), ct);

    public static ProblemDetails Validate(ChangeReminderRules command, IEventStream<OrganisationReminderRules> stream)
    {
        var fields = new FieldErrors()
            .When(command.ExpectedVersion < 0, "expectedVersion", "Must be 0 (no change yet) or more.")
            .When(command.Rules.Count is 0 || command.Rules.Count > ReminderDefaults.All.Count, "rules", $"Between 1 and {ReminderDefaults.All.Count} items.")
            .When(command.Rules.Where(r => r is not null).GroupBy(r => r.Kind).Any(g => g.Count() > 1), "rules", "Each kind at most once.");
        for (var i = 0; i < command.Rules.Count; i++)
        {
            var rule = command.Rules[i];
            if (rule is null)
            {
                fields.Add($"rules[{i}]", "Required.");
                continue;
            }
            // Each kind is told only to those who may read it (sanctions are on the employee's record).
            var roles = DeadlineAudience.ReadersOf(rule.Kind);
            fields.When(!ReminderDefaults.IsKnownKind(rule.Kind), $"rules[{i}].kind", $"One of: {string.Join(", ", ReminderDefaults.All.Select(r => r.Kind))}.")
                .When(rule.WorkingDaysBefore is < 0 or > ReminderDefaults.MaxWorkingDaysBefore, $"rules[{i}].workingDaysBefore",
                    $"Between 0 and {ReminderDefaults.MaxWorkingDaysBefore}.")
                .When(!roles.Split(',').Contains(rule.Remind), $"rules[{i}].remind", $"One of: {roles.Replace(",", ", ")}.")
                .When(rule.EscalateTo is { } to && !roles.Split(',').Contains(to), $"rules[{i}].escalateTo", $"Empty, or one of: {roles.Replace(",", ", ")}.");
        }
        if (fields.Any) return fields.ToProblem();
        var actual = stream.StartingVersion ?? 0;
        return command.ExpectedVersion != actual
            ? Problems.StaleVersion("The reminder rules", command.ExpectedVersion, actual)
            : Problems.RuleOrContinue(ChangeReminderRulesDecision.Check(command, OrganisationReminderRules.Of(stream.Aggregate)));
    }

    /// <summary>
    /// Changes the rules of the kinds named: how many working days before the last day to remind, whom, and to whom to
    /// escalate from the day after (none: no escalation). The next check reminds by them.
    /// </summary>
    [WolverinePost("/api/reminder-rules", OperationId = "ChangeReminderRules")]
    [EndpointSummary("Change when and whom deadlines are reminded to and escalated to")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(ChangeReminderRules command, IEventStream<OrganisationReminderRules> stream, RequestTime time) =>
        Written.Append(stream, ChangeReminderRulesDecision.Decide(command, OrganisationReminderRules.Of(stream.Aggregate), time.Now));
}

[Tags(ApiTags.Reminders)]
public static class GetReminderRulesEndpoint
{
    [WolverineGet("/api/reminder-rules", OperationId = "GetReminderRules")]
    [EndpointSummary("Read the reminder rules in force")]
    [Authorize(Roles = Roles.ReminderRuleReaders)]
    public static async Task<ReminderRulesRead> Get(IQuerySession session, CancellationToken ct)
    {
        var rules = await session.LoadAsync<OrganisationReminderRules>(StreamIds.ReminderRules(session.TenantId), ct);
        return new ReminderRulesRead(OrganisationReminderRules.Of(rules).InForce, rules?.Version ?? 0);
    }
}
