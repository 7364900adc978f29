using Cases.Api.Employees;
using Marten;
using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;

namespace Cases.Api.Sanctions;

[Tags(ApiTags.Sanctions)]
public static class AnnounceSanctionEndpoint
{
    public static Task<EmployeeRecords.OfSanction> LoadAsync(Guid sanctionId, IDocumentSession session, CancellationToken ct) =>
        EmployeeRecords.LockForSanctionAsync(sanctionId, session, ct);

    public static ProblemDetails Validate(AnnounceSanction command, IEventStream<Sanction> stream, RequestTime time) =>
        SanctionChecks.Answer(new FieldErrors()
                .NotInFuture("announcedOn", command.AnnouncedOn, time.Today)
                .When(command.SignatureRefused && command.ByRegisteredLetter, "byRegisteredLetter",
                    "A refusal to sign is noted on the order in person; a registered letter goes when the employee cannot be acquainted in person."),
            command.ExpectedVersion, stream, state => AnnounceSanctionDecision.Check(command, state, time.Now));

    [WolverinePost("/api/sanctions/{sanctionId}/announcement", OperationId = "AnnounceSanction")]
    [EndpointSummary("Announce a sanction")]
    [Authorize(Roles = Roles.Hr)]
    public static Written Post(AnnounceSanction command,
        [WriteAggregate("sanctionId", MissingMessage = SanctionChecks.Missing)] IEventStream<Sanction> stream, [ReadAggregate("sanctionId", Required = false)] SanctionSummary? summary, RequestTime time) =>
        Written.Append(stream, AnnounceSanctionDecision.Decide(command, stream.Aggregate!, time.Now));
}
