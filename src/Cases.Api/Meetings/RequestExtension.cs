using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Decisions)]
public static class RequestExtensionEndpoint
{
    public static ProblemDetails Validate(RequestExtension command, IEventStream<ProtocolDecision> stream, RequestTime time) =>
        DecisionChecks.Answer(new FieldErrors()
                .Text("reason", command.Reason, FieldErrors.LongText)
                .WithinTenYears("proposedDueDate", command.ProposedDueDate, time.Today)
                .NotInFuture("requestedOn", command.RequestedOn, time.Today),
            command.ExpectedVersion, stream, state => RequestExtensionDecision.Check(command, state, time.Now));

    [WolverinePost("/api/decisions/{decisionId}/extension-requests", OperationId = "RequestExtension")]
    [EndpointSummary("Request an extension of the due date")]
    [Authorize(Roles = Roles.Secretary)]
    public static Written Post(RequestExtension command,
        [WriteAggregate("decisionId", MissingMessage = DecisionChecks.Missing)] IEventStream<ProtocolDecision> stream, [ReadAggregate("decisionId", Required = false)] DecisionSummary? summary, RequestTime time) =>
        Written.Append(stream, RequestExtensionDecision.Decide(command, stream.Aggregate!, time.Now));
}
