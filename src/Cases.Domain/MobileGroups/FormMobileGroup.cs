namespace Cases.Domain.MobileGroups;

public sealed record FormMobileGroup(string Name, string Area, DateOnly FormedOn, DateOnly StartsOn, IReadOnlyList<GroupMember> Members);

public static class FormMobileGroupDecision
{
    /// <summary>Forms a group with the members named; each group is a stream of its own.</summary>
    public static MobileGroupFormed Decide(FormMobileGroup command, Guid groupId) => new(
        groupId,
        command.Name.Trim(),
        command.Area.Trim(),
        command.FormedOn,
        command.StartsOn,
        [.. command.Members.Select(Trimmed)]);

    public static GroupMember Trimmed(GroupMember m) =>
        new(m.FullName.Trim(), m.Body.Trim(), m.Role, m.OrganisationCode?.Trim() is { Length: > 0 } code ? code : null);
}
