using Cases.Api.Infrastructure;
using Cases.Api.WebConsole;
using Cases.Api.WebConsole.Pages;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Cases.Api.Tests.Console;

/// <summary>Outside Development nobody signs in by the development page: only the organisation's provider signs in.</summary>
public sealed class when_signing_in_outside_development
{
    private static SignInModel SignIn(ConsoleSettings settings) => new(null!, null!,
        new HostingEnvironment { EnvironmentName = Environments.Production }, Options.Create(settings),
        Options.Create(new OrganisationSettings()));

    [Fact]
    public async Task the_development_page_is_not_found()
    {
        var page = SignIn(new ConsoleSettings());

        page.OnGet().ShouldBeOfType<NotFoundResult>();
        (await page.OnPostAsync()).ShouldBeOfType<NotFoundResult>();
    }

    [Fact]
    public void the_organisations_provider_is_asked_to_sign_the_user_in()
    {
        var page = SignIn(new ConsoleSettings { Oidc = new() { Authority = "https://id.example.kz", ClientId = "cases" } });

        page.OnGet().ShouldBeOfType<ChallengeResult>().AuthenticationSchemes.ShouldBe([ConsoleSetup.OidcScheme]);
    }
}
