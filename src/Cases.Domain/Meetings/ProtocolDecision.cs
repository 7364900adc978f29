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

    /// <summary>The bodies that each report execution; empty for a decision with its executor alone.</summary>
    public IReadOnlyList<Executor> Addressees { get; init; } = [];

    /// <summary>The addressees that reported the decision executed, and on which day.</summary>
    public IReadOnlyList<AddresseeExecuted> ExecutedBy { get; init; } = [];

    /// <summary>The reports forwarded from the addressees' own organisations, so that a redelivered one is taken once.</summary>
    public IReadOnlyList<Guid> ForwardedReports { get; init; } = [];

    public bool IsOverdue => OverdueSequence is not null;
    public bool IsExecuted => ExecutedOn is not null;
    public bool HasPendingExtension => ProposedDueDate is not null;

    public static ProtocolDecision Create(DecisionAdopted e) => new()
    {
        Id = e.DecisionId,
        ProtocolNumber = e.ProtocolNumber,
        AdoptedOn = e.AdoptedOn,
        DueDate = e.DueDate,
        Addressees = e.Addressees ?? []
    };

    public bool HasExecuted(Executor addressee) => ExecutedBy.Any(x => x.Addressee == addressee);

    /// <summary>
    /// The day the decision is executed if this report is added: the report's own for a decision with one executor; the
    /// last addressee's once every one has reported it executed; null while some has not.
    /// </summary>
    public DateOnly? ExecutedOnWith(ExecutionReported e)
    {
        if (e.Progress != ExecutionProgress.Executed) return null;
        if (Addressees.Count == 0) return e.ReportedOn;
        var executed = ExecutedBy.Append(new AddresseeExecuted(e.By!, e.ReportedOn)).ToArray();
        return Addressees.All(a => executed.Any(x => x.Addressee == a)) ? executed.Max(x => x.On) : null;
    }

    public ProtocolDecision Apply(ExecutionReported e)
    {
        var state = e.ReportId is { } forwarded ? this with { ForwardedReports = [.. ForwardedReports, forwarded] } : this;
        if (e.Progress != ExecutionProgress.Executed) return state;
        var executedOn = ExecutedOnWith(e);
        state = e.By is { } by ? state with { ExecutedBy = [.. ExecutedBy, new AddresseeExecuted(by, e.ReportedOn)] } : state;
        return executedOn is null ? state : state with { ExecutedOn = executedOn, ProposedDueDate = null, ExtensionRequestedOn = null };
    }

    public ProtocolDecision Apply(ExtensionRequested e) =>
        this with { ProposedDueDate = e.ProposedDueDate, ExtensionRequestedOn = e.RequestedOn, ExtensionDatedOn = e.RequestedOn };

    /// <summary>The mark was about the old due date: the new one is judged on its own.</summary>
    public ProtocolDecision Apply(ExtensionGranted e) =>
        this with { DueDate = e.NewDueDate, ProposedDueDate = null, ExtensionRequestedOn = null, ExtensionDatedOn = e.GrantedOn, OverdueSequence = null };

    public ProtocolDecision Apply(ExtensionRefused e) => this with { ProposedDueDate = null, ExtensionRequestedOn = null, ExtensionDatedOn = e.RefusedOn };

    public ProtocolDecision Apply(IEvent<DecisionBecameOverdue> e) => this with { OverdueSequence = e.Sequence };

    public ProtocolDecision Apply(DecisionOverdueRetracted _) => this with { OverdueSequence = null };
}

/// <summary>An addressee of a decision reported it executed on <see cref="On"/>.</summary>
public sealed record AddresseeExecuted(Executor Addressee, DateOnly On);

public static class DecisionRules
{
    /// <summary>
    /// A decision with addressees is reported on by one of them, named; a decision with its executor alone by no one named.
    /// </summary>
    public static RuleViolation? ByAddressee(ProtocolDecision d, Executor? by) => (d.Addressees.Count, by) switch
    {
        (0, null) => null,
        (0, { } named) => new RuleViolation("not-an-addressee",
            $"Decision {d.ProtocolNumber} has a single executor and no addressees; {named.Name} cannot report on it as one."),
        (_, null) => new RuleViolation("not-an-addressee",
            $"Decision {d.ProtocolNumber} is addressed to {d.Addressees.Count} bodies; name the one reporting."),
        _ when !d.Addressees.Contains(by) => new RuleViolation("not-an-addressee",
            $"{by.Name}{(by.Organisation is null ? "" : $" of {by.Organisation}")} is not an addressee of decision {d.ProtocolNumber}."),
        _ => null
    };

    public static RuleViolation? AddresseeNotExecuted(ProtocolDecision d, Executor? by) =>
        by is not null && d.ExecutedBy.FirstOrDefault(x => x.Addressee == by) is { } done
            ? new RuleViolation("addressee-executed", $"{by.Name} reported decision {d.ProtocolNumber} executed on {done.On:yyyy-MM-dd}.")
            : null;

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
