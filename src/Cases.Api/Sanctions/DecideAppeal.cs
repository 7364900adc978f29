using Cases.Api.Employees;
using Marten;
using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;

namespace Cases.Api.Sanctions;

[Tags(ApiTags.Sanctions)]
public static class DecideAppealEndpoint
{
    public static Task<EmployeeRecords.OfSanction> LoadAsync(Guid sanctionId, IDocumentSession session, CancellationToken ct) =>
        EmployeeRecords.LockForSanctionAsync(sanctionId, session, ct);

    public static ProblemDetails Validate(DecideAppeal command, IEventStream<Sanction> stream, RequestTime time) =>
        SanctionChecks.Answer(new FieldErrors().NotInFuture("decidedOn", command.DecidedOn, time.Today),
            command.ExpectedVersion, stream, state => DecideAppealDecision.Check(command, state, time.Now));

    /// <summary>Records the appeal's outcome; an overturned sanction is void from the start.</summary>
    [WolverinePost("/api/sanctions/{sanctionId}/appeal-decision", OperationId = "DecideAppeal")]
    [EndpointSummary("Record the appeal's decision")]
    [Authorize(Roles = Roles.Hr)]
    public static Written Post(DecideAppeal command,
        [WriteAggregate("sanctionId", MissingMessage = SanctionChecks.Missing)] IEventStream<Sanction> stream, [ReadAggregate("sanctionId", Required = false)] SanctionSummary? summary, RequestTime time) =>
        Written.Append(stream, DecideAppealDecision.Decide(command, stream.Aggregate!, time.Now));
}
