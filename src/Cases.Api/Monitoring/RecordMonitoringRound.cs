using Cases.Domain.Monitoring;
using Cases.Projections.Cases;
using Marten;

namespace Cases.Api.Monitoring;

public sealed record MonitoringRoundRecordedResponse(Guid Id, long Version) : CreationResponse($"/api/monitoring/rounds/{Id}");

[Tags(ApiTags.Monitoring)]
public static class RecordMonitoringRoundEndpoint
{
    public const int MaxSources = 50;
    public const int MaxFindings = 200;

    public static Task<IReadOnlyDictionary<Guid, FindingCase>> LoadAsync(RecordMonitoringRound command, IQuerySession session, CancellationToken ct) =>
        CasesAsync(command, session, ct);

    /// <summary>The cases the findings name, as the organisation has them; one it lacks is left out.</summary>
    public static async Task<IReadOnlyDictionary<Guid, FindingCase>> CasesAsync(RecordMonitoringRound command, IQuerySession session, CancellationToken ct)
    {
        var ids = (command.Findings ?? []).Where(f => f?.CaseId is not null).Select(f => f.CaseId!.Value).Distinct().ToArray();
        if (ids.Length == 0) return new Dictionary<Guid, FindingCase>();
        var cases = await session.LoadManyAsync<CaseSummary>(ct, ids);
        return cases.ToDictionary(c => c.Id, c => new FindingCase(c.Id, c.Number, c.ReceivedOn));
    }

    public static ProblemDetails Validate(RecordMonitoringRound command, IReadOnlyDictionary<Guid, FindingCase> cases, RequestTime time)
    {
        var fields = Fields(command, time);
        return fields.Any ? fields.ToProblem()
            : UnknownCase(command, cases) ?? Problems.RuleOrContinue(RecordMonitoringRoundDecision.Check(command, cases));
    }

    /// <summary>A round's fields as a recording or a correction gives them.</summary>
    public static FieldErrors Fields(RecordMonitoringRound command, RequestTime time)
    {
        var procurement = command.Kind == MonitoringKind.PublicProcurement;
        var fields = new FieldErrors()
            .When(command.From.Year < 2000, "from", "Must be in 2000 or later.")
            .When(command.To < command.From, "to", "Must not be before from.")
            .NotInFuture("to", command.To, time.Today)
            .Texts("sources", command.Sources ?? [], MaxSources, minCount: 1)
            .When(command.ItemsReviewed < 0, "itemsReviewed", "Must be 0 or more.")
            .When((command.Findings?.Count ?? 0) > MaxFindings, "findings", $"At most {MaxFindings} items.")
            .When(procurement && command.Procurement is null, "procurement", "Required for public-procurement.")
            .When(!procurement && command.Procurement is not null, "procurement", "Only for public-procurement.");
        if (command.Procurement is { } check)
        {
            fields.When(check.Checked < 0, "procurement.checked", "Must be 0 or more.")
                .When(check.Violations < 0, "procurement.violations", "Must be 0 or more.")
                .When(check.Violations > check.Checked, "procurement.violations", "Must not exceed checked.")
                .When(check.AffectingResult < 0, "procurement.affectingResult", "Must be 0 or more.")
                .When(check.AffectingResult > check.Violations, "procurement.affectingResult", "Must not exceed violations.");
        }
        var findings = command.Findings ?? [];
        for (var i = 0; findings.Count <= MaxFindings && i < findings.Count; i++)
        {
            var (finding, name) = (findings[i], $"findings[{i}]");
            if (finding is null)
            {
                fields.Add(name, "Required.");
                continue;
            }
            fields.Finding(name, finding.Description, finding.LedTo, finding.ReferredTo)
                .When(finding.CaseId is not null && finding.LedTo != FindingOutcome.CaseOpened, $"{name}.caseId", "Only for a finding that led to a case (case-opened).");
        }
        return fields;
    }

    /// <summary>404 for a case a finding names that the organisation does not have; null when it has them all.</summary>
    public static ProblemDetails? UnknownCase(RecordMonitoringRound command, IReadOnlyDictionary<Guid, FindingCase> cases) =>
        (command.Findings ?? []).Select(f => f.CaseId).FirstOrDefault(id => id is { } caseId && !cases.ContainsKey(caseId)) is { } unknown
            ? new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = $"Case {unknown} was not found." }
            : null;

    /// <summary>Records one round of monitoring; each is a stream of one event.</summary>
    [WolverinePost("/api/monitoring/rounds", OperationId = "RecordMonitoringRound")]
    [EndpointSummary("Record a monitoring round")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Roles = Roles.Compliance)]
    public static (MonitoringRoundRecordedResponse, IStartStream) Post(RecordMonitoringRound command, IReadOnlyDictionary<Guid, FindingCase> cases)
    {
        var id = Guid.CreateVersion7();
        return (new MonitoringRoundRecordedResponse(id, 1),
            MartenOps.StartStream<MonitoringRoundRecorded>(id, RecordMonitoringRoundDecision.Decide(command, cases, id)));
    }
}

/// <summary>A finding as monitoring and mobile groups record it: what was found, and whom it was referred to when it was.</summary>
public static class FindingFields
{
    public static FieldErrors Finding(this FieldErrors fields, string name, string? description, FindingOutcome ledTo, string? referredTo)
    {
        fields.Text($"{name}.description", description, FieldErrors.LongText)
            .When(ledTo != FindingOutcome.Referral && referredTo is not null, $"{name}.referredTo", "Only for a finding that led to a referral.");
        return ledTo == FindingOutcome.Referral ? fields.Text($"{name}.referredTo", referredTo) : fields;
    }
}
