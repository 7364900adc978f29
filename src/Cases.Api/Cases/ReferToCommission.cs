using Cases.Api.Infrastructure;
using Cases.Domain;
using Cases.Domain.Cases;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Cases.Api.Cases;

public static class ReferToCommissionEndpoint
{
    public static ProblemDetails Validate(ReferToCommission command, IEventStream<Case> stream, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var fields = new FieldErrors()
            .NotInFuture("referredOn", command.ReferredOn, Rules.Today(now))
            .Text("commission", command.Commission, 100);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => ReferToCommissionDecision.Check(command, state, now));
    }

    [WolverinePost("/api/cases/{caseId}/referral", OperationId = "ReferToCommission")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(ReferToCommission command, [WriteAggregate("caseId")] IEventStream<Case> stream, TimeProvider clock) =>
        CaseWritten.Append(stream, ReferToCommissionDecision.Decide(command, stream.Aggregate!, clock.GetUtcNow()));
}
