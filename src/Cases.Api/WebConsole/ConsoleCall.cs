using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Cases.Api.WebConsole;

/// <summary>
/// Marks a request the console sends to the API inside the process (<see cref="ConsoleApi"/>), with the signed-in
/// user it acts for. It is a feature of the request, not a header: nothing from outside the process can set it.
/// </summary>
public sealed class ConsoleCall(ClaimsPrincipal user)
{
    public const string Scheme = "console-call";

    public ClaimsPrincipal User { get; } = user;

    public static bool Carries(HttpContext context) => context.Features.Get<ConsoleCall>() is not null;
}

/// <summary>Authenticates a console call as the user the console signed in; any other request gets no result here.</summary>
public sealed class ConsoleCallHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Context.Features.Get<ConsoleCall>() is { } call
            ? AuthenticateResult.Success(new AuthenticationTicket(call.User, Scheme.Name))
            : AuthenticateResult.NoResult());
}
