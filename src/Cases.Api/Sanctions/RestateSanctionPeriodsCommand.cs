using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Cases.Api.Sanctions;

public class RestateSanctionPeriodsInput : NetCoreInput
{
    [Description("Only this organisation; every organisation if not given")]
    public string? OrgFlag { get; set; }
}

[Description("Restates every sanction's period per art. 66(4), which absences no longer extend, and records the expiries that follows (run once after the upgrade)",
    Name = "restate-sanction-periods")]
public class RestateSanctionPeriodsCommand : JasperFxAsyncCommand<RestateSanctionPeriodsInput>
{
    public override async Task<bool> Execute(RestateSanctionPeriodsInput input)
    {
        using var host = input.BuildHost();
        // Started so that the expiries it schedules go through Wolverine's outbox into PostgreSQL, as the service's own
        // do; it then runs as one more node, listening only on a loopback port of its own so that it never takes the
        // running service's.
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        addresses.Clear();
        addresses.Add("http://127.0.0.1:0");
        await host.StartAsync();
        try
        {
            var restatement = host.Services.GetRequiredService<SanctionPeriodRestatement>();
            var organisations = input.OrgFlag is { } one ? [one] : await restatement.OrganisationsAsync(CancellationToken.None);
            foreach (var organisation in organisations)
            {
                var run = await restatement.RunAsync(organisation, CancellationToken.None);
                Console.WriteLine($"{organisation}: {run.Restated} period(s) restated, {run.Expired} expiry(ies) recorded, {run.Scheduled} scheduled");
            }
            return true;
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
