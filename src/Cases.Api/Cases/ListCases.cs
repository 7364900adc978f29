using Cases.Projections.Cases;
using Marten;
using Marten.Pagination;

namespace Cases.Api.Cases;

/// <summary>
/// Filters of the case list; every one optional. Enum filters take the API's kebab-case values; dates are of
/// receipt, both ends included.
/// </summary>
public sealed record CaseQuery(
    string? Status = null,
    string? Category = null,
    string? Channel = null,
    string? Subject = null,
    DateOnly? ReceivedFrom = null,
    DateOnly? ReceivedTo = null,
    int Page = 1,
    int PageSize = CaseQuery.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}

[Tags(ApiTags.Cases)]
public static class ListCasesEndpoint
{
    public static ProblemDetails Validate(CaseQuery query) => new FieldErrors()
        .OneOf<CaseStatus>("status", query.Status)
        .OneOf<Category>("category", query.Category)
        .OneOf<Channel>("channel", query.Channel)
        .Pages(query.Page, query.PageSize, CaseQuery.MaxPageSize)
        .When(query.ReceivedFrom > query.ReceivedTo, "receivedFrom", "Must not be after receivedTo.")
        .PersonnelNumber("subject", query.Subject, required: false)
        .ToProblem();

    [WolverineGet("/api/cases", OperationId = "ListCases")]
    [EndpointSummary("List cases")]
    [Authorize(Roles = Roles.CaseReaders)]
    public static Task<Paged<CaseSummary>> Get([FromQuery] CaseQuery query, IQuerySession session, CancellationToken ct)
    {
        var cases = session.Query<CaseSummary>().AsQueryable();
        if (KebabEnum.Parse<CaseStatus>(query.Status) is { } status) cases = cases.Where(c => c.Status == status);
        if (KebabEnum.Parse<Category>(query.Category) is { } category) cases = cases.Where(c => c.Category == category);
        if (KebabEnum.Parse<Channel>(query.Channel) is { } channel) cases = cases.Where(c => c.Channel == channel);
        if (query.Subject is { } subject) cases = cases.Where(c => c.Subjects.Contains(subject.Trim()));
        if (query.ReceivedFrom is { } from) cases = cases.Where(c => c.ReceivedOn >= from);
        if (query.ReceivedTo is { } to) cases = cases.Where(c => c.ReceivedOn <= to);

        return cases.OrderByDescending(c => c.ReceivedOn).ThenByDescending(c => c.Number).PageAsync(query.Page, query.PageSize, ct);
    }
}
