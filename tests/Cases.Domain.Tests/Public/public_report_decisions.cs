using Cases.Domain.Cases;
using Cases.Domain.Privacy;
using Cases.Domain.Public;
using Cases.Domain.Retention;
using static Cases.Domain.Tests.Cases.CaseHistory;

namespace Cases.Domain.Tests.Public;

public class reporting_publicly
{
    private static readonly Receipt Receipt = new("ABCD2345", "c2FsdA==", "aGFzaA==", 10_000);
    private static readonly SealedPersonalData Sealed = new(Guid.CreateVersion7(), "bm9uY2U=", "Y2lwaGVy");

    [Fact]
    public void an_anonymous_report_starts_a_case_on_the_public_channel_with_its_receipt()
    {
        var events = ReportPubliclyDecision.Decide(new ReportPublicly(Category.Corruption, "  Bribe asked  ", Anonymous: true), Id, "2021-0009",
            Now, null, Receipt);

        var registered = events[0].ShouldBeOfType<CaseRegistered>();
        registered.ShouldSatisfyAllConditions(
            r => r.Channel.ShouldBe(Channel.Public),
            r => r.Subjects.ShouldBeEmpty(),
            r => r.Complainant.ShouldBe(new Complainant(true)),
            r => r.SealedComplainant.ShouldBeNull(),
            r => r.Summary.ShouldBe("Bribe asked"),
            r => r.ReceivedOn.ShouldBe(new DateOnly(2021, 3, 20)));
        events[1].ShouldBe(new ReceiptIssued(Id, "ABCD2345", "c2FsdA==", "aGFzaA==", 10_000, true, Now));
        Replay(events).IsPublicReport.ShouldBeTrue();
    }

    [Fact]
    public void a_reporters_contact_goes_only_into_the_sealed_identity()
    {
        var command = new ReportPublicly(Category.MedicalCare, "Waited", Contact: new ReporterContact(" Aliya ", " +7 701 ", null));

        ReportPubliclyDecision.IdentityToSeal(command).ShouldBe(new Complainant(false, "Aliya", "+7 701", null));
        var registered = (CaseRegistered)ReportPubliclyDecision.Decide(command, Id, "2021-0009", Now, Sealed, Receipt)[0];

        registered.Complainant.ShouldBe(new Complainant(false));
        registered.SealedComplainant.ShouldBe(Sealed);
        Replay(registered).ComplainantPersonId.ShouldBe(Sealed.PersonId);
    }

    [Theory]
    [InlineData(CaseStatus.Registered, PublicStatus.Received)]
    [InlineData(CaseStatus.Acknowledged, PublicStatus.Received)]
    [InlineData(CaseStatus.UnderInvestigation, PublicStatus.BeingInvestigated)]
    [InlineData(CaseStatus.ReferredToCommission, PublicStatus.BeingInvestigated)]
    [InlineData(CaseStatus.Closed, PublicStatus.Closed)]
    public void the_reporter_sees_only_a_public_status(CaseStatus status, PublicStatus seen) => PublicStatuses.Of(status).ShouldBe(seen);
}

public class exchanging_messages
{
    private static readonly ReceiptIssued Receipt = new(Id, "ABCD2345", "s", "h", 10_000, true, Now);

    [Fact]
    public void the_investigator_writes_only_to_a_public_report() =>
        ReportThreadDecisions.CheckReply(Replay(Registered()))!.Rule.ShouldBe("not-a-public-report");

    [Fact]
    public void nobody_writes_once_the_case_is_closed()
    {
        var closed = Replay(Registered(), Receipt, Closed);
        ReportThreadDecisions.CheckReporter(closed)!.Rule.ShouldBe("case-closed");
        ReportThreadDecisions.CheckReply(closed)!.Rule.ShouldBe("case-closed");
    }

    [Fact]
    public void messages_are_trimmed_and_name_their_case()
    {
        var state = Replay(Registered(), Receipt);
        var messageId = Guid.CreateVersion7();

        ReportThreadDecisions.Decide(new PostReporterMessage("  Hello "), state, messageId).ShouldBe(new ReporterMessagePosted(Id, messageId, "Hello"));
        ReportThreadDecisions.Decide(new ReplyToReporter(2, " Thanks "), state, messageId).ShouldBe(new InvestigatorReplied(Id, messageId, "Thanks"));
    }
}

public class erasing_a_complainant
{
    private static readonly Guid PersonId = Guid.CreateVersion7();

    private static CaseRegistered WithSealedComplainant() =>
        Registered() with { Complainant = new Complainant(false), SealedComplainant = new SealedPersonalData(PersonId, "n", "c") };

    [Fact]
    public void records_the_reason_and_the_person_never_the_data()
    {
        var erased = EraseComplainantDecision.Decide(new EraseComplainant(1, " Letter 12 "), Replay(WithSealedComplainant()), Now);

        erased.ShouldBe(new PersonalDataErased(Id, PersonId, "Letter 12", new DateOnly(2021, 3, 20)));
    }

    [Fact]
    public void once_only() =>
        EraseComplainantDecision.Check(Replay(WithSealedComplainant(), new PersonalDataErased(Id, PersonId, "r", Received)))!
            .Rule.ShouldBe("personal-data-erased");

    [Fact]
    public void only_encrypted_personal_data() =>
        EraseComplainantDecision.Check(Replay(Registered() with { Complainant = new Complainant(false, "Plain Text") }))!
            .Rule.ShouldBe("no-encrypted-personal-data");
}

public class archiving_closed_cases
{
    [Fact]
    public void a_case_closed_longer_ago_than_the_period_is_archived()
    {
        var closedOn = new DateOnly(2020, 3, 19);

        ArchiveClosedCasesDecision.Decide(Id, closedOn, Now, 365).ShouldBe(new CaseArchived(Id, closedOn, new DateOnly(2021, 3, 20), 365));
        ArchiveClosedCasesDecision.Decide(Id, closedOn.AddDays(1), Now, 365).ShouldBeNull();
        ArchiveClosedCasesDecision.Decide(Id, null, Now, 365).ShouldBeNull();
    }
}
