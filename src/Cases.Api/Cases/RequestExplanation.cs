using Cases.Projections.Cases;
namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class RequestExplanationEndpoint
{
    public static ProblemDetails Validate(RequestExplanation command, IEventStream<Case> stream, RequestTime time)
    {
        var fields = new FieldErrors()
            .NotInFuture("requestedOn", command.RequestedOn, time.Today)
            .PersonnelNumber("personnelNumber", command.PersonnelNumber);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => RequestExplanationDecision.Check(command, state, time.Now));
    }

    [WolverinePost("/api/cases/{caseId}/explanation-requests", OperationId = "RequestExplanation")]
    [EndpointSummary("Request an explanation from a subject")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(RequestExplanation command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time) =>
        CaseWritten.Append(stream, RequestExplanationDecision.Decide(command, stream.Aggregate!, time.Now));
}
