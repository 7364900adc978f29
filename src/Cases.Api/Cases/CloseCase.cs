using Cases.Projections.Cases;
namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class CloseCaseEndpoint
{
    public static ProblemDetails Validate(CloseCase command, IEventStream<Case> stream, RequestTime time)
    {
        var fields = new FieldErrors()
            .NotInFuture("closedOn", command.ClosedOn, time.Today)
            .Text("summary", command.Summary, FieldErrors.LongText);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => CloseCaseDecision.Check(command, state, time.Now));
    }

    [WolverinePost("/api/cases/{caseId}/closure", OperationId = "CloseCase")]
    [EndpointSummary("Close a case")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(CloseCase command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time) =>
        CaseWritten.Append(stream, CloseCaseDecision.Decide(command, stream.Aggregate!, time.Now));
}
