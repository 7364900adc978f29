namespace Cases.Domain.Meetings;

/// <summary>The write model of one protocol decision's stream: its due date in force and how far it was carried out.</summary>
public sealed partial record ProtocolDecision
{
    public Guid Id { get; init; }
    public string ProtocolNumber { get; init; } = "";
    public DateOnly AdoptedOn { get; init; }
    public DateOnly DueDate { get; init; }
    public DateOnly? ExecutedOn { get; init; }
    public DateOnly? ProposedDueDate { get; init; }
    public bool IsOverdue { get; init; }

    public bool IsExecuted => ExecutedOn is not null;
    public bool HasPendingExtension => ProposedDueDate is not null;

    public static ProtocolDecision Create(DecisionAdopted e) => new()
    {
        Id = e.DecisionId,
        ProtocolNumber = e.ProtocolNumber,
        AdoptedOn = e.AdoptedOn,
        DueDate = e.DueDate
    };

    public ProtocolDecision Apply(ExecutionReported e) =>
        e.Progress == ExecutionProgress.Executed ? this with { ExecutedOn = e.ReportedOn, ProposedDueDate = null } : this;

    public ProtocolDecision Apply(ExtensionRequested e) => this with { ProposedDueDate = e.ProposedDueDate };

    public ProtocolDecision Apply(ExtensionGranted e) => this with { DueDate = e.NewDueDate, ProposedDueDate = null, IsOverdue = false };

    public ProtocolDecision Apply(ExtensionRefused _) => this with { ProposedDueDate = null };

    public ProtocolDecision Apply(DecisionBecameOverdue _) => this with { IsOverdue = true };
}

public static class DecisionRules
{
    public static RuleViolation? NotExecuted(ProtocolDecision d) =>
        d.IsExecuted ? new RuleViolation("decision-executed", $"Decision {d.ProtocolNumber} was executed on {d.ExecutedOn:yyyy-MM-dd}.") : null;

    public static RuleViolation? ExtensionPending(ProtocolDecision d) =>
        d.HasPendingExtension ? null : new RuleViolation("no-extension-requested", $"Decision {d.ProtocolNumber} has no extension request to answer.");

    public static RuleViolation? LaterThanDue(ProtocolDecision d, DateOnly date) =>
        date > d.DueDate ? null : new RuleViolation("extension-not-later", $"An extension must move the due date {d.DueDate:yyyy-MM-dd} later, not to {date:yyyy-MM-dd}.");
}
