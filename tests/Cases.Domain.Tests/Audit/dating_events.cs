using System.Reflection;
using Cases.Domain.Cases;
using Cases.Domain.Meetings;
using Cases.Domain.Sanctions;

namespace Cases.Domain.Tests.Audit;

public class dating_events
{
    private static readonly DateOnly RecordedOn = new(2026, 2, 3);

    /// <summary>Every *EventNames.Stored dictionary of the domain, found by reflection so that a new area is covered too.</summary>
    public static TheoryData<string> StoredTypes()
    {
        var stored = typeof(BusinessDates).Assembly.GetTypes()
            .Select(t => t.GetField("Stored", BindingFlags.Public | BindingFlags.Static))
            .Where(f => f?.FieldType == typeof(IReadOnlyDictionary<Type, string>))
            .SelectMany(f => ((IReadOnlyDictionary<Type, string>)f!.GetValue(null)!).Keys);
        return new TheoryData<string>(stored.Select(t => t.AssemblyQualifiedName!));
    }

    [Theory]
    [MemberData(nameof(StoredTypes))]
    public void every_stored_event_type_has_a_business_date(string type) =>
        BusinessDates.Maps(Type.GetType(type)!).ShouldBeTrue($"{type} is stored but has no business date");

    [Fact]
    public void the_stored_dictionaries_are_found() => StoredTypes().Count.ShouldBeGreaterThan(40);

    [Fact]
    public void a_fact_counts_from_its_own_day_however_late_it_was_entered()
    {
        var lifted = new SanctionLifted(Guid.NewGuid(), "E-1042", new DateOnly(2021, 6, 1), "Director", "Good work");
        BusinessDates.Of(lifted).CountsFrom(RecordedOn, null).ShouldBe(new DateOnly(2021, 6, 1));
    }

    [Fact]
    public void a_correction_counts_from_the_start()
    {
        var corrected = new CaseCategoryCorrected(Guid.NewGuid(), 1, "\"other\"", Category.Ethics, "Misfiled", new DateOnly(2026, 2, 3));
        BusinessDates.Of(corrected).By.ShouldBe(DatedBy.Correction);
        BusinessDates.Of(corrected).CountsFrom(RecordedOn, null).ShouldBeNull();
        BusinessDates.Of(new SanctionExpiryMoved(Guid.NewGuid(), "E-1042", new DateOnly(2021, 9, 20))).By.ShouldBe(DatedBy.Correction);
    }

    [Fact]
    public void a_fact_without_a_day_counts_from_its_recording_and_a_meeting_no_later_than_its_day()
    {
        var reply = new Domain.Public.InvestigatorReplied(Guid.NewGuid(), Guid.NewGuid(), "Thank you");
        BusinessDates.Of(reply).CountsFrom(RecordedOn, null).ShouldBe(RecordedOn);

        var enteredLate = new MeetingScheduled(Guid.NewGuid(), Guid.NewGuid(), new DateTimeOffset(2021, 5, 14, 10, 0, 0, TimeSpan.FromHours(6)), "Hall", []);
        BusinessDates.Of(enteredLate).CountsFrom(RecordedOn, null).ShouldBe(new DateOnly(2021, 5, 14));
        var calledAhead = enteredLate with { ScheduledFor = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(6)) };
        BusinessDates.Of(calledAhead).CountsFrom(RecordedOn, null).ShouldBe(RecordedOn);
    }

    [Fact]
    public void a_vote_counts_from_the_day_of_the_session()
    {
        var vote = new VoteCast(Guid.NewGuid(), 1, "M-1", Vote.For);
        BusinessDates.Of(vote).CountsFrom(RecordedOn, new DateOnly(2021, 5, 14)).ShouldBe(new DateOnly(2021, 5, 14));
    }

    [Fact]
    public void an_overdue_decision_counts_from_the_day_after_its_due_date() =>
        BusinessDates.Of(new DecisionBecameOverdue(Guid.NewGuid(), new DateOnly(2021, 6, 30))).CountsFrom(RecordedOn, null)
            .ShouldBe(new DateOnly(2021, 7, 1));

    [Fact]
    public void an_unknown_type_is_refused() => Should.Throw<ArgumentException>(() => BusinessDates.Of(new object()));
}
