namespace Cases.Domain.Meetings;

// The facts of a protocol decision, from its adoption to its execution. Each adopted decision is a stream of its own
// so that its execution can be reported long after the meeting's minutes were signed.

public enum DecisionKind
{
    /// <summary>Read for a value stored outside the contract before the API was strict (e.g. two values joined by a
    /// comma); written as <c>unknown</c>, never accepted from a client.</summary>
    Unknown = -1,

    Instruction,
    SanctionRecommendation,
    NoViolationFound,
    ReferToLawEnforcement,
    Other
}

public enum ExecutorKind
{
    Unit,
    Person
}

/// <summary>Who must carry the decision out; <see cref="Organisation"/> names another body for a regional commission.</summary>
public sealed record Executor(ExecutorKind Kind, string Name, string? Organisation = null);

public sealed record DecisionAdopted(
    Guid DecisionId,
    Guid MeetingId,
    Guid CommissionId,
    string ProtocolNumber,
    int ItemNumber,
    DecisionKind Kind,
    string Text,
    Guid? CaseId,
    string? CaseNumber,
    Executor Executor,
    DateOnly DueDate,
    DateOnly AdoptedOn,
    IReadOnlyList<Executor>? Addressees = null,
    Term? Term = null) : IMeetingFact;

public enum ExecutionProgress
{
    Executed,
    PartiallyExecuted
}

/// <summary>
/// The executor reported on the decision; <see cref="Evidence"/> lists the documents that prove it. On a decision with
/// addressees, <see cref="By"/> names the one reporting; <see cref="ReportId"/> names the report it forwards from that
/// addressee's own organisation (<see cref="InstructionExecutionReported"/>), if it came from there.
/// </summary>
public sealed record ExecutionReported(
    Guid DecisionId,
    ExecutionProgress Progress,
    string Report,
    IReadOnlyList<string> Evidence,
    DateOnly ReportedOn,
    Executor? By = null,
    Guid? ReportId = null);

public sealed record ExtensionRequested(Guid DecisionId, DateOnly ProposedDueDate, string Reason, DateOnly RequestedOn);

public sealed record ExtensionGranted(Guid DecisionId, DateOnly NewDueDate, DateOnly GrantedOn);

public sealed record ExtensionRefused(Guid DecisionId, string Reason, DateOnly RefusedOn);

/// <summary>The due date passed with the decision unexecuted. Recorded by the service itself, at the end of that day.</summary>
public sealed record DecisionBecameOverdue(Guid DecisionId, DateOnly DueDate) : IRecordedByService;

/// <summary>
/// The overdue mark the service recorded (event <see cref="Sequence"/>, for <see cref="DueDate"/>) was wrong: an
/// execution report entered after it shows the decision executed on <see cref="ExecutedOn"/>, by its due date. The
/// mark stays as stored, and every record reads the decision as executed on time from now on.
/// </summary>
public sealed record DecisionOverdueRetracted(Guid DecisionId, long Sequence, DateOnly DueDate, DateOnly ExecutedOn);
