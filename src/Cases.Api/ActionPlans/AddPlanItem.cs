using Cases.Domain.ActionPlans;
using Cases.Projections.ActionPlans;

namespace Cases.Api.ActionPlans;

[Tags(ApiTags.ActionPlans)]
public static class AddPlanItemEndpoint
{
    public static ProblemDetails Validate(AddPlanItem command, IEventStream<ActionPlan> stream, RequestTime time) =>
        ActionPlanChecks.Answer(new FieldErrors()
                .Item("", command.Draft)
                .NotInFuture("addedOn", command.AddedOn, time.Today),
            command.ExpectedVersion, stream, plan => AddPlanItemDecision.Check(command, plan, time.Now));

    /// <summary>Adds a numbered item to a plan, as an amendment approved after the plan was.</summary>
    [WolverinePost("/api/action-plans/{planId}/items", OperationId = "AddPlanItem")]
    [EndpointSummary("Add an item to an action plan")]
    [Authorize(Roles = Roles.Compliance)]
    public static Written Post(AddPlanItem command,
        [WriteAggregate("planId", MissingMessage = ActionPlanChecks.Missing)] IEventStream<ActionPlan> stream,
        [ReadAggregate("planId", Required = false)] ActionPlanSummary? summary, RequestTime time) =>
        Written.Append(stream, AddPlanItemDecision.Decide(command, stream.Aggregate!, time.Now));
}
