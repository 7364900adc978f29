using Cases.Domain.MobileGroups;

namespace Cases.Api.MobileGroups;

public static class MobileGroupChecks
{
    /// <summary>The same answer for a group never formed and one of another organisation.</summary>
    public const string Missing = "Mobile group {Id} was not found.";

    public const int MaxMembers = 100;

    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<MobileGroup> stream,
        Func<MobileGroup, RuleViolation?> rule) =>
        StreamChecks.Answer(fields, expectedVersion, stream, _ => "The mobile group", rule);

    /// <summary>A member as sent: a name, the body they come from, and the code of an organisation of the service if the body is one.</summary>
    public static FieldErrors Member(this FieldErrors fields, string name, GroupMember? member)
    {
        if (member is null) return fields.Add(name, "Required.");
        return fields.Text($"{name}.fullName", member.FullName)
            .Text($"{name}.body", member.Body)
            .When(member.OrganisationCode is { } code && !TokenClaims.IsOrganisationId(code.Trim()), $"{name}.organisationCode",
                "An organisation id: lower-case letters, digits and hyphens.");
    }
}
