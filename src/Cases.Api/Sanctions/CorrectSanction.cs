using Cases.Api.Employees;
using Cases.Domain.Sanctions;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;
using Cases.Projections.Sanctions;

namespace Cases.Api.Sanctions;

[Tags(ApiTags.Sanctions)]
public static class CorrectSanctionEndpoint
{
    public static Task<EmployeeRecords.OfSanction> LoadAsync(Guid sanctionId, IDocumentSession session, CancellationToken ct) =>
        EmployeeRecords.LockForSanctionAsync(sanctionId, session, ct);

    public static ProblemDetails Validate(CorrectSanction command, IEventStream<Sanction> stream) =>
        SanctionChecks.Answer(new FieldErrors().Text("reason", command.Reason, FieldErrors.LongText),
            command.ExpectedVersion, stream, state => CorrectSanctionDecision.Check(command, state));

    /// <summary>
    /// Records the type the order should have had, beside the stored imposition, which stays as it was; a sanction that
    /// stops being a dismissal gets its period and its expiry scheduled (at once if the period is over), one that becomes
    /// a dismissal no longer expires, and an expiry the service recorded for it is retracted.
    /// </summary>
    [EndpointSummary("Correct a sanction's stored type")]
    [WolverinePost("/api/sanctions/{sanctionId}/corrections", OperationId = "CorrectSanction")]
    [Authorize(Roles = Roles.Hr)]
    public static async Task<(Written, OutgoingMessages)> Post(CorrectSanction command,
        [WriteAggregate("sanctionId", MissingMessage = SanctionChecks.Missing)] IEventStream<Sanction> stream, [ReadAggregate("sanctionId", Required = false)] SanctionSummary? summary,
        IDocumentSession session, IOptions<SanctionRuleSettings> rules, RequestTime time, CancellationToken ct)
    {
        var state = stream.Aggregate!;
        var stored = await StoredValues.OfAsync(session, stream.Id, SanctionEventNames.Stored[typeof(SanctionImposed)], "type", ct);
        var events = CorrectSanctionDecision.Decide(command, state, stored, OrganisationRules.Sanctions(session, rules), time.Now);
        OutgoingMessages expiry = events.OfType<SanctionTypeCorrected>().Single().ExpiresOn is { } expiresOn && expiresOn != state.ExpiresOn
            ? [SanctionExpiries.CheckOn(stream.Id, expiresOn, time)]
            : [];
        return (Written.Append(stream, events), expiry);
    }
}
