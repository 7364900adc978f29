using Cases.Api.Infrastructure;
using Cases.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Cases.Api.Tests.Hardening;

/// <summary>The claim rules alone, without a host: which tokens <see cref="TokenClaims"/> lets through.</summary>
public class when_reading_token_claims
{
    private static readonly string[] Served = ["nroc", "pavlodar-region"];

    private static string? Refusal(string claims, IReadOnlyCollection<string>? served) =>
        TokenClaims.Refusal(new JsonWebToken(HandMadeTokens.Signed(claims)), served);

    [Theory]
    [InlineData("""{"sub":"aigerim","org":"nroc","role":"registrar"}""")]
    [InlineData("""{"sub":"Айгерим Б.","org":"pavlodar-region","role":["hr","auditor"]}""")]
    [InlineData("""{"sub":"registrar@nroc","org":"nroc"}""")]
    [InlineData("""{"sub":"eve","role":"registrar"}""")]
    [InlineData("""{"sub":"eve","org":"","role":"registrar"}""")]
    [InlineData("""{"sub":"eve","org":"nroc","role":"wizard"}""")]
    public void fitting_claims_pass_and_a_missing_organisation_or_unknown_role_is_left_to_the_policy(string claims) =>
        Refusal(claims, Served).ShouldBeNull();

    [Theory]
    [InlineData("""{"sub":"eve","org":"-nroc"}""")]
    [InlineData("""{"sub":"eve","org":"nroc/../x"}""")]
    [InlineData("""{"sub":"eve","org":"nroc","org":"nroc"}""")]
    [InlineData("""{"sub":"eve","org":null}""")]
    [InlineData("""{"sub":"eve","org":true}""")]
    [InlineData("""{"sub":"eve\tx","org":"nroc"}""")]
    [InlineData("""{"sub":" eve","org":"nroc"}""")]
    [InlineData("""{"sub":"eve\u200b","org":"nroc"}""")]
    [InlineData("""{"sub":42,"org":"nroc"}""")]
    [InlineData("""{"sub":"eve","org":"nroc","role":["registrar",["hr"]]}""")]
    [InlineData("""{"sub":"eve","org":"nroc","role":""}""")]
    [InlineData("""{"sub":"eve","org":"nroc","role":null}""")]
    [InlineData("""{"sub":"service","org":"nroc","role":"hr"}""")]
    [InlineData("""{"sub":"Service","org":"nroc","role":"hr"}""")]
    public void claims_that_do_not_fit_are_refused(string claims) =>
        Refusal(claims, Served).ShouldNotBeNull();

    [Fact]
    public void any_well_formed_organisation_passes_where_none_are_named()
    {
        Refusal("""{"sub":"eve","org":"org-0001"}""", Served).ShouldNotBeNull();
        Refusal("""{"sub":"eve","org":"org-0001"}""", null).ShouldBeNull();
        Refusal("""{"sub":"eve","org":"ORG-0001"}""", null).ShouldNotBeNull();
    }

    [Fact]
    public void a_crit_header_is_refused_whatever_it_names() =>
        TokenClaims.Refusal(new JsonWebToken(HandMadeTokens.Signed("""{"sub":"eve","org":"nroc"}""", header: "\"crit\":[\"b64\"],\"b64\":true")), Served)
            .ShouldNotBeNull();
}
