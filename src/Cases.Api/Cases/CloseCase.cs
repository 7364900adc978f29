using Cases.Api.Infrastructure;
using Cases.Domain;
using Cases.Domain.Cases;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Cases.Api.Cases;

public static class CloseCaseEndpoint
{
    public static ProblemDetails Validate(CloseCase command, IEventStream<Case> stream, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var fields = new FieldErrors()
            .NotInFuture("closedOn", command.ClosedOn, Rules.Today(now))
            .Text("summary", command.Summary, FieldErrors.LongText);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => CloseCaseDecision.Check(command, state, now));
    }

    [WolverinePost("/api/cases/{caseId}/closure", OperationId = "CloseCase")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(CloseCase command, [WriteAggregate("caseId")] IEventStream<Case> stream, TimeProvider clock) =>
        CaseWritten.Append(stream, CloseCaseDecision.Decide(command, stream.Aggregate!, clock.GetUtcNow()));
}
