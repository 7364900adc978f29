namespace Cases.Domain.Sanctions;

public enum SanctionStatus
{
    Active,
    Expired,
    Lifted,
    Overturned
}

/// <summary>The write model of one sanction's stream. Immutable.</summary>
public sealed partial record Sanction
{
    public Guid Id { get; init; }
    public string PersonnelNumber { get; init; } = "";
    public SanctionType Type { get; init; }
    public DateOnly OrderDate { get; init; }
    public DateOnly? ExpiresOn { get; init; }
    public DateOnly? AnnouncedOn { get; init; }
    public SanctionStatus Status { get; init; }
    public bool AppealPending { get; init; }

    public bool IsActive => Status == SanctionStatus.Active;
    public bool IsAnnounced => AnnouncedOn is not null;
    public bool IsVoid => Status == SanctionStatus.Overturned;

    public static Sanction Create(SanctionImposed e) => new()
    {
        Id = e.SanctionId,
        PersonnelNumber = e.PersonnelNumber,
        Type = e.Type,
        OrderDate = e.OrderDate,
        ExpiresOn = e.ExpiresOn,
        Status = SanctionStatus.Active
    };

    public Sanction Apply(SanctionAnnounced e) => this with { AnnouncedOn = e.AnnouncedOn };
    public Sanction Apply(SanctionAppealed _) => this with { AppealPending = true };
    public Sanction Apply(SanctionUpheld _) => this with { AppealPending = false };
    public Sanction Apply(SanctionOverturned _) => this with { AppealPending = false, Status = SanctionStatus.Overturned };
    public Sanction Apply(SanctionLifted _) => this with { Status = SanctionStatus.Lifted };
    /// <summary>A later end puts a sanction that expired too early back in force until then.</summary>
    public Sanction Apply(SanctionExpiryMoved e) => this with
    {
        ExpiresOn = e.ExpiresOn,
        Status = Status == SanctionStatus.Expired ? SanctionStatus.Active : Status
    };
    public Sanction Apply(SanctionExpired _) => this with { Status = SanctionStatus.Expired };
    public Sanction Apply(SanctionTypeCorrected e) => this with { Type = e.Type, ExpiresOn = e.ExpiresOn };
}

public static class SanctionRulesOf
{
    public static RuleViolation? NotVoid(Sanction s) =>
        s.IsVoid ? new RuleViolation("sanction-overturned", $"The sanction of {s.OrderDate:yyyy-MM-dd} was overturned and is void.") : null;

    public static RuleViolation? InForce(Sanction s) => NotVoid(s) ?? (s.IsActive
        ? null
        : new RuleViolation("sanction-not-in-force", $"The sanction of {s.OrderDate:yyyy-MM-dd} is no longer in force ({s.Status})."));

    public static RuleViolation? NotBeforeOrder(Sanction s, DateOnly date, string what) => Rules.NotBefore(date, s.OrderDate, what, "order");
}
