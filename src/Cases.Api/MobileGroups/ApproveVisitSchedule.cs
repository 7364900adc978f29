using Cases.Domain.MobileGroups;
using Cases.Projections.MobileGroups;

namespace Cases.Api.MobileGroups;

[Tags(ApiTags.MobileGroups)]
public static class ApproveVisitScheduleEndpoint
{
    public const int MaxVisits = 500;

    public static ProblemDetails Validate(ApproveVisitSchedule command, IEventStream<MobileGroup> stream, RequestTime time)
    {
        var visits = command.Visits ?? [];
        var fields = new FieldErrors()
            .NotInFuture("approvedOn", command.ApprovedOn, time.Today)
            .Text("approvedBy", command.ApprovedBy)
            .When(visits.Count is 0 or > MaxVisits, "visits", $"Between 1 and {MaxVisits} visits.");
        for (var i = 0; i < visits.Count && visits.Count <= MaxVisits; i++)
        {
            if (visits[i] is not { } visit)
            {
                fields.Add($"visits[{i}]", "Required.");
                continue;
            }
            fields.Text($"visits[{i}].place", visit.Place)
                .Text($"visits[{i}].topic", visit.Topic, FieldErrors.LongText)
                .When(visit.Date < command.ApprovedOn, $"visits[{i}].date", "Must not be before approvedOn.")
                .WithinTenYears($"visits[{i}].date", visit.Date, time.Today);
        }
        return MobileGroupChecks.Answer(fields, command.ExpectedVersion, stream, state => ApproveVisitScheduleDecision.Check(command, state));
    }

    /// <summary>Approves the group's schedule of visits: each visit's date, place and topic, numbered in date order.</summary>
    [WolverinePost("/api/mobile-groups/{groupId}/schedule", OperationId = "ApproveVisitSchedule")]
    [EndpointSummary("Approve a mobile group's schedule of visits")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(ApproveVisitSchedule command,
        [WriteAggregate("groupId", MissingMessage = MobileGroupChecks.Missing)] IEventStream<MobileGroup> stream,
        [ReadAggregate("groupId", Required = false)] MobileGroupDetails? details) =>
        Written.Append(stream, ApproveVisitScheduleDecision.Decide(command, stream.Aggregate!));
}
