using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cases.Api.Infrastructure;

/// <summary>
/// JWT bearer tokens. Production points <c>Auth:Authority</c> at the organisation's identity provider; Development
/// (and the tests) sign tokens with <c>Auth:DevelopmentSigningKey</c>, which only appsettings.Development.json holds.
/// A valid signature is not enough: the claims must fit <see cref="TokenClaims"/> (else 401) and name only known roles
/// (else 403), before any endpoint runs.
/// </summary>
public static class Authentication
{
    public const string Issuer = "cases-dev";
    public const string Audience = "cases";
    public const string Scheme = "cases";

    public static IServiceCollection AddCasesAuthentication(this IServiceCollection services, IConfiguration config)
    {
        var audience = config["Auth:Audience"] ?? Audience;
        var knownOrganisationsOnly = config.GetValue("Auth:KnownOrganisationsOnly", true);
        services.AddAuthentication(Scheme)
            // A request of the console (Console/ConsoleApi) acts as the user the console signed in; any other, by its token.
            .AddPolicyScheme(Scheme, "Bearer token", o => o.ForwardDefaultSelector = context =>
                WebConsole.ConsoleCall.Carries(context) ? WebConsole.ConsoleCall.Scheme : JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.Audience = audience;
                options.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidAudience = audience,
                    NameClaimType = CasesClaims.Subject,
                    RoleClaimType = CasesClaims.Role,
                    ClockSkew = TimeSpan.FromSeconds(30)
                };
                options.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        var served = context.HttpContext.RequestServices.GetRequiredService<IOptions<OrganisationSettings>>().Value.Names.Keys;
                        var refusal = context.SecurityToken is JsonWebToken token
                            ? TokenClaims.Refusal(token, knownOrganisationsOnly && served.Count > 0 ? served : null)
                            : "The token is not a JSON Web Token.";
                        if (refusal is not null) context.Fail(new ClaimsRefused(refusal));
                        return Task.CompletedTask;
                    },
                    // The refusal says which claim is at fault, in the ProblemDetails and in WWW-Authenticate (RFC 6750).
                    OnChallenge = async context =>
                    {
                        if (context.AuthenticateFailure is not ClaimsRefused refused) return;
                        context.HandleResponse();
                        context.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{refused.Message}\"";
                        await Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: refused.Message)
                            .ExecuteAsync(context.HttpContext);
                    }
                };

                if (config["Auth:Authority"] is { Length: > 0 } authority)
                {
                    options.Authority = authority;
                }
                else if (config["Auth:DevelopmentSigningKey"] is { Length: > 0 } key)
                {
                    options.TokenValidationParameters.ValidIssuer = Issuer;
                    options.TokenValidationParameters.IssuerSigningKey = SigningKey(key);
                }
                else
                {
                    throw new InvalidOperationException(
                        "No token issuer configured: set Auth:Authority (or Auth:DevelopmentSigningKey in Development).");
                }
            });
        // Every endpoint acts for one organisation, in roles the service knows: a token that names no organisation, or a
        // role the service does not grant, is refused before any endpoint runs.
        services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(c => !string.IsNullOrWhiteSpace(c.User.FindFirst(CasesClaims.Organisation)?.Value))
            .RequireAssertion(c => c.User.FindAll(CasesClaims.Role).All(r => Roles.IsKnown(r.Value)))
            .Build());
        return services;
    }

    public static SymmetricSecurityKey SigningKey(string key) => new(Encoding.UTF8.GetBytes(key));

    /// <summary>A validated token whose claims do not fit <see cref="TokenClaims"/>.</summary>
    private sealed class ClaimsRefused(string reason) : Exception(reason);
}
