using Cases.Domain.ActionPlans;

namespace Cases.Api.ActionPlans;

public static class ActionPlanChecks
{
    /// <summary>The same answer for a plan never adopted and one of another organisation.</summary>
    public const string Missing = "Action plan {Id} was not found.";

    public const int MaxBodies = 100;
    public const int MaxItems = 500;

    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<ActionPlan> stream, Func<ActionPlan, RuleViolation?> rule) =>
        StreamChecks.Answer(fields, expectedVersion, stream, _ => "The action plan", rule);

    /// <summary>A report is on an item of the plan: an unknown number is as unknown as the plan.</summary>
    public static ProblemDetails AnswerOnItem(FieldErrors fields, long expectedVersion, IEventStream<ActionPlan> stream, int itemNumber,
        Func<ActionPlan, PlanItemState, RuleViolation?> rule)
    {
        if (fields.Any) return fields.ToProblem();
        return stream.Aggregate!.Item(itemNumber) is { } item
            ? Answer(fields, expectedVersion, stream, plan => rule(plan, item))
            : new ProblemDetails { Status = StatusCodes.Status404NotFound, Detail = $"Item {itemNumber} of action plan {stream.Id} was not found." };
    }

    /// <summary>An item's fields, named under <paramref name="prefix"/> (<c>items[0].</c> in a new plan, nothing when added alone).</summary>
    public static FieldErrors Item(this FieldErrors fields, string prefix, PlanItemDraft? item)
    {
        if (item is null) return fields.Add(prefix.TrimEnd('.'), "Required.");
        fields.When(item.Number is < 1 or > 100_000, $"{prefix}number", "From 1 to 100000.")
            .Text($"{prefix}text", item.Text, FieldErrors.LongText)
            .Text($"{prefix}indicator", item.Indicator, FieldErrors.LongText, required: false);
        if (item.Term is null) fields.Add($"{prefix}term", "Required.");
        else foreach (var (field, message) in item.Term.Problems()) fields.Add($"{prefix}term.{field}", message);
        var bodies = item.Responsible ?? [];
        if (bodies.Count is 0 or > MaxBodies) return fields.Add($"{prefix}responsible", $"Between 1 and {MaxBodies} bodies.");
        for (var i = 0; i < bodies.Count; i++)
        {
            var name = $"{prefix}responsible[{i}]";
            if (bodies[i] is not { } body)
            {
                fields.Add(name, "Required.");
                continue;
            }
            fields.Text($"{name}.body", body.Body)
                .When(body.Organisation is { } organisation && !TokenClaims.IsOrganisationId(organisation.Trim()), $"{name}.organisation",
                    $"An organisation id matching {TokenClaims.OrganisationPattern}.");
        }
        return fields.When(bodies.Where(b => b?.Body is not null).Select(b => (b.Body.Trim(), b.Organisation?.Trim())).Distinct().Count()
                           < bodies.Count(b => b?.Body is not null), $"{prefix}responsible", "Each body once.");
    }
}
