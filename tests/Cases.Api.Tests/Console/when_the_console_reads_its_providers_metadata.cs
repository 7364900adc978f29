using Cases.Api.WebConsole;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Cases.Api.Tests.Console;

/// <summary>The provider's metadata and keys come over HTTPS, except from a provider on this machine in Development.</summary>
public sealed class when_the_console_reads_its_providers_metadata
{
    private static OpenIdConnectOptions Options(string environment, string authority)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Console:Oidc:Authority"] = authority, ["Console:Oidc:ClientId"] = "cases"
        }).Build();
        var services = new ServiceCollection().AddLogging().AddDataProtection().Services;
        services.AddConsole(config, new HostingEnvironment { EnvironmentName = environment });
        return services.BuildServiceProvider().GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(ConsoleSetup.OidcScheme);
    }

    [Fact]
    public void a_provider_on_this_machine_may_serve_them_over_http_in_development() =>
        Options(Environments.Development, "http://127.0.0.1:5001").RequireHttpsMetadata.ShouldBeFalse();

    [Theory]
    [InlineData("Development", "http://id.example.kz")]
    [InlineData("Production", "http://127.0.0.1:5001")]
    [InlineData("Staging", "http://localhost:5001")]
    public void anywhere_else_http_is_refused_at_start(string environment, string authority) =>
        Should.Throw<InvalidOperationException>(() => Options(environment, authority)).Message.ShouldContain("HTTPS");

    [Fact]
    public void its_correlation_and_nonce_cookies_are_secure_in_every_environment()
    {
        var options = Options(Environments.Development, "http://127.0.0.1:5001");

        options.CorrelationCookie.SecurePolicy.ShouldBe(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always);
        options.NonceCookie.SecurePolicy.ShouldBe(Microsoft.AspNetCore.Http.CookieSecurePolicy.Always);
    }
}
