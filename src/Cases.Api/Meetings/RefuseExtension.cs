using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Decisions)]
public static class RefuseExtensionEndpoint
{
    public static ProblemDetails Validate(RefuseExtension command, IEventStream<ProtocolDecision> stream, RequestTime time) =>
        DecisionChecks.Answer(new FieldErrors()
                .Text("reason", command.Reason, FieldErrors.LongText)
                .NotInFuture("refusedOn", command.RefusedOn, time.Today),
            command.ExpectedVersion, stream, state => RefuseExtensionDecision.Check(command, state, time.Now));

    [WolverinePost("/api/decisions/{decisionId}/extension-refusal", OperationId = "RefuseExtension")]
    [EndpointSummary("Refuse the requested extension")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(RefuseExtension command,
        [WriteAggregate("decisionId", MissingMessage = DecisionChecks.Missing)] IEventStream<ProtocolDecision> stream, [ReadAggregate("decisionId", Required = false)] DecisionSummary? summary, RequestTime time) =>
        Written.Append(stream, RefuseExtensionDecision.Decide(command, stream.Aggregate!, time.Now));
}
