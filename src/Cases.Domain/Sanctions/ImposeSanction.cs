using Cases.Domain.Cases;
using Cases.Domain.Employees;
using Cases.Domain.Meetings;

namespace Cases.Domain.Sanctions;

/// <summary>
/// The employer's order: who, for which case's offence, which sanction, and the order's number and date.
/// <see cref="EstablishedByAudit"/> when an audit or inspection of the employer's financial and economic activity
/// established the offence (art. 66(2): a year from the offence instead of six months).
/// </summary>
public sealed record ImposeSanction(
    string PersonnelNumber,
    Guid CaseId,
    SanctionType Type,
    string OrderNumber,
    DateOnly OrderDate,
    DateOnly OffenceCommittedOn,
    DateOnly OffenceDiscoveredOn,
    Guid? DecisionId = null,
    bool EstablishedByAudit = false);

/// <summary>A protocol decision a sanction rests on, as far as imposing it needs to know.</summary>
public sealed record DecisionBasis(Guid Id, string ProtocolNumber, Guid? CaseId, DecisionKind Kind);

/// <summary>Everything the rules of imposition look at besides the order itself.</summary>
public sealed record ImpositionContext(
    Case Case,
    DecisionBasis? Decision,
    bool OffenceAlreadySanctioned,
    IReadOnlyList<Absence> Absences,
    WorkingCalendar Calendar,
    SanctionRules Rules);

public static class ImposeSanctionDecision
{
    public static RuleViolation? Check(ImposeSanction command, ImpositionContext context)
    {
        var employee = command.PersonnelNumber.Trim();
        var @case = context.Case;
        return Rules.First(
            () => @case.ViolationFound == true && @case.EmployeesAtFault.Contains(employee)
                ? null
                : new RuleViolation("no-violation-found", $"The finding of case {@case.Number} does not hold employee {employee} at fault."),
            () => Rules.NotBefore(command.OrderDate, @case.FoundOn!.Value, "order", "finding"),
            () => @case.HeardSubjects.Contains(employee)
                ? null
                : new RuleViolation("explanation-missing",
                    $"Employee {employee} has neither explained nor refused to in writing (act of refusal) on case {@case.Number} (art. 65)."),
            () => context.Decision is { } decision && decision.CaseId != @case.Id
                ? new RuleViolation("decision-about-another-case", $"Protocol decision {decision.ProtocolNumber} is not about case {@case.Number}.")
                : null,
            () => context.Decision is { Kind: not DecisionKind.SanctionRecommendation } other
                ? new RuleViolation("decision-not-a-sanction-recommendation", $"Protocol decision {other.ProtocolNumber} does not recommend a sanction.")
                : null,
            () => context.OffenceAlreadySanctioned
                ? new RuleViolation("one-sanction-per-offence",
                    $"Employee {employee} already has a sanction for the offence of case {@case.Number} (art. 65(3)).")
                : null,
            () => context.Absences.FirstOrDefault(a => a.Bars() && a.Covers(command.OrderDate)) is { } absence
                ? new RuleViolation("employee-absent",
                    $"Employee {employee} is absent ({absence.Kind}) from {absence.From:yyyy-MM-dd} to {absence.To:yyyy-MM-dd}; no sanction is imposed during it (art. {AbsenceEffects.For(absence.Kind).Bars}).")
                : null,
            () => LastDayFromDiscovery(command, context) is var limit && command.OrderDate > limit
                ? new RuleViolation("imposition-too-late-after-discovery",
                    $"The offence was discovered on {command.OffenceDiscoveredOn:yyyy-MM-dd}: a sanction could be imposed until {limit:yyyy-MM-dd} (art. 66(1), {context.Rules.MonthsFromDiscovery} month(s), the days art. 66(3) suspends it not counted).")
                : null,
            () => LastDayFromOffence(command, context) is var limit && command.OrderDate > limit
                ? new RuleViolation("imposition-too-late-after-offence",
                    $"The offence was committed on {command.OffenceCommittedOn:yyyy-MM-dd}: a sanction could be imposed until {limit:yyyy-MM-dd} (art. 66(2), {MonthsFromOffence(command, context.Rules)} months{(command.EstablishedByAudit ? " as an audit or inspection established it" : "")}, the days art. 66(3) suspends it not counted).")
                : null);
    }

    public static DateOnly LastDayFromDiscovery(ImposeSanction command, ImpositionContext context) =>
        LabourClock.End(command.OffenceDiscoveredOn, context.Rules.MonthsFromDiscovery, context.Absences);

    public static DateOnly LastDayFromOffence(ImposeSanction command, ImpositionContext context) =>
        LabourClock.End(command.OffenceCommittedOn, MonthsFromOffence(command, context.Rules), context.Absences);

    private static int MonthsFromOffence(ImposeSanction command, SanctionRules rules) =>
        command.EstablishedByAudit ? rules.MonthsFromOffenceWhenAudited : rules.MonthsFromOffence;

    /// <summary>
    /// The first day a sanction ordered on <paramref name="orderDate"/> is no longer in force: the day after the last
    /// of its months in force (art. 66(4)), which no absence extends. A dismissal never ends.
    /// </summary>
    public static DateOnly? ExpiresOn(SanctionType type, DateOnly orderDate, SanctionRules rules) =>
        type == SanctionType.Dismissal ? null : orderDate.AddMonths(rules.MonthsInForce).AddDays(1);

    public static SanctionImposed Decide(ImposeSanction command, ImpositionContext context, Guid sanctionId)
    {
        Rules.Ensure(Check(command, context));
        return new SanctionImposed(
            sanctionId,
            command.PersonnelNumber.Trim(),
            context.Case.Id,
            context.Case.Number,
            context.Decision?.Id,
            context.Decision?.ProtocolNumber,
            command.Type,
            command.OrderNumber.Trim(),
            command.OrderDate,
            command.OffenceCommittedOn,
            command.OffenceDiscoveredOn,
            context.Calendar.After(command.OrderDate, context.Rules.AnnouncementWorkingDays),
            ExpiresOn(command.Type, command.OrderDate, context.Rules),
            command.EstablishedByAudit);
    }
}
