using Cases.Domain;
using Cases.Domain.Meetings;

namespace Cases.Projections.Meetings;

/// <summary>
/// A regional commission's instruction as the organisation it addresses reads it: who gave it, what and by when, and
/// how each of this organisation's addressees reported on it. The commission itself follows it on its decision.
/// </summary>
public sealed class InstructionSummary : IChangeTracked
{
    public Guid Id { get; set; }

    /// <summary>The instruction stream's version; a report sends it back as its expected version.</summary>
    public long Version { get; set; }

    /// <summary>The decision in the commission's organisation, which this organisation cannot read.</summary>
    public Guid DecisionId { get; set; }

    public string FromOrganisation { get; set; } = "";
    public string ProtocolNumber { get; set; } = "";
    public DecisionKind Kind { get; set; }
    public string Text { get; set; } = "";
    public Term? Term { get; set; }
    public DateOnly AdoptedOn { get; set; }
    public DateOnly DueDate { get; set; }

    /// <summary>Executed once every addressee of this organisation reported it executed.</summary>
    public bool IsExecuted { get; set; }

    public List<AddresseeExecution> Addressees { get; set; } = [];
    public List<InstructionExecutionReported> Reports { get; set; } = [];
    public DateTimeOffset LastChangedAt { get; set; }
}

public sealed partial class InstructionSummaryProjection : ChangeTrackedProjection<InstructionSummary>
{
    public InstructionSummary Create(InstructionReceived e) => new()
    {
        Id = e.InstructionId,
        DecisionId = e.DecisionId,
        FromOrganisation = e.FromOrganisation,
        ProtocolNumber = e.ProtocolNumber,
        Kind = e.Kind,
        Text = e.Text,
        Term = e.Term,
        AdoptedOn = e.AdoptedOn,
        DueDate = e.DueDate,
        Addressees = e.Addressees.Select(a => new AddresseeExecution(a, DecisionStatus.Open)).ToList()
    };

    /// <summary>Overdue is the commission's finding, on its decision; here a report is judged on time against the due date given.</summary>
    public void Apply(InstructionExecutionReported e, InstructionSummary view)
    {
        view.Reports.Add(e);
        view.Addressees = view.Addressees.Select(a => a.Addressee != e.By || a.Status == DecisionStatus.Executed
            ? a
            : e.Progress == ExecutionProgress.Executed
                ? a with { Status = DecisionStatus.Executed, ExecutedOn = e.ReportedOn, ExecutedOnTime = e.ReportedOn <= view.DueDate }
                : a with { Status = DecisionStatus.PartiallyExecuted }).ToList();
        view.IsExecuted = view.Addressees.All(a => a.Status == DecisionStatus.Executed);
    }
}
