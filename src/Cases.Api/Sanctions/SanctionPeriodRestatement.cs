using Cases.Api.Employees;
using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;
using Marten;
using Microsoft.Extensions.Options;
using Npgsql;
using Wolverine;
using Wolverine.Marten;

namespace Cases.Api.Sanctions;

/// <summary>What one organisation's run restated: sanctions restated, expiries recorded at once, and expiries scheduled.</summary>
public sealed record RestatedPeriods(string Organisation, int Restated, int Expired, int Scheduled);

/// <summary>
/// The upgrade to art. 66(4), run once by the operator: every sanction whose stored period absences moved under the
/// former reading gets a <see cref="SanctionPeriodRestated"/>, recorded by the service; one still active whose restated
/// day has come is recorded expired on that day, one whose day is still ahead has its expiry scheduled for it. A sanction
/// already restated has nothing left to restate, so a second run appends nothing.
/// </summary>
public sealed class SanctionPeriodRestatement(IDocumentStore store, IServiceProvider services, IOptions<SanctionRuleSettings> rules,
    OrganisationClock clock)
{
    /// <summary>The causation id of every event the run records, so the audit trail leads back to it.</summary>
    public const string Cause = "upgrade:restate-sanction-periods";

    public async Task<RestatedPeriods> RunAsync(string organisation, CancellationToken ct)
    {
        var time = clock.For(organisation);
        var orgRules = rules.Value.For(organisation);
        IReadOnlyList<(Guid Id, string PersonnelNumber)> candidates;
        await using (var query = store.QuerySession(organisation))
        {
            var found = await query.Query<SanctionSummary>()
                .Where(s => s.Status != SanctionStatus.Overturned && s.Type != SanctionType.Dismissal)
                .OrderBy(s => s.OrderDate).Select(s => new { s.Id, s.PersonnelNumber }).ToListAsync(ct);
            candidates = found.Select(s => (s.Id, s.PersonnelNumber)).ToList();
        }
        int restated = 0, expired = 0, scheduled = 0;
        foreach (var (id, personnelNumber) in candidates)
        {
            await using var scope = services.CreateAsyncScope();
            await using var session = store.LightweightSession(organisation);
            ServiceIdentity.Stamp(session, Cause);
            await EmployeeRecords.LockAsync(session, personnelNumber, ct);
            var stream = await session.Events.FetchForWriting<Sanction>(id, ct);
            var events = RestateSanctionPeriod.Decide(stream.Aggregate!, orgRules, time.Now);
            if (events.Count == 0) continue;
            stream.AppendMany(events);
            restated++;
            if (events.Any(e => e is SanctionExpired)) expired++;
            var after = events.Aggregate(stream.Aggregate!, (state, e) => e switch
            {
                SanctionPeriodRestated r => state.Apply(r),
                SanctionExpired x => state.Apply(x),
                _ => state
            });
            if (after is { IsActive: true, ExpiresOn: { } expiresOn })
            {
                // Scheduled in the same transaction as the restatement, as an imposition schedules its expiry.
                var outbox = scope.ServiceProvider.GetRequiredService<IMartenOutbox>();
                outbox.Enroll(session);
                // The handler reads the sanction in the organisation the message names.
                outbox.TenantId = organisation;
                await outbox.ScheduleAsync(new SanctionExpiryDue(id, expiresOn), SanctionExpiries.DelayUntil(expiresOn, time));
                scheduled++;
            }
            await session.SaveChangesAsync(ct);
        }
        return new RestatedPeriods(organisation, restated, expired, scheduled);
    }

    /// <summary>Every organisation that has imposed a sanction, in any database.</summary>
    public async Task<IReadOnlyList<string>> OrganisationsAsync(CancellationToken ct)
    {
        var organisations = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var database in await store.Storage.AllDatabases())
        {
            await using var connection = database.CreateConnection();
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                $"select distinct tenant_id from {store.Options.DatabaseSchemaName}.mt_events where type = @type", connection)
            {
                Parameters = { new("type", SanctionEventNames.Stored[typeof(SanctionImposed)]) }
            };
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) organisations.Add(reader.GetString(0));
        }
        return [.. organisations];
    }
}
