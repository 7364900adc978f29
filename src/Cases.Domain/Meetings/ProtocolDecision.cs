using JasperFx.Events;

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

    /// <summary>The business date of the pending extension request.</summary>
    public DateOnly? ExtensionRequestedOn { get; init; }

    /// <summary>The business date of the latest extension request or answer: each needed the decision unexecuted then.</summary>
    public DateOnly? ExtensionDatedOn { get; init; }

    /// <summary>The sequence of the overdue mark the service recorded for the due date in force, while it stands.</summary>
    public long? OverdueSequence { get; init; }

    public bool IsOverdue => OverdueSequence is not null;
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
        e.Progress == ExecutionProgress.Executed ? this with { ExecutedOn = e.ReportedOn, ProposedDueDate = null, ExtensionRequestedOn = null } : this;

    public ProtocolDecision Apply(ExtensionRequested e) =>
        this with { ProposedDueDate = e.ProposedDueDate, ExtensionRequestedOn = e.RequestedOn, ExtensionDatedOn = e.RequestedOn };

    /// <summary>The mark was about the old due date: the new one is judged on its own.</summary>
    public ProtocolDecision Apply(ExtensionGranted e) =>
        this with { DueDate = e.NewDueDate, ProposedDueDate = null, ExtensionRequestedOn = null, ExtensionDatedOn = e.GrantedOn, OverdueSequence = null };

    public ProtocolDecision Apply(ExtensionRefused e) => this with { ProposedDueDate = null, ExtensionRequestedOn = null, ExtensionDatedOn = e.RefusedOn };

    public ProtocolDecision Apply(IEvent<DecisionBecameOverdue> e) => this with { OverdueSequence = e.Sequence };

    public ProtocolDecision Apply(DecisionOverdueRetracted _) => this with { OverdueSequence = null };
}

public static class DecisionRules
{
    public static RuleViolation? NotExecuted(ProtocolDecision d) =>
        d.IsExecuted ? new RuleViolation("decision-executed", $"Decision {d.ProtocolNumber} was executed on {d.ExecutedOn:yyyy-MM-dd}.") : null;

    public static RuleViolation? ExtensionPending(ProtocolDecision d) =>
        d.HasPendingExtension ? null : new RuleViolation("no-extension-requested", $"Decision {d.ProtocolNumber} has no extension request to answer.");

    /// <summary>An answer to the pending request is dated on or after the request, whenever it is entered.</summary>
    public static RuleViolation? NotBeforeRequest(ProtocolDecision d, DateOnly answeredOn, string answer) =>
        Rules.NotBefore(answeredOn, d.ExtensionRequestedOn!.Value, answer, "request");

    /// <summary>
    /// Executed on a day before an extension request or answer already recorded, the decision could not have been asked
    /// more time then: entered in date order, that request or answer would have been refused.
    /// </summary>
    public static RuleViolation? NotBeforeExtension(ProtocolDecision d, DateOnly executedOn) => d.ExtensionDatedOn is { } on && executedOn < on
        ? new RuleViolation("date-before-extension",
            $"Decision {d.ProtocolNumber} was asked more time, or answered, on {on:yyyy-MM-dd}; it cannot have been executed before that, on {executedOn:yyyy-MM-dd}.")
        : null;

    public static RuleViolation? LaterThanDue(ProtocolDecision d, DateOnly date) =>
        date > d.DueDate ? null : new RuleViolation("extension-not-later", $"An extension must move the due date {d.DueDate:yyyy-MM-dd} later, not to {date:yyyy-MM-dd}.");
}
