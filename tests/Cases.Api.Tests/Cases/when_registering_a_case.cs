using Cases.Api.Tests.Infrastructure;
using Cases.Domain.Cases;
using JasperFx.Events;
using Marten;

namespace Cases.Api.Tests.Cases;

public class when_registering_a_case(CaseApiApp app) : CaseApiTests(app)
{
    [Fact]
    public async Task it_answers_201_with_the_location_number_and_version()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(Registration()).ToUrl("/api/cases");
            s.WithBearerToken(Registrar);
            s.StatusCodeShouldBe(201);
        });
        var created = (await result.ReadAsJsonAsync<Api.Cases.CaseRegisteredResponse>())!;

        created.Number.ShouldBe("2021-0001");
        created.Version.ShouldBe(1);
        result.Context.Response.Headers.Location.ToString().ShouldBe($"/api/cases/{created.Id}");
        created.Id.Version.ShouldBe(7);
    }

    [Fact]
    public async Task the_summary_shows_the_registered_case()
    {
        var created = await RegisterAsync(Registration(channel: "social-media", category: "ethics",
            subjects: ["E-1042", "E-2077"], complainant: new { anonymous = true }));

        var summary = await GetCaseAsync(created.Id);

        summary.Number.ShouldBe(created.Number);
        summary.Status.ShouldBe(CaseStatus.Registered);
        summary.Channel.ShouldBe(Channel.SocialMedia);
        summary.Category.ShouldBe(Category.Ethics);
        summary.Subjects.ShouldBe(["E-1042", "E-2077"]);
        summary.ComplainantAnonymous.ShouldBeTrue();
        summary.ReceivedOn.ShouldBe(new DateOnly(2021, 3, 2));
        summary.Version.ShouldBe(1);
    }

    [Fact]
    public async Task numbers_follow_each_other_per_year_of_receipt()
    {
        (await RegisterAsync(Registration("2021-01-10"))).Number.ShouldBe("2021-0001");
        (await RegisterAsync(Registration("2021-02-10"))).Number.ShouldBe("2021-0002");
        (await RegisterAsync(Registration("2020-12-30"))).Number.ShouldBe("2020-0001");
        (await RegisterAsync(Registration("2021-03-10"))).Number.ShouldBe("2021-0003");
    }

    [Fact]
    public async Task racing_registrations_get_unique_gapless_numbers()
    {
        const int racers = 20;
        var created = await Task.WhenAll(Enumerable.Range(0, racers).Select(_ => RegisterAsync()));

        created.Select(c => c.Number).Order().ShouldBe(
            Enumerable.Range(1, racers).Select(i => CaseNumber.Format(2021, i)));
    }

    [Fact]
    public async Task each_organisation_numbers_its_own_cases()
    {
        (await RegisterAsync()).Number.ShouldBe("2021-0001");
        (await RegisterAsync(token: App.Token(OtherOrg, "registrar"))).Number.ShouldBe("2021-0001");
        (await RegisterAsync()).Number.ShouldBe("2021-0002");
    }

    [Fact]
    public async Task the_event_records_who_acted_the_correlation_id_and_the_reason()
    {
        var result = await App.Host.Scenario(s =>
        {
            s.Post.Json(Registration()).ToUrl("/api/cases");
            s.WithBearerToken(Registrar);
            s.WithRequestHeader("X-Correlation-Id", "call-2021-03-02-0815");
            s.WithRequestHeader("X-Reason", Uri.EscapeDataString("Звонок в колл-центр"));
            s.StatusCodeShouldBe(201);
        });
        var created = (await result.ReadAsJsonAsync<Api.Cases.CaseRegisteredResponse>())!;

        await using var session = App.Store.QuerySession(Org);
        var registered = (await session.Events.FetchStreamAsync(created.Id)).Single();
        registered.Data.ShouldBeOfType<CaseRegistered>().Number.ShouldBe("2021-0001");
        registered.UserName.ShouldBe("registrar@nroc");
        registered.CorrelationId.ShouldBe("call-2021-03-02-0815");
        registered.TenantId.ShouldBe(Org);
        registered.GetHeader("reason").ShouldBe("Звонок в колл-центр");
        registered.GetHeader("roles").ShouldBe("registrar");
    }

    [Fact]
    public async Task an_anonymous_complainant_gives_no_identity()
    {
        var problem = await RefusedAsync("/api/cases",
            Registration(complainant: new { anonymous = true, name = "Aliya" }), 400, Registrar);

        problem.Errors!.Keys.ShouldContain("complainant");
        (await App.CountAllEventsAsync()).ShouldBe(0);
    }
}
