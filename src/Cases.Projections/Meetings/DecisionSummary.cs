using Cases.Domain;
using Cases.Domain.Meetings;

namespace Cases.Projections.Meetings;

public enum DecisionStatus
{
    Open,
    PartiallyExecuted,
    Overdue,
    Executed
}

/// <summary>A protocol decision and how its execution stands: what the executor owes and by when.</summary>
public sealed class DecisionSummary : IChangeTracked
{
    public Guid Id { get; set; }

    /// <summary>The decision stream's version; commands on the decision send it back as their expected version.</summary>
    public long Version { get; set; }

    public string ProtocolNumber { get; set; } = "";
    public Guid MeetingId { get; set; }
    public Guid CommissionId { get; set; }
    public int ItemNumber { get; set; }
    public DecisionKind Kind { get; set; }
    public string Text { get; set; } = "";
    public Guid? CaseId { get; set; }
    public string? CaseNumber { get; set; }
    public Executor Executor { get; set; } = new(ExecutorKind.Unit, "");

    /// <summary>The executor's name, kept apart so that decisions can be looked up by it.</summary>
    public string ExecutorName { get; set; } = "";

    public DateOnly AdoptedOn { get; set; }
    public DateOnly OriginalDueDate { get; set; }

    /// <summary>The due date in force, after any extension granted.</summary>
    public DateOnly DueDate { get; set; }

    public DecisionStatus Status { get; set; }
    public bool IsExecuted { get; set; }
    public DateOnly? ExecutedOn { get; set; }
    public bool? ExecutedOnTime { get; set; }
    /// <summary>The first day the decision was overdue, if it was: never for one executed by its due date.</summary>
    public DateOnly? OverdueFrom { get; set; }
    /// <summary>"In the first half of 2019", "on an ongoing basis": the term the decision was worded with, if any.</summary>
    public Term? Term { get; set; }

    /// <summary>Each body that reports execution and how its own stands: the addressees, or the executor alone.</summary>
    public List<AddresseeExecution> Addressees { get; set; } = [];

    public List<ExecutionReported> Reports { get; set; } = [];
    public List<ExtensionEntry> Extensions { get; set; } = [];
    public DateTimeOffset LastChangedAt { get; set; }
}

public enum ExtensionAnswer
{
    Pending,
    Granted,
    Refused,

    /// <summary>The decision was executed before the request was answered.</summary>
    Lapsed
}

/// <summary>
/// One addressee's execution of a decision: executed when it reported so (on time or not, against the decision's due
/// date in force), overdue while it has not once the decision was found overdue.
/// </summary>
public sealed record AddresseeExecution(Executor Addressee, DecisionStatus Status, DateOnly? ExecutedOn = null, bool? ExecutedOnTime = null,
    DateOnly? OverdueFrom = null);

public sealed record ExtensionEntry(DateOnly ProposedDueDate, string Reason, DateOnly RequestedOn, ExtensionAnswer Answer,
    DateOnly? AnsweredOn = null, DateOnly? GrantedDueDate = null, string? RefusalReason = null);

public sealed partial class DecisionSummaryProjection : ChangeTrackedProjection<DecisionSummary>
{
    public DecisionSummary Create(DecisionAdopted e) => new()
    {
        Id = e.DecisionId,
        ProtocolNumber = e.ProtocolNumber,
        MeetingId = e.MeetingId,
        CommissionId = e.CommissionId,
        ItemNumber = e.ItemNumber,
        Kind = e.Kind,
        Text = e.Text,
        CaseId = e.CaseId,
        CaseNumber = e.CaseNumber,
        Executor = e.Executor,
        ExecutorName = e.Executor.Name,
        AdoptedOn = e.AdoptedOn,
        OriginalDueDate = e.DueDate,
        DueDate = e.DueDate,
        Status = DecisionStatus.Open,
        Term = e.Term,
        Addressees = (e.Addressees is { Count: > 0 } named ? named : [e.Executor]).Select(a => new AddresseeExecution(a, DecisionStatus.Open)).ToList()
    };

