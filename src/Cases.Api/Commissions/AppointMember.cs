using Cases.Domain.Commissions;

namespace Cases.Api.Commissions;

[Tags(ApiTags.Commissions)]
public static class AppointMemberEndpoint
{
    public static ProblemDetails Validate(AppointMember command, IEventStream<Commission> stream) =>
        CommissionChecks.Answer(new FieldErrors()
                .PersonnelNumber("personnelNumber", command.PersonnelNumber)
                .Text("fullName", command.FullName)
                .Text("userName", command.UserName, 100, required: false)
                .Text("position", command.Position, required: false),
            command.ExpectedVersion, stream, state => AppointMemberDecision.Check(command, state));

    [WolverinePost("/api/commissions/{commissionId}/appointments", OperationId = "AppointMember")]
    [EndpointSummary("Appoint a member")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(AppointMember command,
        [WriteAggregate("commissionId", MissingMessage = CommissionChecks.Missing)] IEventStream<Commission> stream) =>
        Written.Append(stream, AppointMemberDecision.Decide(command, stream.Aggregate!));
}
