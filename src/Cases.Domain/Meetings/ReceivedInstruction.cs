namespace Cases.Domain.Meetings;

// A regional commission's decision addressed to bodies of an organisation it oversees. Each organisation reads and
// writes only its own records, so the instruction reaches the addressees' organisation as a message and is kept there
// as a stream of its own; their execution reports go back to the decision the same way.

/// <summary>The message that carries an adopted decision to one organisation it addresses, handled in that organisation.</summary>
public sealed record InstructionIssued(
    Guid DecisionId,
    string FromOrganisation,
    string ProtocolNumber,
    DecisionKind Kind,
    string Text,
    Term? Term,
    DateOnly DueDate,
    DateOnly AdoptedOn,
    IReadOnlyList<Executor> Addressees);

/// <summary>
/// A regional commission's instruction reached this organisation: decision <see cref="DecisionId"/> of
/// <see cref="FromOrganisation"/>, addressed to the <see cref="Addressees"/> of this organisation. Recorded by the
/// service as the message arrives.
/// </summary>
public sealed record InstructionReceived(
    Guid InstructionId,
    Guid DecisionId,
    string FromOrganisation,
    string ProtocolNumber,
    DecisionKind Kind,
    string Text,
    Term? Term,
    DateOnly DueDate,
    DateOnly AdoptedOn,
    IReadOnlyList<Executor> Addressees) : IRecordedByService;

/// <summary>An addressee of this organisation reported on the instruction; the report is forwarded to the commission as <see cref="ReportId"/>.</summary>
public sealed record InstructionExecutionReported(
    Guid InstructionId,
    Guid ReportId,
    Executor By,
    ExecutionProgress Progress,
    string Report,
    IReadOnlyList<string> Evidence,
    DateOnly ReportedOn);

/// <summary>The message that carries an addressee's report back to the decision, handled in the commission's organisation.</summary>
public sealed record InstructionExecutionForwarded(
    Guid DecisionId,
    Guid ReportId,
    Executor By,
    ExecutionProgress Progress,
    string Report,
    IReadOnlyList<string> Evidence,
    DateOnly ReportedOn);

/// <summary>The write model of an instruction received: whom of this organisation it addresses and who reported it executed.</summary>
public sealed partial record ReceivedInstruction
{
    public Guid Id { get; init; }
    public Guid DecisionId { get; init; }
    public string FromOrganisation { get; init; } = "";
    public string ProtocolNumber { get; init; } = "";
    public DateOnly AdoptedOn { get; init; }
    public IReadOnlyList<Executor> Addressees { get; init; } = [];
    public IReadOnlyList<AddresseeExecuted> ExecutedBy { get; init; } = [];

    public static ReceivedInstruction Create(InstructionReceived e) => new()
    {
        Id = e.InstructionId,
        DecisionId = e.DecisionId,
        FromOrganisation = e.FromOrganisation,
        ProtocolNumber = e.ProtocolNumber,
        AdoptedOn = e.AdoptedOn,
        Addressees = e.Addressees
    };

    public ReceivedInstruction Apply(InstructionExecutionReported e) => e.Progress == ExecutionProgress.Executed
        ? this with { ExecutedBy = [.. ExecutedBy, new AddresseeExecuted(e.By, e.ReportedOn)] }
        : this;

    /// <summary>The instruction as this organisation keeps it, from the message; its stream id is the one the message maps to.</summary>
    public static InstructionReceived Receive(Guid instructionId, InstructionIssued issued) => new(instructionId, issued.DecisionId,
        issued.FromOrganisation, issued.ProtocolNumber, issued.Kind, issued.Text, issued.Term, issued.DueDate, issued.AdoptedOn, issued.Addressees);

    /// <summary>The messages that carry a decision to each other organisation it addresses, those addressees only.</summary>
    public static IEnumerable<(string Organisation, InstructionIssued Message)> Issue(DecisionAdopted adopted, string fromOrganisation) =>
        (adopted.Addressees ?? [])
            .Where(a => a.Organisation is { } org && org != fromOrganisation)
            .GroupBy(a => a.Organisation!, StringComparer.Ordinal)
            .Select(g => (g.Key, new InstructionIssued(adopted.DecisionId, fromOrganisation, adopted.ProtocolNumber, adopted.Kind,
                adopted.Text, adopted.Term, adopted.DueDate, adopted.AdoptedOn, g.ToArray())));
}
