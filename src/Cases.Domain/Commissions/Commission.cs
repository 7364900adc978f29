namespace Cases.Domain.Commissions;

/// <summary>A member's period in office, both ends included; <see cref="Until"/> is null while still in office.</summary>
public sealed record Membership(string PersonnelNumber, string FullName, string? UserName, MemberRole Role, DateOnly From, DateOnly? Until, string? Position = null)
{
    public bool InOfficeOn(DateOnly day) => From <= day && (Until is null || day <= Until);
}

/// <summary>A commission's rules and composition over time. Immutable: Apply returns a new state.</summary>
public sealed partial record Commission
{
    public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public CommissionKind Kind { get; init; }
    public QuorumRule Quorum { get; init; }
    public MajorityRule Majority { get; init; }
    public bool ChairHasCastingVote { get; init; }
    public DateOnly EstablishedOn { get; init; }
    public IReadOnlyList<Membership> Members { get; init; } = [];

    /// <summary>Marten's stream version, so readers know what to send as the expected version.</summary>
    public long Version { get; set; }

    public IReadOnlyList<Membership> InOffice(DateOnly day) => Members.Where(m => m.InOfficeOn(day)).ToArray();

    public Membership? CurrentMembership(string personnelNumber) =>
        Members.LastOrDefault(m => m.PersonnelNumber == personnelNumber && m.Until is null);

    /// <summary>The person's latest period in office, ended or not.</summary>
    public Membership? LatestMembership(string personnelNumber) => Members.LastOrDefault(m => m.PersonnelNumber == personnelNumber);

    public static Commission Create(CommissionEstablished e) => new()
    {
        Id = e.CommissionId,
        Name = e.Name,
        Kind = e.Kind,
        Quorum = e.Quorum,
        Majority = e.Majority,
        ChairHasCastingVote = e.ChairHasCastingVote,
        EstablishedOn = e.EstablishedOn
    };

    public Commission Apply(CommissionMemberAppointed e) => this with
    {
        Members = [.. Members, new Membership(e.PersonnelNumber, e.FullName, e.UserName, e.Role, e.From, null, e.Position)]
    };

    public Commission Apply(CommissionMemberReleased e) => this with
    {
        Members = Members.Select(m => m.PersonnelNumber == e.PersonnelNumber && m.Until is null ? m with { Until = e.Until } : m).ToArray()
    };
}
