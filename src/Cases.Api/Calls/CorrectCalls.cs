using Cases.Domain.Calls;
using Marten;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Cases.Api.Calls;

[Tags(ApiTags.Calls)]
public static class CorrectCallsEndpoint
{
    /// <summary>The reason travels in the query, beside a body that may be CSV: as long as an <c>X-Reason</c> may be.</summary>
    public const int MaxReason = 1_000;

    /// <summary>
    /// Replaces a logged day's calls with the calls it should have had, all of them, from JSON or CSV as the day import
    /// reads them; the day's version and the reason are in the query. The calls logged before stay in the day's
    /// stream; the summary and the narrative count the day as corrected.
    /// </summary>
    [WolverinePut("/api/call-lines/{line}/days/{date}/calls", OperationId = "CorrectCalls")]
    [EndpointSummary("Correct a logged day's calls, as JSON or CSV")]
    [ProducesResponseType<CallDayLogged>(StatusCodes.Status200OK, "application/json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [RequestSizeLimit(CallsBody.MaxDayBytes)]
    [Authorize(Roles = Roles.Compliance)]
    public static async Task<IResult> Put(string line, DateOnly date, [FromQuery] CorrectCalls command, HttpRequest request,
        IDocumentSession session, IOptions<JsonOptions> json, CancellationToken ct)
    {
        var errors = new FieldErrors()
            .Positive("expectedVersion", command.ExpectedVersion)
            .Text("reason", command.Reason, MaxReason);
        var (calls, refused) = await LogCallsEndpoint.ReadAsync(request, json.Value.SerializerOptions, errors, ct);
        if (refused is not null) return refused;
        if (errors.Any || calls is null) return Results.Problem(errors.ToProblem());

        if (await LogCallsEndpoint.LineMissingAsync(line, session, ct) is { } missing) return missing;
        var dayId = StreamIds.CallDay(session.TenantId, line, date);
        if (await LogCallsEndpoint.DayAsync(dayId, session, ct) is not { } day)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No calls of line {line} were logged on {date:yyyy-MM-dd}: import them.");
        }
        if (command.ExpectedVersion != day.Version)
        {
            return Results.Problem(Problems.StaleVersion($"The calls of line {line} on {date:yyyy-MM-dd}", command.ExpectedVersion, day.Version));
        }
        var record = CallsBody.Record(line, date, calls);
        if (CorrectCallsDecision.Check(record, day) is { } violation) return Results.Problem(Problems.Rule(violation));

        var corrected = CorrectCallsDecision.Decide(record, day, command.Reason!);
        // Appended at the version read: a correction racing this one fails at commit.
        session.Events.Append(dayId, day.Version + 1, corrected);
        return Results.Ok(LogCallsEndpoint.Answer(dayId, new LoggedDay(corrected.AsLogged(), day.Version + 1)));
    }
}
