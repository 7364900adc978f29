using Marten;
using Cases.Projections.Cases;

namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class CorrectCaseEndpoint
{
    public static ProblemDetails Validate(CorrectCase command, IEventStream<Case> stream)
    {
        var given = new object?[] { command.Channel, command.Category, command.Outcome }.Count(v => v is not null);
        var fields = new FieldErrors()
            .Text("reason", command.Reason, FieldErrors.LongText)
            .When(given != 1, "$", "Give exactly one of channel, category and outcome.");
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => CorrectCaseDecision.Check(command, state));
    }

    /// <summary>
    /// Records the value a field of the case should have, beside the stored event it mends (the registration for the
    /// channel and category, the standing closing for the outcome), which stays as it was: the hash chain still holds.
    /// </summary>
    [EndpointSummary("Correct a value a case's events stored outside the contract")]
    [WolverinePost("/api/cases/{caseId}/corrections", OperationId = "CorrectCase")]
    [Authorize(Roles = Roles.Investigator)]
    public static async Task<CaseWritten> Post(CorrectCase command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary,
        IDocumentSession session, RequestTime time, CancellationToken ct)
    {
        var (eventType, field) = command switch
        {
            { Channel: not null } => (typeof(CaseRegistered), "channel"),
            { Category: not null } => (typeof(CaseRegistered), "category"),
            _ => (typeof(CaseClosed), "outcome")
        };
        var stored = await StoredValues.OfAsync(session, stream.Id, CaseEventNames.Stored[eventType], field, ct);
        return CaseWritten.Append(stream, CorrectCaseDecision.Decide(command, stream.Aggregate!, stored, time.Now));
    }
}
