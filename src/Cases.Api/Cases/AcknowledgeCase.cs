using Cases.Projections.Cases;
namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class AcknowledgeCaseEndpoint
{
    public static ProblemDetails Validate(AcknowledgeCase command, IEventStream<Case> stream, RequestTime time)
    {
        var fields = new FieldErrors()
            .NotInFuture("acknowledgedOn", command.AcknowledgedOn, time.Today);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => AcknowledgeCaseDecision.Check(command, state, time.Now));
    }

    [WolverinePost("/api/cases/{caseId}/acknowledgement", OperationId = "AcknowledgeCase")]
    [EndpointSummary("Acknowledge a case")]
    [Authorize(Roles = Roles.Intake)]
    public static CaseWritten Post(AcknowledgeCase command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time) =>
        CaseWritten.Append(stream, AcknowledgeCaseDecision.Decide(command, stream.Aggregate!, time.Now));
}
