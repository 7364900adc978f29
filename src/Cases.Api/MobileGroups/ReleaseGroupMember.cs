using Cases.Domain.MobileGroups;
using Cases.Projections.MobileGroups;

namespace Cases.Api.MobileGroups;

[Tags(ApiTags.MobileGroups)]
public static class ReleaseGroupMemberEndpoint
{
    public static ProblemDetails Validate(ReleaseGroupMember command, IEventStream<MobileGroup> stream, RequestTime time) =>
        MobileGroupChecks.Answer(new FieldErrors()
                .Text("fullName", command.FullName)
                .NotInFuture("leftOn", command.LeftOn, time.Today)
                .Text("reason", command.Reason, FieldErrors.LongText, required: false),
            command.ExpectedVersion, stream, state => ReleaseGroupMemberDecision.Check(command, state));

    /// <summary>Records that a member left the group; the group keeps them in its history with the day they left.</summary>
    [WolverinePost("/api/mobile-groups/{groupId}/departures", OperationId = "ReleaseGroupMember")]
    [EndpointSummary("Release a member of a mobile group")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(ReleaseGroupMember command,
        [WriteAggregate("groupId", MissingMessage = MobileGroupChecks.Missing)] IEventStream<MobileGroup> stream,
        [ReadAggregate("groupId", Required = false)] MobileGroupDetails? details) =>
        Written.Append(stream, ReleaseGroupMemberDecision.Decide(command, stream.Aggregate!));
}
