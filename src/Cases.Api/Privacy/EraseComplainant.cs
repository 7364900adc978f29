using Cases.Api.Cases;
using Cases.Domain.Privacy;
using Cases.Projections.Cases;

namespace Cases.Api.Privacy;

[Tags(ApiTags.Privacy)]
public static class EraseComplainantEndpoint
{
    public static ProblemDetails Validate(EraseComplainant command, IEventStream<Case> stream) =>
        CaseChecks.Answer(new FieldErrors().Text("reason", command.Reason, FieldErrors.LongText), command.ExpectedVersion, stream,
            EraseComplainantDecision.Check);

    /// <summary>
    /// Erases the complainant's identity and contacts: <c>PersonalDataErased</c> (with the reason, never the data) and
    /// the destruction of their key and of their notice address's, in one transaction.
    /// </summary>
    [WolverinePost("/api/cases/{caseId}/complainant/erasure", OperationId = "EraseComplainant")]
    [EndpointSummary("Erase the complainant's personal data")]
    [Authorize(Roles = Roles.DataProtection)]
    public static CaseWritten Post(EraseComplainant command,
        [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, Marten.IDocumentSession session, RequestTime time)
    {
        var erased = EraseComplainantDecision.Decide(command, stream.Aggregate!, time.Now);
        PersonalKeys.Destroy(session, erased.PersonId, time.Now);
        if (erased.NoticePersonId is { } notice) PersonalKeys.Destroy(session, notice, time.Now);
        return CaseWritten.Append(stream, erased);
    }
}
