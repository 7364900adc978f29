using Cases.Api.Employees;
using Cases.Domain.Calendars;
using Cases.Domain.Employees;
using Cases.Domain.Sanctions;
using Cases.Projections.Meetings;
using Marten;
using Microsoft.Extensions.Options;
using Wolverine;

namespace Cases.Api.Sanctions;

public sealed record SanctionImposedResponse(Guid Id, long Version, DateOnly AnnounceBy, DateOnly? ExpiresOn) : CreationResponse($"/api/sanctions/{Id}");

[Tags(ApiTags.Sanctions)]
public static class ImposeSanctionEndpoint
{
    /// <summary>The case, the decision if one is named, and the employee's record, as the organisation has them; null when the case or decision is unknown.</summary>
    public static async Task<ImpositionContext?> LoadAsync(ImposeSanction command, IDocumentSession session, IOptions<SanctionRuleSettings> rules,
        CancellationToken ct)
    {
        var personnelNumber = command.PersonnelNumber?.Trim() ?? "";
        await session.BeginTransactionAsync(ct);
        var batch = session.CreateBatchQuery();
        EmployeeRecords.Hold(batch, session, personnelNumber);
        var caseStream = batch.Events.FetchStreamState(command.CaseId);
        var @case = batch.Events.FetchLatest<Case>(command.CaseId);
        var decision = command.DecisionId is { } decisionId ? batch.Load<DecisionSummary>(decisionId) : Task.FromResult<DecisionSummary?>(null);
        var existing = batch.Events.FetchStreamState(StreamIds.Sanction(session.TenantId, command.CaseId, personnelNumber));
        var employee = batch.Events.FetchLatest<Employee>(StreamIds.Employee(session.TenantId, personnelNumber));
        var calendar = batch.Load<OrganisationCalendar>(StreamIds.Calendar(session.TenantId));
        await batch.Execute(ct);

        // An archived case is out of reach, as it is for every command.
        if (await caseStream is null or { IsArchived: true } || await @case is not { } found) return null;
        if (command.DecisionId is not null && await decision is null) return null;
        return new ImpositionContext(
            found,
            await decision is { } basis ? new DecisionBasis(basis.Id, basis.ProtocolNumber, basis.CaseId, basis.Kind) : null,
            await existing is not null,
            Employee.AbsencesOf(await employee),
            OrganisationCalendar.WorkingOf(await calendar),
            OrganisationRules.Sanctions(session, rules));
    }

    public static ProblemDetails Validate(ImposeSanction command, ImpositionContext? context, RequestTime time)
    {
        var fields = new FieldErrors()
            .PersonnelNumber("personnelNumber", command.PersonnelNumber)
            .Text("orderNumber", command.OrderNumber, 50)
            .NotInFuture("orderDate", command.OrderDate, time.Today)
            .When(command.OrderDate.Year < 2000, "orderDate", "Must be in 2000 or later.")
            .When(command.OffenceDiscoveredOn < command.OffenceCommittedOn, "offenceDiscoveredOn", "Must not be before offenceCommittedOn.")
            .When(command.OrderDate < command.OffenceDiscoveredOn, "orderDate", "Must not be before offenceDiscoveredOn.");
        if (fields.Any) return fields.ToProblem();
        if (context is null)
        {
            return new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Detail = command.DecisionId is null ? $"Case {command.CaseId} was not found." : $"Case {command.CaseId} or decision {command.DecisionId} was not found."
            };
        }
        return Problems.RuleOrContinue(ImposeSanctionDecision.Check(command, context));
    }

    /// <summary>Imposes the sanction, one stream per offence and employee, and schedules its expiry.</summary>
    [WolverinePost("/api/sanctions", OperationId = "ImposeSanction")]
    [EndpointSummary("Impose a sanction")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Roles = Roles.Hr)]
    public static (SanctionImposedResponse, IStartStream, OutgoingMessages) Post(ImposeSanction command, ImpositionContext context,
        IDocumentSession session, RequestTime time)
    {
        var id = StreamIds.Sanction(session.TenantId, command.CaseId, command.PersonnelNumber.Trim());
        var imposed = ImposeSanctionDecision.Decide(command, context, id);
        OutgoingMessages expiry = imposed.ExpiresOn is { } expiresOn ? [SanctionExpiries.CheckOn(id, expiresOn, time)] : [];
        return (new SanctionImposedResponse(id, 1, imposed.AnnounceBy, imposed.ExpiresOn), MartenOps.StartStream<Sanction>(id, imposed), expiry);
    }
}
