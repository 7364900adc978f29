using System.Security.Claims;
using Cases.Domain.Reminders;
using Marten;
using Microsoft.Extensions.Options;

namespace Cases.Api.Reminders;

/// <summary>One line of a digest: the record's reference and id, the kind of deadline, its last day, how late or how near.</summary>
public sealed record DigestItem(string Kind, Guid StreamId, string Reference, DateOnly DueOn, bool Overdue, int DaysLeft);

/// <summary>A digest as of <paramref name="Day"/>: how many lines are overdue and due within the week, and the lines, overdue first.</summary>
public sealed record MyDigest(DateOnly Day, int Overdue, int DueThisWeek, IReadOnlyList<DigestItem> Items);

[Tags(ApiTags.Reminders)]
public static class ReadMyDigestEndpoint
{
    /// <summary>
    /// What the caller's daily digest lists today, as the mail would: the clocks of the kinds a role they hold is
    /// reminded of, overdue or due within seven days (today and the six after), and the overdue clocks of the kinds
    /// escalated to a role they hold. It names no employee: a reference, a kind, a day.
    /// </summary>
    [WolverineGet("/api/me/digest", OperationId = "ReadMyDigest")]
    [EndpointSummary("Read my daily digest")]
    [Authorize(Roles = Roles.ReminderRecipients)]
    public static async Task<MyDigest> Get(IQuerySession session, ClaimsPrincipal user, RequestTime time, OpenClocks openClocks, CancellationToken ct)
    {
        var roles = Roles.ReminderRecipients.Split(',').Where(user.IsInRole).ToArray();
        var lines = await DigestContent.ForAsync(session, openClocks, roles, user.FindFirst(CasesClaims.Subject)?.Value ?? "", time.Today, ct);
        var overdue = lines.Count(l => l.Overdue);
        return new MyDigest(time.Today, overdue, lines.Count - overdue,
            lines.Select(l => new DigestItem(l.Clock.Kind, l.Clock.StreamId, l.Clock.Reference, l.Clock.DueOn, l.Overdue, l.DaysLeft)).ToArray());
    }
}
