namespace Cases.Domain.Sanctions;

public enum SanctionStatus
{
    Active,
    Expired,
    Lifted,
    Overturned
}

/// <summary>
/// The write model of one sanction's stream. Immutable. Besides its status it keeps the business dates the rules judge
/// by: when it was lifted, when the service recorded it expired, when the pending appeal was filed and the last one decided.
/// </summary>
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
    public DateOnly? AppealFiledOn { get; init; }
    public DateOnly? AppealDecidedOn { get; init; }
    public DateOnly? LiftedOn { get; init; }

    /// <summary>The day the service recorded it expired, while that expiry counts.</summary>
    public DateOnly? ExpiredOn { get; init; }

    public bool IsActive => Status == SanctionStatus.Active;
    public bool IsAnnounced => AnnouncedOn is not null;
    public bool IsVoid => Status == SanctionStatus.Overturned;

    /// <summary>
    /// Whether the sanction was in force on <paramref name="day"/> on the business dates known now: from its order up to
    /// the end of its period or its lifting, whatever the service has recorded by itself meanwhile; never once overturned.
    /// </summary>
    public bool InForceOn(DateOnly day) => InForceOn(day, IsVoid, OrderDate, ExpiresOn, LiftedOn);

    /// <summary>The rule itself, for every model of a sanction that keeps these dates (its read models too).</summary>
    public static bool InForceOn(DateOnly day, bool isVoid, DateOnly orderDate, DateOnly? expiresOn, DateOnly? liftedOn) =>
        !isVoid && orderDate <= day && (expiresOn is not { } expires || day < expires) && (liftedOn is not { } lifted || day < lifted);

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
    public Sanction Apply(SanctionAppealed e) => this with { AppealPending = true, AppealFiledOn = e.FiledOn };
    public Sanction Apply(SanctionUpheld e) => this with { AppealPending = false, AppealDecidedOn = e.DecidedOn };
    public Sanction Apply(SanctionOverturned e) => this with { AppealPending = false, AppealDecidedOn = e.DecidedOn, Status = SanctionStatus.Overturned };
    public Sanction Apply(SanctionLifted e) => this with { Status = SanctionStatus.Lifted, LiftedOn = e.LiftedOn };

    /// <summary>A later end puts a sanction that expired too early back in force until then.</summary>
    public Sanction Apply(SanctionExpiryMoved e) => this with
    {
        ExpiresOn = e.ExpiresOn,
        Status = Status == SanctionStatus.Expired ? SanctionStatus.Active : Status,
        ExpiredOn = Status == SanctionStatus.Expired ? null : ExpiredOn
    };

    public Sanction Apply(SanctionExpired e) => this with { Status = SanctionStatus.Expired, ExpiredOn = e.ExpiredOn };

    /// <summary>The recorded expiry no longer counts: in force again until the next event says how it ended.</summary>
    public Sanction Apply(SanctionExpiryRetracted _) => this with { Status = SanctionStatus.Active, ExpiredOn = null };

    /// <summary>The statutory end; one recorded expired before it is back in force until then.</summary>
    public Sanction Apply(SanctionPeriodRestated e) => Status == SanctionStatus.Expired && ExpiredOn < e.ExpiresOn
        ? this with { ExpiresOn = e.ExpiresOn, Status = SanctionStatus.Active, ExpiredOn = null }
        : this with { ExpiresOn = e.ExpiresOn };

    public Sanction Apply(SanctionTypeCorrected e) => this with { Type = e.Type, ExpiresOn = e.ExpiresOn };
}

public static class SanctionRulesOf
{
    public static RuleViolation? NotVoid(Sanction s) =>
        s.IsVoid ? new RuleViolation("sanction-overturned", $"The sanction of {s.OrderDate:yyyy-MM-dd} was overturned and is void.") : null;

    /// <summary>Art. 66(4): a lifting, or any act that needs the sanction in force, dated within its period.</summary>
    public static RuleViolation? InForceOn(Sanction s, DateOnly date, string what) => s.ExpiresOn is { } expires && date >= expires
        ? new RuleViolation("sanction-not-in-force",
            $"The sanction of {s.OrderDate:yyyy-MM-dd} was in force through {expires.AddDays(-1):yyyy-MM-dd} (art. 66(4)); the {what} of {date:yyyy-MM-dd} comes after its period ended.")
        : null;

    public static RuleViolation? NotLifted(Sanction s) => s.LiftedOn is { } lifted
        ? new RuleViolation("sanction-already-lifted", $"The sanction of {s.OrderDate:yyyy-MM-dd} was lifted on {lifted:yyyy-MM-dd}.")
        : null;

    public static RuleViolation? NotBeforeOrder(Sanction s, DateOnly date, string what) => Rules.NotBefore(date, s.OrderDate, what, "order");
}
