using Cases.Domain.Employees;
using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;
using Marten;

namespace Cases.Api.Employees;

/// <summary>A sanction in force on a day: what a repeated misconduct is judged by.</summary>
public sealed record SanctionInForce(Guid SanctionId, SanctionType Type, string OrderNumber, DateOnly OrderDate, Guid CaseId, string CaseNumber,
    DateOnly? ExpiresOn)
{
    public static SanctionInForce Of(SanctionSummary s) => new(s.Id, s.Type, s.OrderNumber, s.OrderDate, s.CaseId, s.CaseNumber, s.ExpiresOn);
}

/// <summary>An employee's sanctions and absences as everything recorded has them, or as recorded by a moment.</summary>
public static class SanctionsInForce
{
    /// <summary>Each of the employee's sanctions as it stood at <paramref name="asOf"/> (those imposed since left out), or now.</summary>
    public static async Task<IReadOnlyList<SanctionSummary>> OfAsync(IQuerySession session, string personnelNumber, DateTimeOffset? asOf, CancellationToken ct)
    {
        var sanctions = await session.Query<SanctionSummary>().Where(s => s.PersonnelNumber == personnelNumber).ToListAsync(ct);
        if (asOf is not { } moment) return sanctions;
        var then = new List<SanctionSummary>();
        foreach (var sanction in sanctions)
        {
            if (await session.Events.AggregateStreamAsync<SanctionSummary>(sanction.Id, timestamp: moment, token: ct) is { } state) then.Add(state);
        }
        return then;
    }

    /// <summary>The employee's absences as recorded by <paramref name="asOf"/>, or now.</summary>
    public static async Task<IReadOnlyList<Absence>> AbsencesAsync(IQuerySession session, string personnelNumber, DateTimeOffset? asOf, CancellationToken ct) =>
        Employee.AbsencesOf(await session.Events.AggregateStreamAsync<Employee>(StreamIds.Employee(session.TenantId, personnelNumber), timestamp: asOf,
            token: ct));

    /// <summary>The one a new misconduct on the day repeats: the latest ordered of those in force then.</summary>
    public static SanctionSummary? InForceOn(IEnumerable<SanctionSummary> sanctions, DateOnly day) =>
        sanctions.Where(s => s.InForceOn(day)).OrderByDescending(s => s.OrderDate).ThenBy(s => s.Id).FirstOrDefault();
}
