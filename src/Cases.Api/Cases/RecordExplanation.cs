using Cases.Domain.Sanctions;
using Marten;
using Microsoft.Extensions.Options;
using Cases.Projections.Cases;

namespace Cases.Api.Cases;

[Tags(ApiTags.Cases)]
public static class RecordExplanationEndpoint
{
    public static Task<WorkingCalendar> LoadAsync(IQuerySession session, CancellationToken ct) => OrganisationRules.CalendarAsync(session, ct);

    public static SanctionRules Before(IQuerySession session, IOptions<SanctionRuleSettings> settings) => OrganisationRules.Sanctions(session, settings);

    public static ProblemDetails Validate(RecordExplanation command, IEventStream<Case> stream, RequestTime time, WorkingCalendar calendar, SanctionRules rules)
    {
        var fields = new FieldErrors()
            .NotInFuture("recordedOn", command.RecordedOn, time.Today)
            .PersonnelNumber("personnelNumber", command.PersonnelNumber)
            .When(command.Text is not null && command.RefusalWitnesses is not null, "text",
                "Give either the explanation text or, for a refusal, the witnesses of the act, not both.")
            .Text("text", command.Text, FieldErrors.LongText, required: command.RefusalWitnesses is null);
        if (command.RefusalWitnesses is { } witnesses)
        {
            fields.Texts("refusalWitnesses", witnesses, maxCount: 10, minCount: 2);
        }
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => RecordExplanationDecision.Check(command, state, time.Now, calendar, rules));
    }

    [WolverinePost("/api/cases/{caseId}/explanations", OperationId = "RecordExplanation")]
    [EndpointSummary("Record an explanation, or its refusal")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(RecordExplanation command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time,
        WorkingCalendar calendar, SanctionRules rules) =>
        CaseWritten.Append(stream, RecordExplanationDecision.Decide(command, stream.Aggregate!, time.Now, calendar, rules));
}
