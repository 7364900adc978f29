using System.Net;
using Cases.Api.Infrastructure;
using Cases.Api.WebConsole;
using Cases.Api.WebConsole.Pages;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;

namespace Cases.Api.Tests.Console;

/// <summary>
/// Outside Development nobody signs in by the development page: only the organisation's provider signs in. In
/// Development the page also needs Console:DevelopmentSignIn and a browser on this machine.
/// </summary>
public sealed class when_signing_in_outside_development
{
    private static SignInModel SignIn(ConsoleSettings settings, string environment = "Production", IPAddress? client = null) =>
        new(null!, null!, new HostingEnvironment { EnvironmentName = environment }, Options.Create(settings), Options.Create(new OrganisationSettings()))
        {
            PageContext = new PageContext { HttpContext = new DefaultHttpContext { Connection = { RemoteIpAddress = client } } }
        };

    private static readonly ConsoleSettings Allowed = new() { DevelopmentSignIn = true };

    [Fact]
    public async Task the_development_page_is_not_found()
    {
        var page = SignIn(Allowed, client: IPAddress.Loopback);

        page.OnGet().ShouldBeOfType<NotFoundResult>();
        (await page.OnPostAsync()).ShouldBeOfType<NotFoundResult>();
    }

    [Fact]
    public void the_organisations_provider_is_asked_to_sign_the_user_in()
    {
        var page = SignIn(new ConsoleSettings { Oidc = new() { Authority = "https://id.example.kz", ClientId = "cases" } });

        page.OnGet().ShouldBeOfType<ChallengeResult>().AuthenticationSchemes.ShouldBe([ConsoleSetup.OidcScheme]);
    }

    [Fact]
    public void in_development_a_browser_on_this_machine_signs_in_by_the_page()
    {
        SignIn(Allowed, Environments.Development, IPAddress.Loopback).OnGet().ShouldBeOfType<PageResult>();
        SignIn(Allowed, Environments.Development, IPAddress.IPv6Loopback).OnGet().ShouldBeOfType<PageResult>();
        SignIn(Allowed, Environments.Development, IPAddress.Loopback.MapToIPv6()).OnGet().ShouldBeOfType<PageResult>();
    }

    [Fact]
    public async Task in_development_the_page_is_not_found_unless_the_setting_allows_it()
    {
        var page = SignIn(new ConsoleSettings { DevelopmentSignIn = false }, Environments.Development, IPAddress.Loopback);

        page.OnGet().ShouldBeOfType<NotFoundResult>();
        (await page.OnPostAsync()).ShouldBeOfType<NotFoundResult>();
    }

    [Theory]
    [InlineData("10.0.0.7")]
    [InlineData("::ffff:192.168.1.20")]
    [InlineData(null)]
    public async Task in_development_the_page_is_not_found_by_a_browser_on_another_machine_or_an_unknown_one(string? address)
    {
        var page = SignIn(Allowed, Environments.Development, address is null ? null : IPAddress.Parse(address));

        page.OnGet().ShouldBeOfType<NotFoundResult>();
        (await page.OnPostAsync()).ShouldBeOfType<NotFoundResult>();
    }

    [Fact]
    public void in_development_with_a_provider_a_closed_page_leads_to_the_provider()
    {
        var page = SignIn(new ConsoleSettings { Oidc = new() { Authority = "http://127.0.0.1:5001", ClientId = "cases" } },
            Environments.Development, IPAddress.Loopback);

        page.OnGet().ShouldBeOfType<ChallengeResult>().AuthenticationSchemes.ShouldBe([ConsoleSetup.OidcScheme]);
    }
}
