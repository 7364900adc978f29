using Cases.Domain.Contacts;
using Cases.Projections.Cases;
using Marten;

namespace Cases.Api.Contacts;

public sealed record ContactRecordedResponse(Guid Id) : CreationResponse($"/api/contacts/{Id}");

[Tags(ApiTags.Contacts)]
public static class RecordContactEndpoint
{
    /// <summary>The case the contact became, when it names one: it must be the organisation's own.</summary>
    public static async Task<CaseSummary?> LoadAsync(RecordContact command, IQuerySession session, CancellationToken ct) =>
        command.CaseId is { } caseId ? await session.LoadAsync<CaseSummary>(caseId, ct) : null;

    public static ProblemDetails Validate(RecordContact command, CaseSummary? becameCase, RequestTime time)
    {
        var fields = new FieldErrors()
            .Text("topic", command.Topic)
            .NotInFuture("contactedOn", command.ContactedOn, time.Today)
            .When(command.ContactedOn?.Year < 2000, "contactedOn", "Must be in 2000 or later.");
        if (fields.Any) return fields.ToProblem();
        return command.CaseId is null || becameCase is not null
            ? WolverineContinue.NoProblems
            : new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = $"Case {command.CaseId} was not found." };
    }

    /// <summary>Logs one contact of the intake; each is a stream of one event.</summary>
    [WolverinePost("/api/contacts", OperationId = "RecordContact")]
    [EndpointSummary("Record a contact")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Roles = Roles.Intake)]
    public static (ContactRecordedResponse, IStartStream) Post(RecordContact command, RequestTime time)
    {
        var id = Guid.CreateVersion7();
        return (new ContactRecordedResponse(id), MartenOps.StartStream<ContactRecorded>(id, RecordContactDecision.Decide(command, id, time.Now)));
    }
}

[Tags(ApiTags.Contacts)]
public static class GetContactEndpoint
{
    /// <summary>The contact as it was logged; another organisation's is as unknown as one never logged.</summary>
    [WolverineGet("/api/contacts/{contactId}", OperationId = "GetContact")]
    [EndpointSummary("Read a contact")]
    [ProducesResponseType<ContactRecorded>(StatusCodes.Status200OK, "application/json")]
    [Authorize(Roles = $"{Roles.Intake},{Roles.Auditor}")]
    public static async Task<IResult> Get(Guid contactId, IQuerySession session, CancellationToken ct) =>
        (await session.Events.FetchStreamAsync(contactId, token: ct)).Select(e => e.Data).OfType<ContactRecorded>().SingleOrDefault() is { } contact
            ? Results.Ok(contact)
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"Contact {contactId} was not found.");
}
