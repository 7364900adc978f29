using Cases.Projections.Cases;
namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class RecordFindingEndpoint
{
    public static ProblemDetails Validate(RecordFinding command, IEventStream<Case> stream, RequestTime time)
    {
        var fields = new FieldErrors()
            .NotInFuture("foundOn", command.FoundOn, time.Today)
            .NotInFuture("offenceCommittedOn", command.OffenceCommittedOn, time.Today)
            .When(command.OffenceCommittedOn > (command.FoundOn ?? time.Today), "offenceCommittedOn", "Must not be after foundOn.")
            .When(!command.ViolationFound && command.OffenceCommittedOn is not null, "offenceCommittedOn",
                "No offence was committed when no violation was found.")
            .Text("summary", command.Summary, FieldErrors.LongText)
            .Texts("ethicsArticlesViolated", command.EthicsArticlesViolated, maxCount: 50, maxLength: 50)
            .PersonnelNumbers("employeesAtFault", command.EmployeesAtFault, maxCount: 50, minCount: command.ViolationFound ? 1 : 0)
            .When(!command.ViolationFound && command.EthicsArticlesViolated.Count > 0, "ethicsArticlesViolated",
                "No articles can be violated when no violation was found.")
            .When(!command.ViolationFound && command.EmployeesAtFault.Count > 0, "employeesAtFault",
                "Nobody is at fault when no violation was found.");
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => RecordFindingDecision.Check(command, state, time.Now));
    }

    [WolverinePost("/api/cases/{caseId}/finding", OperationId = "RecordFinding")]
    [EndpointSummary("Record the finding")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(RecordFinding command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time) =>
        CaseWritten.Append(stream, RecordFindingDecision.Decide(command, stream.Aggregate!, time.Now));
}
