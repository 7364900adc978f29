using System.Globalization;
using System.Text;
using System.Text.Json;
using Cases.Projections.Audit;
using Marten;
using Marten.Pagination;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Audit;

/// <summary>Filters of the audit trail, all optional: a case, a user, an event type, a time range (from included, to excluded).</summary>
public sealed record AuditQuery(
    Guid? CaseId = null,
    string? User = null,
    string? EventType = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    int Page = 1,
    int PageSize = AuditQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public ProblemDetails Check() => new FieldErrors()
        .Text("user", User, required: false)
        .Text("eventType", EventType, 100, required: false)
        .When(From >= To, "from", "Must be before to.")
        .Pages(Page, PageSize, MaxPageSize)
        .ToProblem();

    public IQueryable<AuditEntry> Apply(IQuerySession session)
    {
        var entries = session.Query<AuditEntry>().AsQueryable();
        if (CaseId is { } caseId) entries = entries.Where(e => e.CaseId == caseId || e.StreamId == caseId);
        if (User is { } user) entries = entries.Where(e => e.User == user.Trim());
        if (EventType is { } type) entries = entries.Where(e => e.EventType == type.Trim());
        if (From is { } from) entries = entries.Where(e => e.Time >= from);
        if (To is { } to) entries = entries.Where(e => e.Time < to);
        return entries.OrderBy(e => e.Sequence);
    }
}


[Tags(ApiTags.Audit)]
public static class ReadAuditTrailEndpoint
{
    public static ProblemDetails Validate(AuditQuery query) => query.Check();

    /// <summary>The organisation's audit trail in the order the events were stored, one page at a time.</summary>
    [WolverineGet("/api/audit", OperationId = "ReadAuditTrail")]
    [EndpointSummary("Read the audit trail")]
    [Authorize(Roles = Roles.Auditor)]
    public static Task<Paged<AuditEntry>> Get([FromQuery] AuditQuery query, IQuerySession session, CancellationToken ct) =>
        query.Apply(session).PageAsync(query.Page, query.PageSize, ct);
}

[Tags(ApiTags.Audit)]
public static class ExportAuditTrailEndpoint
{
    public static ProblemDetails Validate(AuditQuery query, string? format) => new FieldErrors()
        .When(format is not (null or "csv" or "ndjson"), "format", "Either csv or ndjson.")
        .ToProblem() is var formatProblem && !ReferenceEquals(formatProblem, WolverineContinue.NoProblems) ? formatProblem : query.Check();

    /// <summary>
    /// Every entry the filters select (paging ignored), as CSV or NDJSON, written as it is read from the database so
    /// that an export of any size runs in constant memory.
    /// </summary>
    [WolverineGet("/api/audit/export", OperationId = "ExportAuditTrail")]
    [EndpointSummary("Export the audit trail as CSV or NDJSON")]
    [ProducesResponseType<AuditEntry>(StatusCodes.Status200OK, "text/csv", "application/x-ndjson")]
    [Authorize(Roles = Roles.Auditor)]
    public static async Task Get([FromQuery] AuditQuery query, string? format, IQuerySession session, HttpResponse response,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        var csv = format != "ndjson";
        response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8";
        response.Headers.ContentDisposition = $"attachment; filename=\"audit.{(csv ? "csv" : "ndjson")}\"";
        await using var writer = new StreamWriter(response.Body, new UTF8Encoding(false), bufferSize: 16 * 1024);
        if (csv) await writer.WriteLineAsync(CsvHeader);
        await foreach (var entry in query.Apply(session).ToAsyncEnumerable(ct))
        {
            await writer.WriteLineAsync(csv ? CsvLine(entry) : JsonSerializer.Serialize(entry, json.Value.SerializerOptions));
        }
    }

    // A column added later goes last, so that a reader of the earlier columns by position still reads them.
    public const string CsvHeader = "sequence,time,user,roles,organisation,stream_id,version,event_type,summary,correlation_id,reason,case_id,causation_id";

    private static string CsvLine(AuditEntry e) => string.Join(',',
        e.Sequence.ToString(CultureInfo.InvariantCulture), e.Time.ToString("O", CultureInfo.InvariantCulture), Csv.Field(e.User), Csv.Field(e.Roles),
        Csv.Field(e.Organisation), e.StreamId, e.Version.ToString(CultureInfo.InvariantCulture), Csv.Field(e.EventType), Csv.Field(e.Summary),
        Csv.Field(e.CorrelationId), Csv.Field(e.Reason), e.CaseId?.ToString() ?? "", Csv.Field(e.CausationId));
}
