using System.Globalization;
using Cases.Api.Localization;
using Cases.Api.Statistics;
using Cases.Domain.ActionPlans;
using Cases.Domain.Commissions;
using Cases.Projections.ActionPlans;
using Cases.Projections.Meetings;
using Cases.Projections.MobileGroups;
using Marten;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Wolverine.Persistence;

namespace Cases.Api.Meetings;

/// <summary>
/// What a commission's session report tells, read in one batch: the meeting, its commission and the decisions it
/// adopted, and the programme as it stood on the day: the mobile groups formed by then and the plans in force.
/// </summary>
public sealed record SessionFacts(
    MeetingDetails Meeting,
    Commission? Commission,
    IReadOnlyList<DecisionSummary> Decisions,
    IReadOnlyList<MobileGroupDetails> Groups,
    IReadOnlyList<ActionPlanSummary> Plans)
{
    public static async Task<SessionFacts> LoadAsync(IQuerySession session, MeetingDetails meeting, CancellationToken ct)
    {
        var day = meeting.HeldOn!.Value;
        var batch = session.CreateBatchQuery();
        var commission = batch.Load<Commission>(meeting.CommissionId);
        var decisions = batch.Query<DecisionSummary>().Where(d => d.MeetingId == meeting.Id).OrderBy(d => d.ItemNumber).ToList();
        var groups = batch.Query<MobileGroupDetails>().Where(g => g.FormedOn <= day).OrderBy(g => g.Area).ThenBy(g => g.Id).ToList();
        var plans = batch.Query<ActionPlanSummary>().Where(p => p.ApprovedOn <= day && p.PeriodFrom <= day && p.PeriodTo >= day)
            .OrderBy(p => p.ApprovedOn).ThenBy(p => p.Id).ToList();
        await batch.Execute(ct);
        return new SessionFacts(meeting, await commission, await decisions,
            [.. (await groups).Where(g => g.DisbandedOn is null || g.DisbandedOn > day)], await plans);
    }
}

/// <summary>
/// A commission's session told as a regional commission reports it (seed 001): when it was held and who chaired it,
/// who was heard on what, the instructions it gave (to whom, in what term), the mobile groups at work and the plan's
/// execution on that day. Everything is as of the day the meeting was held, so the report reads the same whenever
/// it is asked for; what was recorded (names, positions, texts) is quoted as entered.
/// </summary>
public static class SessionReport
{
    public static string Of(IStringLocalizer texts, SessionFacts facts, IReadOnlyList<string> overseen, Func<string, string> nameOf)
    {
        var meeting = facts.Meeting;
        var day = meeting.HeldOn!.Value;
        var commission = facts.Commission?.Name ?? "";
        var text = new List<string> { texts.Format("Session.Title", commission), "" };

        var opening = new List<string> { texts.Format("Session.HeldOn", Date(texts, day), commission) };
        var chair = meeting.InOffice.Where(m => meeting.Present.Contains(m.PersonnelNumber))
            .OrderBy(m => m.Role switch { MemberRole.Chair => 0, MemberRole.DeputyChair => 1, _ => 2 })
            .FirstOrDefault(m => m.Role is MemberRole.Chair or MemberRole.DeputyChair);
        if (chair is not null) opening.Add(texts.Format("Session.Chaired", Person(texts, chair.FullName, chair.Position)));
        opening.AddRange(meeting.Agenda.SelectMany(item => item.Heard).Select(heard =>
            texts.Format("Session.Heard", texts.Format("Heard.Person", heard.FullName, heard.Position, heard.Body), heard.Subject)));
        text.Add(NarrativeReport.Paragraph(opening));

        var instructions = facts.Decisions.Where(d => d.Kind == Domain.Meetings.DecisionKind.Instruction).ToList();
        if (instructions.Count > 0)
        {
            text.Add("");
            text.Add(texts.Plural("Session.Instructions", instructions.Count));
            text.AddRange(instructions.Select((d, i) => texts.Format(i == instructions.Count - 1 ? "Session.InstructionLast" : "Session.Instruction",
                Addressees(texts, d, overseen, nameOf), d.Text, TermText(texts, d.Term, d.OriginalDueDate))));
        }

        var programme = Groups(texts, facts.Groups, day).Concat(facts.Plans.Select(plan => Plan(texts, plan, day))).ToList();
        if (programme.Count > 0)
        {
            text.Add("");
            text.Add(NarrativeReport.Paragraph(programme));
        }
        return string.Join("\n", text.Select(l => l.TrimEnd('\n'))) + "\n";
    }

    public static string Date(IStringLocalizer texts, DateOnly day) =>
        texts.Format("Date", day.Day, texts[$"Month.Day.{day.Month}"].Value, day.Year);

    private static string Person(IStringLocalizer texts, string name, string? position) =>
        string.IsNullOrWhiteSpace(position) ? name : texts.Format("Person.WithPosition", name, position);

