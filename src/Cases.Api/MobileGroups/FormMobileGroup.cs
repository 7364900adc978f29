using Cases.Domain.MobileGroups;

namespace Cases.Api.MobileGroups;

public sealed record MobileGroupFormedResponse(Guid Id, long Version) : CreationResponse($"/api/mobile-groups/{Id}");

[Tags(ApiTags.MobileGroups)]
public static class FormMobileGroupEndpoint
{
    public static ProblemDetails Validate(FormMobileGroup command, RequestTime time)
    {
        var members = command.Members ?? [];
        var fields = new FieldErrors()
            .Text("name", command.Name)
            .Text("area", command.Area)
            .When(command.FormedOn.Year < 2000, "formedOn", "Must be in 2000 or later.")
            .NotInFuture("formedOn", command.FormedOn, time.Today)
            .When(command.StartsOn < command.FormedOn, "startsOn", "Must not be before formedOn.")
            .WithinTenYears("startsOn", command.StartsOn, time.Today)
            .When(members.Count is 0 or > MobileGroupChecks.MaxMembers, "members", $"Between 1 and {MobileGroupChecks.MaxMembers} members.");
        if (fields.Any) return fields.ToProblem();
        for (var i = 0; i < members.Count; i++) fields.Member($"members[{i}]", members[i]);
        if (fields.Any) return fields.ToProblem();
        return fields
            .When(members.Select(m => m.FullName.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() < members.Count, "members", "Each person once.")
            .When(members.Count(m => m.Role == MobileGroupRole.Head) > 1, "members", "At most one head.")
            .ToProblem();
    }

    /// <summary>Forms a mobile group for an area, with its members and the day it starts working; each group is a stream of its own.</summary>
    [WolverinePost("/api/mobile-groups", OperationId = "FormMobileGroup")]
    [EndpointSummary("Form a mobile group")]
    [Authorize(Roles = Roles.Compliance)]
    public static (MobileGroupFormedResponse, IStartStream) Post(FormMobileGroup command)
    {
        var id = Guid.CreateVersion7();
        return (new MobileGroupFormedResponse(id, 1), MartenOps.StartStream<MobileGroup>(id, FormMobileGroupDecision.Decide(command, id)));
    }
}
