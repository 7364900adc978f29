using Cases.Api.Infrastructure;
using Cases.Domain;
using Cases.Domain.Cases;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Cases.Api.Cases;

public static class AcknowledgeCaseEndpoint
{
    public static ProblemDetails Validate(AcknowledgeCase command, IEventStream<Case> stream, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var fields = new FieldErrors()
            .NotInFuture("acknowledgedOn", command.AcknowledgedOn, Rules.Today(now));
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => AcknowledgeCaseDecision.Check(command, state, now));
    }

    [WolverinePost("/api/cases/{caseId}/acknowledgement", OperationId = "AcknowledgeCase")]
    [Authorize(Roles = Roles.Intake)]
    public static CaseWritten Post(AcknowledgeCase command, [WriteAggregate("caseId")] IEventStream<Case> stream, TimeProvider clock) =>
        CaseWritten.Append(stream, AcknowledgeCaseDecision.Decide(command, stream.Aggregate!, clock.GetUtcNow()));
}
