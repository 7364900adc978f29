using Cases.Projections.Cases;
namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class IdentifySubjectEndpoint
{
    public static ProblemDetails Validate(IdentifySubject command, IEventStream<Case> stream, RequestTime time)
    {
        var fields = new FieldErrors()
            .NotInFuture("identifiedOn", command.IdentifiedOn, time.Today)
            .PersonnelNumber("personnelNumber", command.PersonnelNumber);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => IdentifySubjectDecision.Check(command, state, time.Now));
    }

    [WolverinePost("/api/cases/{caseId}/subjects", OperationId = "IdentifySubject")]
    [EndpointSummary("Identify a subject of a case")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(IdentifySubject command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time) =>
        CaseWritten.Append(stream, IdentifySubjectDecision.Decide(command, stream.Aggregate!, time.Now));
}
