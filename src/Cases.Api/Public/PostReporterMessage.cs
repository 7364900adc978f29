using Cases.Domain.Public;
using Cases.Projections.Public;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Public;

public sealed record MessagePosted(Guid MessageId);

[Tags(ApiTags.Public)]
public static class PostReporterMessageEndpoint
{
    public static ProblemDetails Validate(PostReporterMessage command) =>
        new FieldErrors().Text("text", command.Text, FieldErrors.LongText).ToProblem();

    /// <summary>The reporter writes to the investigator, with the receipt code in the <c>X-Receipt-Code</c> header.</summary>
    [WolverinePost("/api/public/{organisation}/report/messages", OperationId = "PostReporterMessage")]
    [EndpointSummary("Write to the investigator with the receipt code")]
    [ProducesResponseType<MessagePosted>(StatusCodes.Status201Created, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [RequestHeader(PublicChannel.ReceiptHeader, ReceiptCodes.HeaderDescription, Required = true)]
    [PublicEndpoint]
    public static async Task<IResult> Post(PostReporterMessage command, HttpRequest request, IDocumentSession session,
        IOptions<PublicReportingSettings> settings, CancellationToken ct)
    {
        var (report, refusal) = await ReceiptCodes.OpenAsync(request, session, settings.Value.ReceiptHashIterations, ct);
        if (report is null) return refusal!;
        var (posted, violation) = await WriteAsync(command, report, session, ct);
        return violation is not null ? Results.Problem(Problems.Rule(violation)) : Results.Created((string?)null, posted);
    }

    /// <summary>Appends the reporter's message to an opened report, or says which rule refuses it; the reporting page writes the same way.</summary>
    public static async Task<(MessagePosted? Posted, RuleViolation? Violation)> WriteAsync(PostReporterMessage command, PublicReport report,
        IDocumentSession session, CancellationToken ct)
    {
        // The reporter knows no version: the stream's own optimistic check still refuses a write that raced another.
        var stream = await session.Events.FetchForWriting<Case>(report.Id, ct);
        if (ReportThreadDecisions.CheckReporter(stream.Aggregate!) is { } violation) return (null, violation);
        var posted = ReportThreadDecisions.Decide(command, stream.Aggregate!, Guid.CreateVersion7());
        stream.AppendOne(posted);
        return (new MessagePosted(posted.MessageId), null);
    }
}
