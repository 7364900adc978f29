using Cases.Api.Employees;
using Marten;
using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;

namespace Cases.Api.Sanctions;

[Tags(ApiTags.Sanctions)]
public static class LiftSanctionEndpoint
{
    public static Task<EmployeeRecords.OfSanction> LoadAsync(Guid sanctionId, IDocumentSession session, CancellationToken ct) =>
        EmployeeRecords.LockForSanctionAsync(sanctionId, session, ct);

    public static ProblemDetails Validate(LiftSanction command, IEventStream<Sanction> stream, RequestTime time) =>
        SanctionChecks.Answer(new FieldErrors()
                .Text("liftedBy", command.LiftedBy)
                .Text("reason", command.Reason, FieldErrors.LongText)
                .NotInFuture("liftedOn", command.LiftedOn, time.Today),
            command.ExpectedVersion, stream, state => LiftSanctionDecision.Check(command, state, time.Now));

    /// <summary>
    /// Lifts the sanction before its time (art. 66(5)), judged on the lifting's date; its scheduled expiry then does
    /// nothing, and an expiry the service recorded after that date is retracted first.
    /// </summary>
    [WolverinePost("/api/sanctions/{sanctionId}/lifting", OperationId = "LiftSanction")]
    [EndpointSummary("Lift a sanction early")]
    [Authorize(Roles = Roles.Hr)]
    public static Written Post(LiftSanction command,
        [WriteAggregate("sanctionId", MissingMessage = SanctionChecks.Missing)] IEventStream<Sanction> stream, [ReadAggregate("sanctionId", Required = false)] SanctionSummary? summary, RequestTime time) =>
        Written.Append(stream, LiftSanctionDecision.Decide(command, stream.Aggregate!, time.Now));
}
