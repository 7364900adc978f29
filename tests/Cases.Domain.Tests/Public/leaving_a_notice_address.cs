using Cases.Domain.Cases;
using Cases.Domain.Privacy;
using Cases.Domain.Public;
using static Cases.Domain.Tests.Cases.CaseHistory;

namespace Cases.Domain.Tests.Public;

public class leaving_a_notice_address
{
    private static readonly Receipt Receipt = new("ABCD2345", "c2FsdA==", "aGFzaA==", 10_000);
    private static readonly ReceiptIssued Issued = new(Id, "ABCD2345", "s", "h", 10_000, true, Now);
    private static readonly SealedPersonalData Address = new(Guid.CreateVersion7(), "bm9uY2U=", "YWRkcmVzcw==");
    private static readonly InvestigatorReplied Replied = new(Id, Guid.CreateVersion7(), "Thanks");

    private static ReporterNoticeAddressGiven Given => new(Id, Address, "kk", new DateOnly(2021, 3, 20));

    [Fact]
    public void a_report_with_an_address_records_it_sealed_in_the_reporters_language_and_a_reply_is_then_noticed()
    {
        var events = ReportPubliclyDecision.Decide(new ReportPublicly(Category.Corruption, "Bribe", Anonymous: true, NoticeAddress: "a@b.kz"),
            Id, "2021-0009", Now, null, Receipt, Address, "kk");

        events[2].ShouldBe(Given);
        var state = Replay(events);
        state.ShouldSatisfyAllConditions(s => s.HoldsNoticeAddress.ShouldBeTrue(), s => s.NoticePersonId.ShouldBe(Address.PersonId));
        ReporterNoticeDecisions.Notice(state, Replied, Now).ShouldBe(new ReporterNoticeSent(Id, Replied.MessageId, new DateOnly(2021, 3, 20)));
    }

    [Fact]
    public void a_report_without_one_records_none_and_a_reply_is_not_noticed()
    {
        var events = ReportPubliclyDecision.Decide(new ReportPublicly(Category.Corruption, "Bribe", Anonymous: true), Id, "2021-0009", Now, null, Receipt);

        events.Length.ShouldBe(2);
        ReporterNoticeDecisions.Notice(Replay(events), Replied, Now).ShouldBeNull();
    }

    [Fact]
    public void an_address_is_given_later_on_an_open_case()
    {
        var state = Replay(Registered(), Issued);

        ReporterNoticeDecisions.Decide(state, Address, "ru", Now).ShouldBe(Given with { Language = "ru" });
    }

    [Fact]
    public void no_address_is_taken_once_the_case_is_closed() =>
        ReporterNoticeDecisions.CheckGive(Replay(Registered(), Issued, Closed))!.Rule.ShouldBe("case-closed");

    [Fact]
    public void no_address_is_taken_once_the_reporter_was_erased() =>
        ReporterNoticeDecisions.CheckGive(Replay(Registered(), Issued, Given, new PersonalDataErased(Id, Address.PersonId, "r", Received)))!
            .Rule.ShouldBe("personal-data-erased");

    [Fact]
    public void a_removed_address_gets_no_notice_and_is_removed_once()
    {
        var state = Replay(Registered(), Issued, Given);
        var removed = ReporterNoticeDecisions.DecideRemoval(state, Now);

        removed.ShouldBe(new ReporterNoticeAddressRemoved(Id, new DateOnly(2021, 3, 20)));
        var after = Replay(Registered(), Issued, Given, removed);
        ReporterNoticeDecisions.Notice(after, Replied, Now).ShouldBeNull();
        ReporterNoticeDecisions.CheckRemove(after)!.Rule.ShouldBe("no-notice-address");
    }

    [Fact]
    public void nothing_to_remove_without_an_address() =>
        ReporterNoticeDecisions.CheckRemove(Replay(Registered(), Issued))!.Rule.ShouldBe("no-notice-address");

    [Fact]
    public void an_address_is_removed_even_on_a_closed_case() =>
        ReporterNoticeDecisions.CheckRemove(Replay(Registered(), Issued, Given, Closed)).ShouldBeNull();

    [Fact]
    public void an_erasure_of_an_anonymous_reporter_shreds_the_key_of_their_address_and_no_notice_follows()
    {
        var state = Replay(Registered() with { Complainant = new Complainant(true) }, Issued, Given);

        var erased = EraseComplainantDecision.Decide(new EraseComplainant(2, "Asked"), state, Now);

        erased.ShouldSatisfyAllConditions(e => e.PersonId.ShouldBe(Address.PersonId), e => e.NoticePersonId.ShouldBeNull());
        ReporterNoticeDecisions.Notice(Replay(Registered(), Issued, Given, erased), Replied, Now).ShouldBeNull();
    }

    private static readonly SealedPersonalData Contact = new(Guid.CreateVersion7(), "bm9uY2U=", "Y29udGFjdA==");

    private static CaseRegistered NamedReporter => Registered() with { Complainant = new Complainant(false), SealedComplainant = Contact };

    [Fact]
    public void an_address_removed_or_replaced_has_its_own_key_shredded()
    {
        ReporterNoticeDecisions.KeyToShred(Replay(NamedReporter, Issued, Given)).ShouldBe(Address.PersonId);
        ReporterNoticeDecisions.KeyToShred(Replay(Registered(), Issued, Given)).ShouldBe(Address.PersonId);
        // A removed address given before each had its own key: its key is shredded when another is given.
        ReporterNoticeDecisions.KeyToShred(Replay(Registered(), Issued, Given, new ReporterNoticeAddressRemoved(Id, Received)))
            .ShouldBe(Address.PersonId);
        ReporterNoticeDecisions.KeyToShred(Replay(Registered(), Issued)).ShouldBeNull();
    }

    [Fact]
    public void an_address_stored_under_the_contacts_key_is_not_shredded_alone() =>
        ReporterNoticeDecisions.KeyToShred(Replay(NamedReporter, Issued, Given with { Address = Address with { PersonId = Contact.PersonId } }))
            .ShouldBeNull();

    [Fact]
    public void an_erasure_of_a_named_reporter_shreds_the_contacts_key_and_the_addresss()
    {
        var erased = EraseComplainantDecision.Decide(new EraseComplainant(3, "Asked"), Replay(NamedReporter, Issued, Given), Now);

        erased.ShouldBe(new PersonalDataErased(Id, Contact.PersonId, "Asked", new DateOnly(2021, 3, 20), Address.PersonId));
    }

    [Fact]
    public void an_erasure_of_a_reporter_whose_address_is_under_the_contacts_key_names_the_key_once() =>
        EraseComplainantDecision.Decide(new EraseComplainant(3, "Asked"),
                Replay(NamedReporter, Issued, Given with { Address = Address with { PersonId = Contact.PersonId } }), Now)
            .NoticePersonId.ShouldBeNull();

    [Fact]
    public void a_complainant_named_in_clear_is_not_erased_by_shredding_their_address_alone() =>
        EraseComplainantDecision.Check(Replay(Registered() with { Complainant = new Complainant(false, "Plain Text") }, Issued, Given))!
            .Rule.ShouldBe("no-encrypted-personal-data");

    [Fact]
    public void an_unknown_complainants_reporter_address_is_erased() =>
        EraseComplainantDecision.Check(Replay(Registered(), Issued, Given)).ShouldBeNull();
}
