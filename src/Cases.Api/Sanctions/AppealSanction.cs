using Cases.Api.Employees;
using Marten;
using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;

namespace Cases.Api.Sanctions;

[Tags(ApiTags.Sanctions)]
public static class AppealSanctionEndpoint
{
    public static Task<EmployeeRecords.OfSanction> LoadAsync(Guid sanctionId, IDocumentSession session, CancellationToken ct) =>
        EmployeeRecords.LockForSanctionAsync(sanctionId, session, ct);

    public static ProblemDetails Validate(AppealSanction command, IEventStream<Sanction> stream, RequestTime time) =>
        SanctionChecks.Answer(new FieldErrors()
                .Text("authority", command.Authority)
                .NotInFuture("filedOn", command.FiledOn, time.Today),
            command.ExpectedVersion, stream, state => AppealSanctionDecision.Check(command, state, time.Now));

    [WolverinePost("/api/sanctions/{sanctionId}/appeal", OperationId = "AppealSanction")]
    [EndpointSummary("Record an appeal against a sanction")]
    [Authorize(Roles = Roles.Hr)]
    public static Written Post(AppealSanction command,
        [WriteAggregate("sanctionId", MissingMessage = SanctionChecks.Missing)] IEventStream<Sanction> stream, [ReadAggregate("sanctionId", Required = false)] SanctionSummary? summary, RequestTime time) =>
        Written.Append(stream, AppealSanctionDecision.Decide(command, stream.Aggregate!, time.Now));
}
