using Cases.Domain.ActionPlans;

namespace Cases.Api.ActionPlans;

public sealed record ActionPlanAdoptedResponse(Guid Id, long Version) : CreationResponse($"/api/action-plans/{Id}");

[Tags(ApiTags.ActionPlans)]
public static class AdoptActionPlanEndpoint
{
    public const int MaxYears = 10;

    public static ProblemDetails Validate(AdoptActionPlan command, RequestTime time)
    {
        var dates = command.PeriodFrom is not null || command.PeriodTo is not null;
        var years = command.FirstYear is not null || command.LastYear is not null;
        var items = command.Items ?? [];
        var fields = new FieldErrors()
            .Text("title", command.Title, FieldErrors.LongText)
            .Text("implements", command.Implements, FieldErrors.LongText, required: false)
            .Text("approvedBy", command.ApprovedBy)
            .NotInFuture("approvedOn", command.ApprovedOn, time.Today)
            .When(dates == years, "periodFrom", "Give the period as periodFrom and periodTo, or as firstYear and lastYear.")
            .When(items.Count > ActionPlanChecks.MaxItems, "items", $"At most {ActionPlanChecks.MaxItems} items.");
        if (dates)
        {
            fields.When(command.PeriodFrom is null, "periodFrom", "Required with periodTo.")
                .When(command.PeriodTo is null, "periodTo", "Required with periodFrom.")
                .When(command.PeriodFrom?.Year is < 2000 or > 2100, "periodFrom", "Between 2000 and 2100.")
                .When(command.PeriodTo?.Year is < 2000 or > 2100, "periodTo", "Between 2000 and 2100.")
                .When(command.PeriodTo < command.PeriodFrom, "periodTo", "Must not be before periodFrom.");
        }
        if (years)
        {
            fields.When(command.FirstYear is null, "firstYear", "Required with lastYear.")
                .When(command.LastYear is null, "lastYear", "Required with firstYear.")
                .When(command.FirstYear is < 2000 or > 2100, "firstYear", "Between 2000 and 2100.")
                .When(command.LastYear is < 2000 or > 2100, "lastYear", "Between 2000 and 2100.")
                .When(command.LastYear < command.FirstYear, "lastYear", "Must not be before firstYear.");
        }
        // An ongoing item owes a report per period for the plan's whole run: a plan of decades is a typo, and too many to judge on a read.
        var given = dates ? command.PeriodFrom is not null && command.PeriodTo is not null : command.FirstYear is not null && command.LastYear is not null;
        if (dates != years && given && command.From.Year is >= 2000 and <= 2100)
        {
            fields.When(command.To > command.From.AddYears(MaxYears), years ? "lastYear" : "periodTo", $"A period of at most {MaxYears} years.");
        }
        for (var i = 0; i < items.Count && items.Count <= ActionPlanChecks.MaxItems; i++) fields.Item($"items[{i}].", items[i]);
        return fields.Any ? fields.ToProblem() : Problems.RuleOrContinue(AdoptActionPlanDecision.Check(command));
    }

    /// <summary>Adopts a plan with its numbered items as approved; each plan is a stream of its own.</summary>
    [WolverinePost("/api/action-plans", OperationId = "AdoptActionPlan")]
    [EndpointSummary("Adopt an action plan")]
    [Authorize(Roles = Roles.Compliance)]
    public static (ActionPlanAdoptedResponse, IStartStream) Post(AdoptActionPlan command)
    {
        var id = Guid.CreateVersion7();
        var events = AdoptActionPlanDecision.Decide(command, id);
        return (new ActionPlanAdoptedResponse(id, events.Count), MartenOps.StartStream<ActionPlan>(id, [.. events]));
    }
}
