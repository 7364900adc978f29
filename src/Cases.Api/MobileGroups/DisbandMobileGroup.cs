using Cases.Domain.MobileGroups;
using Cases.Projections.MobileGroups;

namespace Cases.Api.MobileGroups;

[Tags(ApiTags.MobileGroups)]
public static class DisbandMobileGroupEndpoint
{
    public static ProblemDetails Validate(DisbandMobileGroup command, IEventStream<MobileGroup> stream, RequestTime time) =>
        MobileGroupChecks.Answer(new FieldErrors()
                .NotInFuture("disbandedOn", command.DisbandedOn, time.Today)
                .Text("reason", command.Reason, FieldErrors.LongText),
            command.ExpectedVersion, stream, state => DisbandMobileGroupDecision.Check(command, state));

    /// <summary>Disbands the group; it stays in the record and nothing is added to it afterwards.</summary>
    [WolverinePost("/api/mobile-groups/{groupId}/disbandment", OperationId = "DisbandMobileGroup")]
    [EndpointSummary("Disband a mobile group")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(DisbandMobileGroup command,
        [WriteAggregate("groupId", MissingMessage = MobileGroupChecks.Missing)] IEventStream<MobileGroup> stream,
        [ReadAggregate("groupId", Required = false)] MobileGroupDetails? details) =>
        Written.Append(stream, DisbandMobileGroupDecision.Decide(command, stream.Aggregate!));
}
