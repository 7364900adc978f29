using Cases.Api.Infrastructure;
using Cases.Domain;
using Cases.Domain.Cases;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Cases.Api.Cases;

public static class AssignInvestigatorEndpoint
{
    public static ProblemDetails Validate(AssignInvestigator command, IEventStream<Case> stream, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var fields = new FieldErrors()
            .NotInFuture("assignedOn", command.AssignedOn, Rules.Today(now))
            .Text("investigator", command.Investigator, 100);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => AssignInvestigatorDecision.Check(command, state, now));
    }

    [WolverinePost("/api/cases/{caseId}/assignment", OperationId = "AssignInvestigator")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(AssignInvestigator command, [WriteAggregate("caseId")] IEventStream<Case> stream, TimeProvider clock) =>
        CaseWritten.Append(stream, AssignInvestigatorDecision.Decide(command, stream.Aggregate!, clock.GetUtcNow()));
}
