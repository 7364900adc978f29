using Marten;
using Marten.Pagination;

namespace Cases.Api.Infrastructure;

/// <summary>One page of a list, with what a client needs to fetch the others.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Page, int PageSize, long TotalItems, long TotalPages);

/// <summary>Lists that grow with the years are read a page at a time, never cut off silently.</summary>
public static class Paging
{
    public static FieldErrors Pages(this FieldErrors fields, int page, int pageSize, int maxPageSize) => fields
        .When(page < 1, "page", "Must be 1 or more.")
        .When((long)page * pageSize > int.MaxValue, "page", "Beyond the last possible page.")
        .When(pageSize < 1 || pageSize > maxPageSize, "pageSize", $"Between 1 and {maxPageSize}.");

    public static async Task<Paged<T>> PageAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken ct)
    {
        var items = await query.ToPagedListAsync(page, pageSize, ct);
        return new Paged<T>(items.ToList(), page, pageSize, items.TotalItemCount, items.PageCount);
    }
}
