using Cases.Projections.Cases;
namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class ReferToCommissionEndpoint
{
    public static ProblemDetails Validate(ReferToCommission command, IEventStream<Case> stream, RequestTime time)
    {
        var fields = new FieldErrors()
            .NotInFuture("referredOn", command.ReferredOn, time.Today)
            .Text("commission", command.Commission, 100);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => ReferToCommissionDecision.Check(command, state, time.Now));
    }

    [WolverinePost("/api/cases/{caseId}/referral", OperationId = "ReferToCommission")]
    [EndpointSummary("Refer a case to a commission")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(ReferToCommission command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time) =>
        CaseWritten.Append(stream, ReferToCommissionDecision.Decide(command, stream.Aggregate!, time.Now));
}
