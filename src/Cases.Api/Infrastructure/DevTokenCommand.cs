using JasperFx.CommandLine;

namespace Cases.Api.Infrastructure;

public class DevTokenInput : NetCoreInput
{
    [Description("Organisation (tenant) the token acts for")]
    public string OrgFlag { get; set; } = "nroc";

    [Description("Role(s), comma-separated: registrar, investigator, hr, secretary, member, auditor, analyst, regional")]
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
