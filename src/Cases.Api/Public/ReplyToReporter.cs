using Cases.Api.Cases;
using Cases.Domain.Public;
using Cases.Projections.Cases;

namespace Cases.Api.Public;

[Tags(ApiTags.Public)]
public static class ReplyToReporterEndpoint
{
    public static ProblemDetails Validate(ReplyToReporter command, IEventStream<Case> stream) =>
        CaseChecks.Answer(new FieldErrors().Text("text", command.Text, FieldErrors.LongText), command.ExpectedVersion, stream,
            ReportThreadDecisions.CheckReply);

    /// <summary>The investigator writes to the reporter of a public report: the reporter reads it with the receipt code.</summary>
    [WolverinePost("/api/cases/{caseId}/messages", OperationId = "ReplyToReporter")]
    [EndpointSummary("Reply to the reporter")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(ReplyToReporter command,
        [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary) =>
        CaseWritten.Append(stream, ReportThreadDecisions.Decide(command, stream.Aggregate!, Guid.CreateVersion7()));
}
