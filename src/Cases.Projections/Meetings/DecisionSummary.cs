using Cases.Domain.Meetings;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Cases.Projections.Meetings;

public enum DecisionStatus
{
    Open,
    PartiallyExecuted,
    Overdue,
    Executed
}

/// <summary>A protocol decision and how its execution stands: what the executor owes and by when.</summary>
public sealed class DecisionSummary
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
    public DateOnly? OverdueFrom { get; set; }
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

public sealed record ExtensionEntry(DateOnly ProposedDueDate, string Reason, DateOnly RequestedOn, ExtensionAnswer Answer,
    DateOnly? AnsweredOn = null, DateOnly? GrantedDueDate = null, string? RefusalReason = null);

public sealed partial class DecisionSummaryProjection : SingleStreamProjection<DecisionSummary, Guid>
{
    public DecisionSummary Create(IEvent<DecisionAdopted> e) => new()
    {
        Id = e.Data.DecisionId,
        ProtocolNumber = e.Data.ProtocolNumber,
        MeetingId = e.Data.MeetingId,
        CommissionId = e.Data.CommissionId,
        ItemNumber = e.Data.ItemNumber,
        Kind = e.Data.Kind,
        Text = e.Data.Text,
        CaseId = e.Data.CaseId,
        CaseNumber = e.Data.CaseNumber,
        Executor = e.Data.Executor,
        ExecutorName = e.Data.Executor.Name,
        AdoptedOn = e.Data.AdoptedOn,
        OriginalDueDate = e.Data.DueDate,
        DueDate = e.Data.DueDate,
        Status = DecisionStatus.Open,
        LastChangedAt = EventTime.Of(e)
    };

    public void Apply(IEvent<ExecutionReported> e, DecisionSummary view)
    {
        view.Reports.Add(e.Data);
        if (e.Data.Progress == ExecutionProgress.Executed)
        {
            view.Status = DecisionStatus.Executed;
            view.IsExecuted = true;
            view.ExecutedOn = e.Data.ReportedOn;
            view.ExecutedOnTime = e.Data.ReportedOn <= view.DueDate;
            CloseExtension(view, ExtensionAnswer.Lapsed, e.Data.ReportedOn, null, null);
        }
        else if (view.Status == DecisionStatus.Open)
        {
            view.Status = DecisionStatus.PartiallyExecuted;
        }
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<ExtensionRequested> e, DecisionSummary view)
    {
        view.Extensions.Add(new ExtensionEntry(e.Data.ProposedDueDate, e.Data.Reason, e.Data.RequestedOn, ExtensionAnswer.Pending));
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<ExtensionGranted> e, DecisionSummary view)
    {
        CloseExtension(view, ExtensionAnswer.Granted, e.Data.GrantedOn, e.Data.NewDueDate, null);
        view.DueDate = e.Data.NewDueDate;
        view.OverdueFrom = null;
        if (view.Status == DecisionStatus.Overdue)
        {
            view.Status = view.Reports.Count > 0 ? DecisionStatus.PartiallyExecuted : DecisionStatus.Open;
        }
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<ExtensionRefused> e, DecisionSummary view)
    {
        CloseExtension(view, ExtensionAnswer.Refused, e.Data.RefusedOn, null, e.Data.Reason);
        view.LastChangedAt = EventTime.Of(e);
    }

    public void Apply(IEvent<DecisionBecameOverdue> e, DecisionSummary view)
    {
        view.Status = DecisionStatus.Overdue;
        view.OverdueFrom = DecisionDeadline.OverdueFrom(e.Data.DueDate);
        view.LastChangedAt = EventTime.Of(e);
    }

    private static void CloseExtension(DecisionSummary view, ExtensionAnswer answer, DateOnly on, DateOnly? granted, string? refusal)
    {
        var index = view.Extensions.FindLastIndex(x => x.Answer == ExtensionAnswer.Pending);
        if (index >= 0) view.Extensions[index] = view.Extensions[index] with { Answer = answer, AnsweredOn = on, GrantedDueDate = granted, RefusalReason = refusal };
    }
}
