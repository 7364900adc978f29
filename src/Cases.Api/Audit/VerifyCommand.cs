using Cases.Api.Infrastructure;
using JasperFx.CommandLine;

namespace Cases.Api.Audit;

public class VerifyInput : NetCoreInput
{
    [Description("Only this organisation; every organisation if not given")]
    public string? OrgFlag { get; set; }
}

[Description("Verifies the hash chain of every organisation's events and reports the first broken link", Name = "verify")]
public class VerifyCommand : JasperFxAsyncCommand<VerifyInput>
{
    public override async Task<bool> Execute(VerifyInput input)
    {
        using var host = input.BuildHost();
        var verifier = host.Services.GetRequiredService<ChainVerifier>();
        var databases = host.Services.GetRequiredService<TenantDatabases>();
        var organisations = input.OrgFlag is { } one ? [one] : await verifier.OrganisationsAsync(CancellationToken.None);
        var intact = true;
        foreach (var organisation in organisations)
        {
            // Sequence numbers are each database's own, so the operator is told which one they are of.
            var where = databases.Several ? $" (database {databases.DatabaseOf(organisation)})" : "";
            var report = await verifier.VerifyAsync(organisation, CancellationToken.None);
            intact &= report.Intact;
            Console.WriteLine(report.Intact
                ? $"{organisation}{where}: {report.Links} links intact in {report.Seconds:F2} s ({report.Links / Math.Max(report.Seconds, 1e-6):F0} events/s), head {report.HeadHash}"
                : $"{organisation}{where}: BROKEN at link {report.FirstBroken!.Position} ({report.FirstBroken.Problem}): {report.FirstBroken.Detail}");
            if (report.AwaitingLink is { } awaiting)
            {
                Console.WriteLine($"{organisation}{where}: {awaiting.Events} event(s) awaiting their link, the oldest sequence {awaiting.OldestSeqId}, " +
                                  $"appended {awaiting.OldestSeconds:F1} s ago");
            }
        }
        return intact;
    }
}