    /// <summary>
    /// To whom an instruction goes: the bodies named, and for the organisations it oversees either "all the bodies the
    /// commission oversees", when it went to every one of them, or each by its name.
    /// </summary>
    private static string Addressees(IStringLocalizer texts, DecisionSummary decision, IReadOnlyList<string> overseen, Func<string, string> nameOf)
    {
        var addressees = decision.Addressees.Select(a => a.Addressee).DefaultIfEmpty(decision.Executor).ToList();
        var elsewhere = addressees.Where(a => a.Organisation is { } org && overseen.Contains(org)).Select(a => a.Organisation!).ToHashSet();
        var all = overseen.Count > 1 && overseen.All(elsewhere.Contains);
        var named = addressees.Where(a => !(all && a.Organisation is { } org && elsewhere.Contains(org)))
            .Select(a => a.Organisation is { } org && overseen.Contains(org) ? nameOf(org) : a.Name);
        return texts.List([.. (all ? named.Prepend(texts["Session.AllOverseen"].Value) : named)]);
    }

    /// <summary>"In the first half of 2019", "on an ongoing basis"; by its due date when adopted with a date alone.</summary>
    public static string TermText(IStringLocalizer texts, Term? term, DateOnly dueDate) => term?.Kind switch
    {
        TermKind.Quarter => texts.Format("Term.quarter", term.Year!, term.Part!),
        TermKind.HalfYear => texts.Format($"Term.half-year.{term.Part}", term.Year!),
        TermKind.Year => texts.Format("Term.year", term.Year!),
        TermKind.Ongoing => texts["Term.ongoing"].Value,
        _ => ByDate(texts, term?.Date ?? dueDate)
    };

    private static string ByDate(IStringLocalizer texts, DateOnly day) =>
        texts.Format("Term.by-date", day.Day, texts[$"Month.Until.{day.Month}"].Value, day.Year);

    private static IEnumerable<string> Groups(IStringLocalizer texts, IReadOnlyList<MobileGroupDetails> groups, DateOnly day)
    {
        if (groups.Count == 0) yield break;
        var bodies = groups.SelectMany(g => g.Members.Where(m => m.JoinedOn <= day && (m.LeftOn is null || m.LeftOn > day)).Select(m => m.Body))
            .Distinct(StringComparer.Ordinal).ToList();
        yield return texts.Format("Session.MobileGroupsIn", texts.Plural("Session.MobileGroups", groups.Count),
            texts.List([.. groups.Select(g => g.Area)]), texts.List(bodies));
        if (groups.All(g => g.ScheduleApprovedOn <= day))
        {
            var start = groups.Min(g => g.StartsOn);
            yield return texts.Format(start <= day ? "Session.Schedules.Began" : "Session.Schedules.WillBegin",
                texts.Format("MonthOfYear.In", texts[$"Month.In.{start.Month}"].Value, start.Year));
        }
        var visits = groups.Sum(g => g.Visits.Count(v => v.HeldOn <= day));
        if (visits > 0) yield return texts.Plural("Session.Visits", visits);
    }

    /// <summary>The plan's obligations fallen due by the day, judged on the reports made by then.</summary>
    private static string Plan(IStringLocalizer texts, ActionPlanSummary plan, DateOnly day)
    {
        var figures = PlanExecution.Compute(plan.Obligations(reportedBy: day), null, null, day).Total;
        return figures.RatePercent is { } rate
            ? texts.Format("Session.Plan", plan.Title, texts.Plural("Session.Obligations", figures.Due), figures.Executed, texts.Number(rate), figures.Overdue)
            : texts.Format("Session.Plan.NothingDue", plan.Title);
    }
}

/// <summary>The language of the report, when not the one Accept-Language asks for.</summary>
public sealed record SessionReportQuery(Language? Lang = null);

[Tags(ApiTags.Meetings)]
public static class ReadSessionReportEndpoint
{
    public static ProblemDetails Validate(MeetingDetails meeting) =>
        meeting.HeldOn is null
            ? Problems.Rule(new RuleViolation("meeting-not-held", $"Meeting {meeting.Reference} has not been held; its session has no report yet."))
            : WolverineContinue.NoProblems;

    /// <summary>
    /// The session told as text in English, Russian or Kazakh (<c>lang</c>, else Accept-Language): the day and the
    /// chair, who was heard on what, the instructions with their addressees and terms, the mobile groups and the plans'
    /// execution as they stood on the day of the meeting.
    /// </summary>
    [WolverineGet("/api/meetings/{meetingId}/report", OperationId = "ReadSessionReport")]
    [EndpointSummary("A session told as text")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/plain")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status404NotFound, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(StatusCodes.Status409Conflict, "application/problem+json")]
    [Authorize(Roles = Roles.ExecutionReaders)]
    [Localized]
    public static async Task<IResult> Get([Entity("meetingId", MissingMessage = MeetingChecks.Missing)] MeetingDetails meeting,
        [FromQuery] SessionReportQuery query, IQuerySession session, IOptions<OrganisationSettings> organisations, IStringLocalizer<Reports> texts,
        HttpResponse response, CancellationToken ct)
    {
        var facts = await SessionFacts.LoadAsync(session, meeting, ct);
        Languages.Answered(response);
        return Results.Text(SessionReport.Of(texts, facts, organisations.Value.OverseenBy(session.TenantId),
            organisation => organisations.Value.NameOf(organisation, CultureInfo.CurrentUICulture)), "text/plain; charset=utf-8");
    }
}
