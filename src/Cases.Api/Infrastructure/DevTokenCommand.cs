using JasperFx.CommandLine;

namespace Cases.Api.Infrastructure;

public class DevTokenInput : NetCoreInput
{
    [Description("Organisation (tenant) the token acts for")]
    public string OrgFlag { get; set; } = "nroc";

    [Description("Role(s), comma-separated: registrar, investigator, hr, secretary, member, auditor, analyst, regional, dpo")]
    public string RoleFlag { get; set; } = Roles.Registrar;

    [Description("User name recorded on every event the token writes")]
    public string UserFlag { get; set; } = "dev.user";

    [Description("Lifetime in hours")]
    public int HoursFlag { get; set; } = 8;
}

[Description("Prints a development JWT for a role and organisation (Development only)", Name = "dev-token")]
public class DevTokenCommand : JasperFxAsyncCommand<DevTokenInput>
{
    public override Task<bool> Execute(DevTokenInput input)
    {
        using var host = input.BuildHost();
        var environment = host.Services.GetRequiredService<IHostEnvironment>();
        var key = host.Services.GetRequiredService<IConfiguration>()["Auth:DevelopmentSigningKey"];
        if (!environment.IsDevelopment() || string.IsNullOrEmpty(key))
        {
            Console.Error.WriteLine("dev-token works only in Development, where Auth:DevelopmentSigningKey is configured.");
            return Task.FromResult(false);
        }

        // The service would refuse a token that breaks these rules: say so now rather than with a 401 later.
        var config = host.Services.GetRequiredService<IConfiguration>();
        var served = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<OrganisationSettings>>().Value.Names.Keys;
        if (!TokenClaims.IsOrganisationId(input.OrgFlag))
        {
            Console.Error.WriteLine($"--org must match {TokenClaims.OrganisationPattern}.");
            return Task.FromResult(false);
        }
        if (config.GetValue("Auth:KnownOrganisationsOnly", true) && served.Count > 0 && !served.Contains(input.OrgFlag))
        {
            Console.Error.WriteLine($"Unknown organisation {input.OrgFlag}. Known (Organisations:Names): {string.Join(", ", served)}.");
            return Task.FromResult(false);
        }
        if (!TokenClaims.IsSubject(input.UserFlag))
        {
            Console.Error.WriteLine($"--user must be visible text of at most {TokenClaims.MaxSubjectLength} characters.");
            return Task.FromResult(false);
        }
        if (TokenClaims.IsReserved(input.UserFlag))
        {
            Console.Error.WriteLine($"--user {ServiceIdentity.UserName} is reserved for what the service records by itself.");
            return Task.FromResult(false);
        }

        var roles = input.RoleFlag.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = roles.Except(Roles.All).ToArray();
        if (unknown.Length > 0)
        {
            Console.Error.WriteLine($"Unknown role(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", Roles.All)}.");
            return Task.FromResult(false);
        }

        Console.WriteLine(DevelopmentTokens.Mint(key, input.OrgFlag, roles, input.UserFlag,
            TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(input.HoursFlag)));
        return Task.FromResult(true);
    }
}
