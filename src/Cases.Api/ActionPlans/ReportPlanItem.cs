using Cases.Domain.ActionPlans;
using Cases.Projections.ActionPlans;

namespace Cases.Api.ActionPlans;

[Tags(ApiTags.ActionPlans)]
public static class ReportPlanItemEndpoint
{
    public static ProblemDetails Validate(ReportPlanItem command, int itemNumber, IEventStream<ActionPlan> stream, RequestTime time) =>
        ActionPlanChecks.AnswerOnItem(new FieldErrors()
                .Text("body", command.Body)
                .When(command.Organisation is { } organisation && !TokenClaims.IsOrganisationId(organisation.Trim()), "organisation",
                    $"An organisation id matching {TokenClaims.OrganisationPattern}.")
                .Text("report", command.Report, FieldErrors.LongText)
                .NotInFuture("reportedOn", command.ReportedOn, time.Today)
                .When(command.PeriodFrom is null != command.PeriodTo is null, command.PeriodFrom is null ? "periodFrom" : "periodTo", "Give the period's first and last day, or neither.")
                .When(command.PeriodTo < command.PeriodFrom, "periodTo", "Must not be before periodFrom."),
            command.ExpectedVersion, stream, itemNumber, (plan, item) => ReportPlanItemDecision.Check(command, plan, item));

    /// <summary>Records a responsible body's report on an item: executed, partially executed or not executed, as of a day.</summary>
    [WolverinePost("/api/action-plans/{planId}/items/{itemNumber}/reports", OperationId = "ReportPlanItem")]
    [EndpointSummary("Report on an action plan's item")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(ReportPlanItem command, int itemNumber,
        [WriteAggregate("planId", MissingMessage = ActionPlanChecks.Missing)] IEventStream<ActionPlan> stream,
        [ReadAggregate("planId", Required = false)] ActionPlanSummary? summary) =>
        Written.Append(stream, ReportPlanItemDecision.Decide(command, stream.Aggregate!, stream.Aggregate!.Item(itemNumber)!));
}
