using Cases.Api.Infrastructure;
using Cases.Domain;
using Cases.Domain.Cases;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Cases.Api.Cases;

public static class ReassignInvestigatorEndpoint
{
    public static ProblemDetails Validate(ReassignInvestigator command, IEventStream<Case> stream, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var fields = new FieldErrors()
            .NotInFuture("reassignedOn", command.ReassignedOn, Rules.Today(now))
            .Text("investigator", command.Investigator, 100);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => ReassignInvestigatorDecision.Check(command, state, now));
    }

    [WolverinePost("/api/cases/{caseId}/reassignment", OperationId = "ReassignInvestigator")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(ReassignInvestigator command, [WriteAggregate("caseId")] IEventStream<Case> stream, TimeProvider clock) =>
        CaseWritten.Append(stream, ReassignInvestigatorDecision.Decide(command, stream.Aggregate!, clock.GetUtcNow()));
}
