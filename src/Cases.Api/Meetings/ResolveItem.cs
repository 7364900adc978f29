using Wolverine;
using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Meetings;

/// <summary>The vote's outcome; an adopted proposal names its protocol decision and where to follow its execution.</summary>
public sealed record ItemResolvedResponse(Guid MeetingId, long Version, int ItemNumber, bool Adopted, int For, int Against,
    int Abstained, bool CastingVoteUsed, Guid? DecisionId, string? ProtocolNumber);

[Tags(ApiTags.Meetings)]
public static class ResolveItemEndpoint
{
    public static ProblemDetails Validate(ResolveItem command, IEventStream<Meeting> stream, RequestTime time, IDocumentSession session,
        IOptions<OrganisationSettings> organisations)
    {
        var fields = new FieldErrors()
            .Text("text", command.Text, FieldErrors.LongText)
            .Text("executor.name", command.Executor.Name)
            .Text("executor.organisation", command.Executor.Organisation, required: false)
            .When(command.DueDate is null && command.Term is null, "dueDate", "Required unless a term is given.")
            .When(command.DueDate is not null && command.Term is not null, "dueDate", "Left out when a term is given: the term says when it is due.")
            .WithinTenYears("dueDate", command.DueDate, time.Today);
        if (command.Term is { } term)
        {
            foreach (var (field, message) in term.Problems()) fields.Add($"term.{field}", message);
            if (!term.Problems().Any()) fields.WithinTenYears("term", term.LastDay, time.Today);
        }
        var addressees = command.Addressees ?? [];
        fields.When(addressees.Count > ResolveItem.MaxAddressees, "addressees", $"At most {ResolveItem.MaxAddressees} items.");
        for (var i = 0; i < addressees.Count && i < ResolveItem.MaxAddressees; i++)
        {
            if (addressees[i] is null)
            {
                fields.Add($"addressees[{i}]", "Required.");
                continue;
            }
            fields.Text($"addressees[{i}].name", addressees[i].Name)
                .Text($"addressees[{i}].organisation", addressees[i].Organisation, required: false)
                .When(addressees.Take(i).Any(a => Same(a, addressees[i])), $"addressees[{i}]", "Named twice.");
        }
        if (fields.Any) return fields.ToProblem();
        var oversight = OversightOf(session, organisations.Value);
        var expanded = Expanded(command, oversight, organisations.Value);
        return MeetingChecks.Answer(fields.When(expanded.Addressees?.Count > ResolveItem.MaxAddressees, "addressees",
                $"At most {ResolveItem.MaxAddressees} addressees, the organisations overseen included."),
            command.ExpectedVersion, stream, state => ResolveItemDecision.Check(expanded, state, oversight));
    }

    /// <summary>
    /// Puts an item to the vote. An adopted decision starts its own stream, and a durable message is scheduled for the
    /// end of its due date to find it overdue if it is not executed by then. A decision addressed to bodies of the
    /// organisations this one oversees goes to each of them as a durable message, handled in that organisation
    /// (<c>GET /api/instructions</c> there).
    /// </summary>
    [WolverinePost("/api/meetings/{meetingId}/resolutions", OperationId = "ResolveItem")]
    [EndpointSummary("Resolve an agenda item")]
    [Authorize(Roles = Roles.Secretary)]
    public static (ItemResolvedResponse, IMartenOp, OutgoingMessages) Post(ResolveItem command,
        [WriteAggregate("meetingId", MissingMessage = MeetingChecks.Missing)] IEventStream<Meeting> stream, [ReadAggregate("meetingId", Required = false)] MeetingDetails? summary,
        RequestTime time, IDocumentSession session, IOptions<OrganisationSettings> organisations)
    {
        var oversight = OversightOf(session, organisations.Value);
        var (resolved, adopted) = ResolveItemDecision.Decide(Expanded(command, oversight, organisations.Value), stream.Aggregate!,
            Guid.CreateVersion7(), oversight);
        stream.AppendOne(resolved);
        var response = new ItemResolvedResponse(stream.Id, stream.CurrentVersion!.Value, resolved.ItemNumber, resolved.Adopted,
            resolved.For, resolved.Against, resolved.Abstained, resolved.CastingVoteUsed, resolved.DecisionId, resolved.ProtocolNumber);
        if (adopted is null) return (response, MartenOps.Nothing(), []);
        var messages = new OutgoingMessages { DecisionDeadlines.CheckAtEndOf(adopted.DecisionId, adopted.DueDate, time) };
        foreach (var (organisation, issued) in ReceivedInstruction.Issue(adopted, oversight.Own)) messages.Add(new RelayedInstruction(organisation, issued));
        return (response, MartenOps.StartStream<ProtocolDecision>(adopted.DecisionId, adopted), messages);
    }

    private static Oversight OversightOf(IDocumentSession session, OrganisationSettings organisations) =>
        new(session.TenantId, organisations.OverseenBy(session.TenantId));

    /// <summary>"All overseen organisations" as addressees: each organisation not already addressed, under its report name.</summary>
    private static ResolveItem Expanded(ResolveItem command, Oversight oversight, OrganisationSettings organisations)
    {
        if (!command.AllOverseen) return command;
        var named = command.Addressees ?? [];
        return command with
        {
            Addressees = [.. named, .. oversight.Overseen.Where(o => !named.Any(a => a.Organisation?.Trim() == o))
                .Select(o => new Executor(ExecutorKind.Unit, organisations.NameOf(o), o))]
        };
    }

    private static bool Same(Executor? a, Executor b) =>
        a is not null && a.Kind == b.Kind && a.Name?.Trim() == b.Name?.Trim() && (a.Organisation?.Trim() ?? "") == (b.Organisation?.Trim() ?? "");
}
