using Cases.Api.Cases;
using Cases.Api.Reminders;
using Cases.Domain.Public;
using Cases.Projections.Cases;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Cases.Api.Public;

[Tags(ApiTags.Public)]
public static class ReplyToReporterEndpoint
{
    public static ProblemDetails Validate(ReplyToReporter command, IEventStream<Case> stream) =>
        CaseChecks.Answer(new FieldErrors().Text("text", command.Text, FieldErrors.LongText), command.ExpectedVersion, stream,
            ReportThreadDecisions.CheckReply);

    /// <summary>
    /// The investigator writes to the reporter of a public report: the reporter reads it with the receipt code. A
    /// reporter who left an address is mailed a notice with no content, stored with the reply (Wolverine's outbox).
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/messages", OperationId = "ReplyToReporter")]
    [EndpointSummary("Reply to the reporter")]
    [Authorize(Roles = Roles.Investigator)]
    public static (CaseWritten, OutgoingMessages) Post(ReplyToReporter command,
        [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary,
        IDocumentSession session, IOptions<NotificationSettings> notifications, RequestTime time)
    {
        var replied = ReportThreadDecisions.Decide(command, stream.Aggregate!, Guid.CreateVersion7());
        var written = CaseWritten.Append(stream, replied);
        var notices = new OutgoingMessages();
        // Without a mail server there is no notice to send, nor one to record sent.
        if (notifications.Value.Mails && ReporterNoticeDecisions.Notice(stream.Aggregate!, replied, time.Now) is { } notice)
        {
            written = CaseWritten.Append(stream, notice);
            notices.Add(new ReporterNotice(session.TenantId, notice.CaseId, notice.MessageId));
        }
        return (written, notices);
    }
}
