using Cases.Projections.Cases;
namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class ReassignInvestigatorEndpoint
{
    public static ProblemDetails Validate(ReassignInvestigator command, IEventStream<Case> stream, RequestTime time)
    {
        var fields = new FieldErrors()
            .NotInFuture("reassignedOn", command.ReassignedOn, time.Today)
            .Text("investigator", command.Investigator, 100);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => ReassignInvestigatorDecision.Check(command, state, time.Now));
    }

    [WolverinePost("/api/cases/{caseId}/reassignment", OperationId = "ReassignInvestigator")]
    [EndpointSummary("Reassign the investigator")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(ReassignInvestigator command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time) =>
        CaseWritten.Append(stream, ReassignInvestigatorDecision.Decide(command, stream.Aggregate!, time.Now));
}
