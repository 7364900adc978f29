using Cases.Api.Infrastructure;
using Cases.Domain;
using Cases.Domain.Cases;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Cases.Api.Cases;

public static class ReopenCaseEndpoint
{
    public static ProblemDetails Validate(ReopenCase command, IEventStream<Case> stream, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var fields = new FieldErrors()
            .NotInFuture("reopenedOn", command.ReopenedOn, Rules.Today(now))
            .Text("reason", command.Reason, FieldErrors.LongText);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => ReopenCaseDecision.Check(command, state, now));
    }

    [WolverinePost("/api/cases/{caseId}/reopening", OperationId = "ReopenCase")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(ReopenCase command, [WriteAggregate("caseId")] IEventStream<Case> stream, TimeProvider clock) =>
        CaseWritten.Append(stream, ReopenCaseDecision.Decide(command, stream.Aggregate!, clock.GetUtcNow()));
}
