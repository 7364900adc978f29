using Cases.Api.Deadlines;
using Cases.Api.Tests.Infrastructure;
using Cases.Projections.Cases;
using Cases.Projections.Deadlines;

namespace Cases.Api.Tests.Public;

/// <summary>
/// Directive (EU) 2019/1937 art. 9(1)(f): the reporter hears back within three months of the acknowledgement or, while
/// none is recorded, of the end of the seven days after the report. 2021's facts are entered in 2026, so every clock
/// here is counted on business dates alone.
/// </summary>
public class when_the_reporter_awaits_feedback(PublicApiApp app) : PublicApiTests(app)
{
    private static readonly DateTimeOffset Years = new(2026, 12, 7, 10, 0, 0, TimeSpan.FromHours(6));
    private static readonly DateOnly Received = new(2021, 3, 1);
    private static readonly DateOnly UnacknowledgedDue = new(2021, 6, 8);
    private static readonly DateOnly AcknowledgedDue = new(2021, 6, 3);

    private async Task<DueItem> FeedbackDueAsync(Guid caseId) =>
        (await GetAsync<DueItem[]>("/api/deadlines?days=0&kind=complainant-feedback", Investigator)).Single(d => d.StreamId == caseId);

    [Fact]
    public async Task an_identified_complainants_feedback_is_due_from_the_acknowledgement_once_it_is_entered()
    {
        App.Clock.Now = Years;
        var registered = await RegisterAsync(Registration(receivedOn: "2021-03-01", complainant: new { anonymous = false, name = "Patient" }));

        (await GetCaseAsync(registered.Id)).FeedbackDueOn.ShouldBe(UnacknowledgedDue);
        // The store's first event since the reset: Marten's wait for the daemon starts once the store holds two.
        await App.ProjectionsCaughtUpAsync();
        (await FeedbackDueAsync(registered.Id)).ShouldSatisfyAllConditions(
            d => d.StartsOn.ShouldBe(Received),
            d => d.DueOn.ShouldBe(UnacknowledgedDue),
            d => d.Overdue.ShouldBeTrue());

        await CommandAsync(registered.Id, "acknowledgement", new { expectedVersion = registered.Version, acknowledgedOn = "2021-03-03" });

        (await GetCaseAsync(registered.Id)).FeedbackDueOn.ShouldBe(AcknowledgedDue);
        (await FeedbackDueAsync(registered.Id)).ShouldSatisfyAllConditions(
            d => d.StartsOn.ShouldBe(new DateOnly(2021, 3, 3)),
            d => d.DueOn.ShouldBe(AcknowledgedDue));

        // Counted from the events alone: a rebuild finds the same dates.
        await RebuildAsync(["mt_doc_casesummary", "mt_doc_deadline"], [typeof(CaseSummaryProjection), typeof(DeadlineProjection)]);
        (await GetCaseAsync(registered.Id)).FeedbackDueOn.ShouldBe(AcknowledgedDue);
        (await FeedbackDueAsync(registered.Id)).DueOn.ShouldBe(AcknowledgedDue);
    }

    [Fact]
    public async Task an_anonymous_public_reporter_reads_the_acknowledgement_and_the_feedback_date_with_the_code()
    {
        App.Clock.Now = new DateTimeOffset(2021, 3, 1, 10, 0, 0, TimeSpan.FromHours(6));
        var receipt = await ReportAsync();
        var summary = await PublicCaseAsync();
        App.Clock.Now = Years;

        var followed = await FollowAsync(receipt.ReceiptCode);
        (followed.ReceivedOn, followed.AcknowledgedOn, followed.FeedbackDueOn).ShouldBe((Received, (DateOnly?)null, UnacknowledgedDue));
        (await FeedbackDueAsync(summary.Id)).DueOn.ShouldBe(UnacknowledgedDue);

        await CommandAsync(summary.Id, "acknowledgement", new { expectedVersion = summary.Version, acknowledgedOn = "2021-03-03" });

        followed = await FollowAsync(receipt.ReceiptCode);
        (followed.AcknowledgedOn, followed.FeedbackDueOn).ShouldBe((new DateOnly(2021, 3, 3), AcknowledgedDue));
        (await GetCaseAsync(summary.Id)).FeedbackDueOn.ShouldBe(AcknowledgedDue);
        (await FeedbackDueAsync(summary.Id)).DueOn.ShouldBe(AcknowledgedDue);
    }

    [Fact]
    public async Task an_anonymous_letter_owes_no_feedback_and_a_closed_case_no_longer_waits_for_it()
    {
        App.Clock.Now = Years;
        var anonymous = await RegisterAsync(Registration(receivedOn: "2021-03-01", complainant: new { anonymous = true }));
        (await GetCaseAsync(anonymous.Id)).FeedbackDueOn.ShouldBeNull();

        var identified = await RegisterAsync(Registration(receivedOn: "2021-03-01", complainant: new { anonymous = false, name = "Patient" }));
        await CommandAsync(identified.Id, "closure", new { expectedVersion = identified.Version, outcome = "withdrawn", summary = "Withdrawn", closedOn = "2021-04-01" });

        (await GetAsync<DueItem[]>("/api/deadlines?days=0&kind=complainant-feedback", Investigator)).ShouldBeEmpty();
    }
}
