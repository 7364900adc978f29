using Cases.Domain.MobileGroups;
using Cases.Projections.MobileGroups;

namespace Cases.Api.MobileGroups;

[Tags(ApiTags.MobileGroups)]
public static class AddGroupMemberEndpoint
{
    public static ProblemDetails Validate(AddGroupMember command, IEventStream<MobileGroup> stream, RequestTime time) =>
        MobileGroupChecks.Answer(new FieldErrors()
                .Member("member", command.Member)
                .NotInFuture("joinedOn", command.JoinedOn, time.Today),
            command.ExpectedVersion, stream, state => AddGroupMemberDecision.Check(command, state));

    /// <summary>Adds a member to the group from the day they join.</summary>
    [WolverinePost("/api/mobile-groups/{groupId}/members", OperationId = "AddGroupMember")]
    [EndpointSummary("Add a member to a mobile group")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(AddGroupMember command,
        [WriteAggregate("groupId", MissingMessage = MobileGroupChecks.Missing)] IEventStream<MobileGroup> stream,
        [ReadAggregate("groupId", Required = false)] MobileGroupDetails? details) =>
        Written.Append(stream, AddGroupMemberDecision.Decide(command, stream.Aggregate!));
}
