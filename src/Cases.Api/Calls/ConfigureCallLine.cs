using System.Text.RegularExpressions;
using Cases.Domain.Calls;
using Marten;

namespace Cases.Api.Calls;

[Tags(ApiTags.Calls)]
public static partial class ConfigureCallLineEndpoint
{
    /// <summary>A line id is the organisation's own short key: lower-case letters, digits and dashes.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    public static partial Regex LineIdPattern();

    public static Task<IEventStream<CallLine>> LoadAsync(string line, IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForWriting<CallLine>(StreamIds.CallLine(session.TenantId, line), ct);

    public static ProblemDetails Validate(string line, ConfigureCallLine command) => new FieldErrors()
        .When(!LineIdPattern().IsMatch(line), "line", "1 to 64 lower-case letters, digits and dashes, starting with a letter or digit.")
        .Text("name", command.Name)
        .ToProblem();

    /// <summary>Configures a phone line whose calls are logged (the call-centre, the compliance phone, the 1424 line), or renames it.</summary>
    [WolverinePut("/api/call-lines/{line}", OperationId = "ConfigureCallLine")]
    [EndpointSummary("Configure a phone line")]
    [Authorize(Roles = Roles.Compliance)]
    public static CallLine Put(string line, ConfigureCallLine command, IEventStream<CallLine> stream)
    {
        var events = ConfigureCallLineDecision.Decide(command, line, stream.Aggregate);
        stream.AppendMany(events);
        return events.Aggregate(stream.Aggregate ?? new CallLine { Id = stream.Id }, (configured, e) => configured.Apply(e));
    }
}

[Tags(ApiTags.Calls)]
public static class ListCallLinesEndpoint
{
    /// <summary>The organisation's configured lines, by line id.</summary>
    [WolverineGet("/api/call-lines", OperationId = "ListCallLines")]
    [EndpointSummary("List the phone lines")]
    [Authorize(Roles = Roles.ProgrammeReaders)]
    public static async Task<IReadOnlyList<CallLine>> Get(IQuerySession session, CancellationToken ct) =>
        await session.Query<CallLine>().OrderBy(l => l.LineId).ToListAsync(ct);
}
