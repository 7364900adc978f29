using Cases.Api.Infrastructure;
using Cases.Domain;
using Cases.Domain.Cases;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Cases.Api.Cases;

public static class RecordFindingEndpoint
{
    public static ProblemDetails Validate(RecordFinding command, IEventStream<Case> stream, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var fields = new FieldErrors()
            .NotInFuture("foundOn", command.FoundOn, Rules.Today(now))
            .Text("summary", command.Summary, FieldErrors.LongText)
            .When(!command.ViolationFound && command.EthicsArticlesViolated.Count > 0, "ethicsArticlesViolated",
                "No articles can be violated when no violation was found.")
            .When(command.EthicsArticlesViolated.Count > 50, "ethicsArticlesViolated", "At most 50 articles.");
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => RecordFindingDecision.Check(command, state, now));
    }

    [WolverinePost("/api/cases/{caseId}/finding", OperationId = "RecordFinding")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(RecordFinding command, [WriteAggregate("caseId")] IEventStream<Case> stream, TimeProvider clock) =>
        CaseWritten.Append(stream, RecordFindingDecision.Decide(command, stream.Aggregate!, clock.GetUtcNow()));
}
