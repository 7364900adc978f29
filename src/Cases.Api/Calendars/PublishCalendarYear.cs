using Cases.Domain.Calendars;
using Marten;

namespace Cases.Api.Calendars;

[Tags(ApiTags.Calendar)]
public static class PublishCalendarYearEndpoint
{
    public const int MaxDays = 120;

    /// <summary>The organisation's calendar stream, which the first publication starts.</summary>
    public static Task<IEventStream<OrganisationCalendar>> LoadAsync(IDocumentSession session, CancellationToken ct) =>
        session.Events.FetchForWriting<OrganisationCalendar>(StreamIds.Calendar(session.TenantId), ct);

    public static ProblemDetails Validate(int year, PublishCalendarYear command, IEventStream<OrganisationCalendar> stream)
    {
        var fields = new FieldErrors()
            .When(year is < 2000 or > 2100, "year", "Between 2000 and 2100.")
            .When(command.Holidays.Count > MaxDays, "holidays", $"At most {MaxDays} items.")
            .When(command.WorkingWeekendDays.Count > MaxDays, "workingWeekendDays", $"At most {MaxDays} items.")
            .When(command.ExpectedVersion < 0, "expectedVersion", "Must be 0 (no calendar yet) or more.");
        if (fields.Any) return fields.ToProblem();
        var actual = stream.StartingVersion ?? 0;
        return command.ExpectedVersion != actual
            ? Problems.StaleVersion("The organisation's calendar", command.ExpectedVersion, actual)
            : Problems.RuleOrContinue(PublishCalendarYearDecision.Check(command, year));
    }

    /// <summary>Publishes (or replaces) the holidays and working weekend days of one year.</summary>
    [WolverinePost("/api/calendar/{year}", OperationId = "PublishCalendarYear")]
    [EndpointSummary("Publish a year's holidays and working weekend days")]
    [Authorize(Roles = Roles.Hr)]
    public static Written Post(int year, PublishCalendarYear command, IEventStream<OrganisationCalendar> stream) =>
        Written.Append(stream, PublishCalendarYearDecision.Decide(command, year));
}

[Tags(ApiTags.Calendar)]
public static class GetCalendarEndpoint
{
    /// <summary>The organisation's published years: holidays and working weekend days; version 0 if none yet.</summary>
    [WolverineGet("/api/calendar", OperationId = "GetCalendar")]
    [EndpointSummary("Read the published calendar years")]
    [Authorize(Roles = Roles.CaseReaders)]
    public static async Task<OrganisationCalendar> Get(IQuerySession session, CancellationToken ct) =>
        await session.LoadAsync<OrganisationCalendar>(StreamIds.Calendar(session.TenantId), ct)
        ?? new OrganisationCalendar { Id = StreamIds.Calendar(session.TenantId) };
}
