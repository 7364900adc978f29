using Cases.Api.Monitoring;
using Cases.Domain.Monitoring;
using Cases.Domain.MobileGroups;
using Cases.Projections.MobileGroups;

namespace Cases.Api.MobileGroups;

[Tags(ApiTags.MobileGroups)]
public static class RecordGroupVisitEndpoint
{
    public const int MaxFindings = 200;

    public static ProblemDetails Validate(RecordGroupVisit command, IEventStream<MobileGroup> stream, RequestTime time)
    {
        var findings = command.Findings ?? [];
        var fields = new FieldErrors()
            .NotInFuture("heldOn", command.HeldOn, time.Today)
            .Text("place", command.Place)
            .Text("checked", command.Checked, FieldErrors.LongText)
            .When(command.PlannedVisit < 1, "plannedVisit", "Must be 1 or more.")
            .When(findings.Count > MaxFindings, "findings", $"At most {MaxFindings} items.");
        for (var i = 0; findings.Count <= MaxFindings && i < findings.Count; i++)
        {
            var (finding, name) = (findings[i], $"findings[{i}]");
            if (finding is null)
            {
                fields.Add(name, "Required.");
                continue;
            }
            fields.Finding(name, finding.Description, finding.LedTo, finding.ReferredTo);
        }
        return MobileGroupChecks.Answer(fields, command.ExpectedVersion, stream, state => RecordGroupVisitDecision.Check(command, state));
    }

    /// <summary>Records a visit the group held, planned (the number of the scheduled visit) or not, with what it checked and found.</summary>
    [WolverinePost("/api/mobile-groups/{groupId}/visits", OperationId = "RecordGroupVisit")]
    [EndpointSummary("Record a mobile group's visit")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(RecordGroupVisit command,
        [WriteAggregate("groupId", MissingMessage = MobileGroupChecks.Missing)] IEventStream<MobileGroup> stream,
        [ReadAggregate("groupId", Required = false)] MobileGroupDetails? details) =>
        Written.Append(stream, RecordGroupVisitDecision.Decide(command, stream.Aggregate!));
}
