using Wolverine;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Decisions)]
public static class GrantExtensionEndpoint
{
    public static ProblemDetails Validate(GrantExtension command, IEventStream<ProtocolDecision> stream, RequestTime time) =>
        DecisionChecks.Answer(new FieldErrors()
                .NotInFuture("grantedOn", command.GrantedOn, time.Today)
                .WithinTenYears("newDueDate", command.NewDueDate, time.Today),
            command.ExpectedVersion, stream, state => GrantExtensionDecision.Check(command, state, time.Now));

    /// <summary>Moves the due date; the check scheduled for the old one will find it moved and do nothing.</summary>
    [WolverinePost("/api/decisions/{decisionId}/extension-grant", OperationId = "GrantExtension")]
    [EndpointSummary("Grant the requested extension")]
    [Authorize(Roles = Roles.Secretary)]
    public static (Written, OutgoingMessages) Post(GrantExtension command,
        [WriteAggregate("decisionId", MissingMessage = DecisionChecks.Missing)] IEventStream<ProtocolDecision> stream, [ReadAggregate("decisionId", Required = false)] DecisionSummary? summary, RequestTime time)
    {
        var granted = GrantExtensionDecision.Decide(command, stream.Aggregate!, time.Now);
        return (Written.Append(stream, granted), [DecisionDeadlines.CheckAtEndOf(stream.Id, granted.NewDueDate, time)]);
    }
}
