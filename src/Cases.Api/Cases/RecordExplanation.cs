using Cases.Api.Infrastructure;
using Cases.Domain;
using Cases.Domain.Cases;
using JasperFx.Events;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace Cases.Api.Cases;

public static class RecordExplanationEndpoint
{
    public static ProblemDetails Validate(RecordExplanation command, IEventStream<Case> stream, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var fields = new FieldErrors()
            .NotInFuture("recordedOn", command.RecordedOn, Rules.Today(now))
            .PersonnelNumber("personnelNumber", command.PersonnelNumber)
            .When(command.Text is null == command.RefusalWitnesses is null, "text",
                "Give either the explanation text or, for a refusal, the witnesses of the act.")
            .Text("text", command.Text, FieldErrors.LongText, required: false)
            .When(command.RefusalWitnesses is { Count: 0 or > 10 }, "refusalWitnesses", "Between 1 and 10 witnesses.");
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => RecordExplanationDecision.Check(command, state, now));
    }

    [WolverinePost("/api/cases/{caseId}/explanations", OperationId = "RecordExplanation")]
    [Authorize(Roles = Roles.Investigator)]
    public static CaseWritten Post(RecordExplanation command, [WriteAggregate("caseId")] IEventStream<Case> stream, TimeProvider clock) =>
        CaseWritten.Append(stream, RecordExplanationDecision.Decide(command, stream.Aggregate!, clock.GetUtcNow()));
}
