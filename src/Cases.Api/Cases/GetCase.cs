using Cases.Projections.Cases;
using Wolverine.Persistence;

namespace Cases.Api.Cases;

/// <summary>
/// A case as a case worker reads it: its summary, and the actions its step allows next (<see cref="CaseActions"/>,
/// the decisions' own guards), so that a client offers what the case allows without a copy of its rules.
/// </summary>
public sealed class CaseRead
{
    public Guid Id { get; init; }

    /// <summary>The stream version this answer reflects; commands send it back as their expected version.</summary>
    public long Version { get; init; }

    public string Number { get; init; } = "";
    public CaseStatus Status { get; init; }
    public Channel Channel { get; init; }
    public Category Category { get; init; }
    public string[] Subjects { get; init; } = [];
    public bool ComplainantAnonymous { get; init; }
    public bool ComplainantIdentified { get; init; }

    /// <summary>The complainant's identity was erased: their key is destroyed, and no endpoint can read it again.</summary>
    public bool ComplainantErased { get; init; }

    public string Summary { get; init; } = "";
    public DateOnly ReceivedOn { get; init; }
    public DateTimeOffset RegisteredAt { get; init; }
    public DateOnly? AcknowledgedOn { get; init; }

    /// <summary>When the reporter must have heard back, for a case that owes feedback.</summary>
    public DateOnly? FeedbackDueOn { get; init; }

    public string? Investigator { get; init; }
    public List<ExplanationSummary> Explanations { get; init; } = [];
    public List<EvidenceSummary> Evidence { get; init; } = [];
    public FindingSummary? Finding { get; init; }
    public string? Commission { get; init; }
    public DateOnly? ReferredOn { get; init; }
    public CaseOutcome? Outcome { get; init; }
    public DateOnly? ClosedOn { get; init; }
    public int TimesReopened { get; init; }
    public DateTimeOffset LastChangedAt { get; init; }

    /// <summary>The commands the case's step allows next; the roles that may send each are the endpoints' own.</summary>
    public CaseAction[] AllowedActions { get; init; } = [];

    public static CaseRead Of(CaseSummary summary, Case? state) => new()
    {
        Id = summary.Id,
        Version = summary.Version,
        Number = summary.Number,
        Status = summary.Status,
        Channel = summary.Channel,
        Category = summary.Category,
        Subjects = summary.Subjects,
        ComplainantAnonymous = summary.ComplainantAnonymous,
        ComplainantIdentified = summary.ComplainantIdentified,
        ComplainantErased = summary.ComplainantErased,
        Summary = summary.Summary,
        ReceivedOn = summary.ReceivedOn,
        RegisteredAt = summary.RegisteredAt,
        AcknowledgedOn = summary.AcknowledgedOn,
        FeedbackDueOn = summary.FeedbackDueOn,
        Investigator = summary.Investigator,
        Explanations = summary.Explanations,
        Evidence = summary.Evidence,
        Finding = summary.Finding,
        Commission = summary.Commission,
        ReferredOn = summary.ReferredOn,
        Outcome = summary.Outcome,
        ClosedOn = summary.ClosedOn,
        TimesReopened = summary.TimesReopened,
        LastChangedAt = summary.LastChangedAt,
        AllowedActions = state is null ? [] : [.. CaseActions.Allowed(state)]
    };
}

[Tags(ApiTags.Cases)]
public static class GetCaseEndpoint
{
    /// <summary>
    /// The organisation's own case, with the actions its step allows next; another organisation's case is as unknown as
    /// one never registered.
    /// </summary>
    [WolverineGet("/api/cases/{caseId}", OperationId = "GetCase")]
    [EndpointSummary("Read a case")]
    [Authorize(Roles = Roles.CaseReaders)]
    public static CaseRead Get([Entity("caseId", MissingMessage = CaseChecks.Missing)] CaseSummary summary,
        [ReadAggregate("caseId", Required = false)] Case? state) => CaseRead.Of(summary, state);
}
