using Cases.Api.Privacy;
using Marten;

namespace Cases.Api.Cases;

/// <summary>201 with the new case's location, its human number and the version to send with the next command.</summary>
public sealed record CaseRegisteredResponse(Guid Id, string Number, long Version) : CreationResponse($"/api/cases/{Id}");

[Tags(ApiTags.Cases)]
public static class RegisterCaseEndpoint
{
    public const int MaxSubjects = 50;

    public static ProblemDetails Validate(RegisterCase command, RequestTime time)
    {
        var fields = new FieldErrors()
            .Text("summary", command.Summary, FieldErrors.LongText)
            .NotInFuture("receivedOn", command.ReceivedOn, time.Today)
            .When(command.ReceivedOn.Year < 2000, "receivedOn", "Must be in 2000 or later.")
            .PersonnelNumbers("subjects", command.Subjects, MaxSubjects);
        if (command.Complainant is { } complainant)
        {
            fields.When(complainant.Anonymous && (complainant.Name ?? complainant.Phone ?? complainant.Email ?? complainant.PersonnelNumber) is not null,
                    "complainant", "An anonymous complainant gives no name or contact.")
                .When(!complainant.Anonymous && string.IsNullOrWhiteSpace(complainant.Name), "complainant.name",
                    "Required unless the complainant is anonymous.")
                .Text("complainant.name", complainant.Name, required: false)
                .Text("complainant.phone", complainant.Phone, 40, required: false)
                .Text("complainant.email", complainant.Email, required: false);
            if (complainant.PersonnelNumber is not null) fields.PersonnelNumber("complainant.personnelNumber", complainant.PersonnelNumber);
        }
        return fields.ToProblem();
    }

    [WolverinePost("/api/cases", OperationId = "RegisterCase")]
    [EndpointSummary("Register a case")]
    [Authorize(Roles = Roles.Intake)]
    public static async Task<(CaseRegisteredResponse, IStartStream)> Post(
        RegisterCase command, IDocumentSession session, CancellationToken ct)
    {
        var caseId = Guid.CreateVersion7();
        var number = CaseNumber.Format(command.ReceivedOn.Year,
            await Numbering.NextAsync(session, Numbering.CaseSeries, command.ReceivedOn.Year, ct));
        var registered = RegisterCaseDecision.Decide(command, caseId, number,
            RegisterCaseDecision.IdentityToSeal(command) is { } identity ? PersonalKeys.Seal(session, identity) : null);
        return (new CaseRegisteredResponse(caseId, number, 1), MartenOps.StartStream<Case>(caseId, registered));
    }
}
