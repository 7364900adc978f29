using Cases.Domain.Commissions;

namespace Cases.Api.Commissions;

[Tags(ApiTags.Commissions)]
public static class ReleaseMemberEndpoint
{
    public static ProblemDetails Validate(ReleaseMember command, IEventStream<Commission> stream, RequestTime time) =>
        CommissionChecks.Answer(new FieldErrors().PersonnelNumber("personnelNumber", command.PersonnelNumber),
            command.ExpectedVersion, stream, state => ReleaseMemberDecision.Check(command, state, time.Now));

    [WolverinePost("/api/commissions/{commissionId}/releases", OperationId = "ReleaseMember")]
    [EndpointSummary("Release a member")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(ReleaseMember command,
        [WriteAggregate("commissionId", MissingMessage = CommissionChecks.Missing)] IEventStream<Commission> stream, RequestTime time) =>
        Written.Append(stream, ReleaseMemberDecision.Decide(command, stream.Aggregate!, time.Now));
}
