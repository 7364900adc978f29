using Cases.Projections.Cases;
namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class ReopenCaseEndpoint
{
    public static ProblemDetails Validate(ReopenCase command, IEventStream<Case> stream, RequestTime time)
    {
        var fields = new FieldErrors()
            .NotInFuture("reopenedOn", command.ReopenedOn, time.Today)
            .Text("reason", command.Reason, FieldErrors.LongText);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => ReopenCaseDecision.Check(command, state, time.Now));
    }

    [WolverinePost("/api/cases/{caseId}/reopening", OperationId = "ReopenCase")]
    [EndpointSummary("Reopen a case")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(ReopenCase command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time) =>
        CaseWritten.Append(stream, ReopenCaseDecision.Decide(command, stream.Aggregate!, time.Now));
}
