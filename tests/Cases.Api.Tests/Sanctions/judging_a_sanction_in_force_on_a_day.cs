using Cases.Domain.Sanctions;
using Cases.Projections.Sanctions;

namespace Cases.Api.Tests.Sanctions;

/// <summary>The predicate of art. 52(1)(16) on the read model alone: ordered 20 January 2021, expiring (first day out) 21 July.</summary>
public class judging_a_sanction_in_force_on_a_day
{
    private static SanctionSummary Reprimand(SanctionStatus status = SanctionStatus.Active, DateOnly? endedOn = null, DateOnly? expiresOn = null) => new()
    {
        OrderDate = new DateOnly(2021, 1, 20),
        ExpiresOn = expiresOn ?? new DateOnly(2021, 7, 21),
        Status = status,
        EndedOn = endedOn
    };

    [Theory]
    [InlineData("2021-01-19", false)]
    [InlineData("2021-01-20", true)]
    [InlineData("2021-07-20", true)]
    [InlineData("2021-07-21", false)]
    public void from_its_order_to_the_day_before_its_expiry_whether_or_not_an_expiry_was_recorded(string day, bool inForce)
    {
        Reprimand().InForceOn(DateOnly.Parse(day)).ShouldBe(inForce);
        Reprimand(SanctionStatus.Expired, new DateOnly(2021, 7, 21)).InForceOn(DateOnly.Parse(day)).ShouldBe(inForce);
    }

    [Theory]
    [InlineData("2021-04-30", true)]
    [InlineData("2021-05-01", false)]
    public void until_the_day_it_was_lifted(string day, bool inForce) =>
        Reprimand(SanctionStatus.Lifted, new DateOnly(2021, 5, 1)).InForceOn(DateOnly.Parse(day)).ShouldBe(inForce);

    [Fact]
    public void never_once_overturned_and_always_a_dismissal_from_its_order()
    {
        Reprimand(SanctionStatus.Overturned, new DateOnly(2021, 1, 20)).InForceOn(new DateOnly(2021, 3, 1)).ShouldBeFalse();
        var dismissal = Reprimand();
        dismissal.ExpiresOn = null;
        dismissal.InForceOn(new DateOnly(2030, 1, 1)).ShouldBeTrue();
    }
}
