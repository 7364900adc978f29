using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Tokens;

namespace Cases.Api.Infrastructure;

/// <summary>
/// JWT bearer tokens. Production points <c>Auth:Authority</c> at the organisation's identity provider; Development
/// (and the tests) sign tokens with <c>Auth:DevelopmentSigningKey</c>, which only appsettings.Development.json holds.
/// </summary>
public static class Authentication
{
    public const string Issuer = "cases-dev";
    public const string Audience = "cases";

    public static IServiceCollection AddCasesAuthentication(this IServiceCollection services, IConfiguration config)
    {
        var audience = config["Auth:Audience"] ?? Audience;
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
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
        // Every endpoint acts for one organisation: a token that names none is refused before any endpoint runs.
        services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireAssertion(c => !string.IsNullOrWhiteSpace(c.User.FindFirst(CasesClaims.Organisation)?.Value))
            .Build());
        return services;
    }

    public static SymmetricSecurityKey SigningKey(string key) => new(Encoding.UTF8.GetBytes(key));
}
