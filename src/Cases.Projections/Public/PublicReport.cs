using Cases.Domain.Privacy;
using Cases.Domain.Public;
using Cases.Domain.Retention;
using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Cases.Projections.Public;

public enum MessageAuthor
{
    Reporter,
    Investigator
}

public sealed record ThreadMessage(Guid MessageId, MessageAuthor From, string Text, DateTimeOffset At);

/// <summary>
/// A public report's receipt (to find and check a code) and its message thread: all the service keeps for the
/// reporter, apart from the case itself. The case's id is the document's.
/// </summary>
public sealed class PublicReport
{
    public Guid Id { get; set; }
    public string LookupId { get; set; } = "";
    public string Salt { get; set; } = "";
    public string Hash { get; set; } = "";
    public int Iterations { get; set; }
    public bool Anonymous { get; set; }
    public DateTimeOffset ReportedAt { get; set; }
    public List<ThreadMessage> Messages { get; set; } = [];

    /// <summary>The reporter's address for notices of new messages, sealed under their key: never in clear here.</summary>
    public SealedPersonalData? NoticeAddress { get; set; }

    /// <summary>The language the reporter wrote in when they gave the address, which the notices are written in.</summary>
    public string? NoticeLanguage { get; set; }
}

/// <summary>Handles only the public thread's events, so that other cases get no document.</summary>
public sealed class PublicReportProjection : SingleStreamProjection<PublicReport, Guid>
{
    public PublicReportProjection() => DeleteEvent<CaseArchived>();

    public PublicReport Create(ReceiptIssued e) => new()
    {
        Id = e.CaseId, LookupId = e.LookupId, Salt = e.Salt, Hash = e.Hash, Iterations = e.Iterations, Anonymous = e.Anonymous,
        ReportedAt = e.ReportedAt
    };

    public void Apply(IEvent<ReporterMessagePosted> e, PublicReport view) =>
        view.Messages.Add(new ThreadMessage(e.Data.MessageId, MessageAuthor.Reporter, e.Data.Text, EventTime.Of(e)));

    public void Apply(IEvent<InvestigatorReplied> e, PublicReport view) =>
        view.Messages.Add(new ThreadMessage(e.Data.MessageId, MessageAuthor.Investigator, e.Data.Text, EventTime.Of(e)));

    public void Apply(ReporterNoticeAddressGiven e, PublicReport view)
    {
        view.NoticeAddress = e.Address;
        view.NoticeLanguage = e.Language;
    }

    public void Apply(ReporterNoticeAddressRemoved _, PublicReport view)
    {
        view.NoticeAddress = null;
        view.NoticeLanguage = null;
    }
}
