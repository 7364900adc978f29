using Cases.Api.Infrastructure;
using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;
using JasperFx.Events;

namespace Cases.Api.Tests.Audit;

/// <summary>The rule the store applies before every commit (<see cref="ServiceIdentity.Refusal"/>), without a host.</summary>
public class when_checking_who_recorded_a_fact
{
    private static readonly Guid Id = Guid.CreateVersion7();

    private static IEvent Overdue(string? user = null, string? roles = null)
    {
        var e = new Event<DecisionBecameOverdue>(new DecisionBecameOverdue(Id, new DateOnly(2021, 11, 15))) { UserName = user };
        if (roles is not null) e.SetHeader("roles", roles);
        return e;
    }

    private static IEvent Lifted() =>
        new Event<SanctionLifted>(new SanctionLifted(Id, "E-1042", new DateOnly(2021, 11, 15), "Director", "Exemplary conduct"));

    [Fact]
    public void a_fact_of_the_services_own_passes_under_its_name_and_no_roles()
    {
        ServiceIdentity.Refusal([Overdue()], ServiceIdentity.UserName, null).ShouldBeNull();
        ServiceIdentity.Refusal([Overdue(user: ServiceIdentity.UserName)], "secretary@nroc", null).ShouldBeNull();
    }

    [Fact]
    public void under_a_persons_name_none_or_with_roles_it_is_refused()
    {
        ServiceIdentity.Refusal([Overdue()], "s.akhmetova", null).ShouldNotBeNull().ShouldContain("s.akhmetova");
        ServiceIdentity.Refusal([Overdue()], null, null).ShouldNotBeNull();
        ServiceIdentity.Refusal([Overdue()], ServiceIdentity.UserName, "secretary").ShouldNotBeNull();
        ServiceIdentity.Refusal([Overdue(roles: "")], ServiceIdentity.UserName, null).ShouldNotBeNull();
        ServiceIdentity.Refusal([Overdue(user: "s.akhmetova")], ServiceIdentity.UserName, null).ShouldNotBeNull();
        ServiceIdentity.Refusal([Lifted(), Overdue()], "hr@nroc", "hr").ShouldNotBeNull().ShouldContain(nameof(DecisionBecameOverdue));
    }

    [Fact]
    public void a_persons_own_facts_are_left_alone() =>
        ServiceIdentity.Refusal([Lifted()], "hr@nroc", "hr").ShouldBeNull();
}