    public void Apply(ExecutionReported e, DecisionSummary view)
    {
        view.Reports.Add(e);
        if (ExecutedOnWith(e, view) is { } executedOn)
        {
            view.Status = DecisionStatus.Executed;
            view.IsExecuted = true;
            view.ExecutedOn = executedOn;
            // Judged on the day the last addressee executed it (the report's own date for a single executor), whether
            // or not the service's check had marked it overdue yet.
            view.ExecutedOnTime = executedOn <= view.DueDate;
            view.OverdueFrom = view.ExecutedOnTime.Value ? null : DecisionDeadline.OverdueFrom(view.DueDate);
            CloseExtension(view, ExtensionAnswer.Lapsed, executedOn, null, null);
        }
        else if (view.Status == DecisionStatus.Open)
        {
            view.Status = DecisionStatus.PartiallyExecuted;
        }
        Judge(view);
    }

    /// <summary>The decision's execution day once this report is in: the report's own, or the last addressee's once all reported.</summary>
    private static DateOnly? ExecutedOnWith(ExecutionReported e, DecisionSummary view)
    {
        if (e.Progress != ExecutionProgress.Executed) return null;
        if (e.By is null) return e.ReportedOn;
        var executed = view.Addressees.Select(a => a.Addressee == e.By ? e.ReportedOn : a.ExecutedOn).ToArray();
        return executed.All(d => d is not null) ? executed.Max() : null;
    }

    /// <summary>Each addressee's standing, from its own reports (the executor's are all of a decision's without addressees) and the decision's due date.</summary>
    private static void Judge(DecisionSummary view)
    {
        view.Addressees = view.Addressees.Select(a =>
        {
            var own = view.Reports.Where(r => r.By is null ? view.Addressees.Count == 1 : r.By == a.Addressee).ToArray();
            if (own.FirstOrDefault(r => r.Progress == ExecutionProgress.Executed) is { } executed)
            {
                var onTime = executed.ReportedOn <= view.DueDate;
                return a with { Status = DecisionStatus.Executed, ExecutedOn = executed.ReportedOn, ExecutedOnTime = onTime,
                    OverdueFrom = onTime ? null : DecisionDeadline.OverdueFrom(view.DueDate) };
            }
            return a with
            {
                Status = view.OverdueFrom is not null ? DecisionStatus.Overdue : own.Length > 0 ? DecisionStatus.PartiallyExecuted : DecisionStatus.Open,
                ExecutedOn = null, ExecutedOnTime = null, OverdueFrom = view.OverdueFrom
            };
        }).ToList();
    }

    public void Apply(ExtensionRequested e, DecisionSummary view) =>
        view.Extensions.Add(new ExtensionEntry(e.ProposedDueDate, e.Reason, e.RequestedOn, ExtensionAnswer.Pending));

    public void Apply(ExtensionGranted e, DecisionSummary view)
    {
        CloseExtension(view, ExtensionAnswer.Granted, e.GrantedOn, e.NewDueDate, null);
        view.DueDate = e.NewDueDate;
        view.OverdueFrom = null;
        if (view.Status == DecisionStatus.Overdue)
        {
            view.Status = view.Reports.Count > 0 ? DecisionStatus.PartiallyExecuted : DecisionStatus.Open;
        }
        Judge(view);
    }

    public void Apply(ExtensionRefused e, DecisionSummary view) => CloseExtension(view, ExtensionAnswer.Refused, e.RefusedOn, null, e.Reason);

    public void Apply(DecisionBecameOverdue e, DecisionSummary view)
    {
        view.Status = DecisionStatus.Overdue;
        view.OverdueFrom = DecisionDeadline.OverdueFrom(e.DueDate);
        Judge(view);
    }

    /// <summary>The report recorded with it already shows the decision executed on time; nothing of the mark is left.</summary>
    public void Apply(DecisionOverdueRetracted e, DecisionSummary view)
    {
        view.OverdueFrom = null;
        Judge(view);
    }

    private static void CloseExtension(DecisionSummary view, ExtensionAnswer answer, DateOnly on, DateOnly? granted, string? refusal)
    {
        var index = view.Extensions.FindLastIndex(x => x.Answer == ExtensionAnswer.Pending);
        if (index >= 0) view.Extensions[index] = view.Extensions[index] with { Answer = answer, AnsweredOn = on, GrantedDueDate = granted, RefusalReason = refusal };
    }
}
