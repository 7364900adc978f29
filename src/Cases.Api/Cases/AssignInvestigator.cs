using Cases.Projections.Cases;
namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class AssignInvestigatorEndpoint
{
    public static ProblemDetails Validate(AssignInvestigator command, IEventStream<Case> stream, RequestTime time)
    {
        var fields = new FieldErrors()
            .NotInFuture("assignedOn", command.AssignedOn, time.Today)
            .Text("investigator", command.Investigator, 100);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => AssignInvestigatorDecision.Check(command, state, time.Now));
    }

    [WolverinePost("/api/cases/{caseId}/assignment", OperationId = "AssignInvestigator")]
    [EndpointSummary("Assign the investigator")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(AssignInvestigator command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time) =>
        CaseWritten.Append(stream, AssignInvestigatorDecision.Decide(command, stream.Aggregate!, time.Now));
}
