using Cases.Api.Deadlines;
using Cases.Api.Retention;
using Cases.Domain.Reminders;
using Cases.Projections.Deadlines;
using JasperFx;
using JasperFx.Core;
using Marten;
using Marten.Exceptions;
using Microsoft.Extensions.Options;
using Wolverine;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Cases.Api.Reminders;

/// <summary>
/// Look for the reminders due in the message's organisation (its tenant), and send those not sent yet. A check asked
/// for by hand has no link; one of the schedule's carries the link of its organisation's chain (see <see cref="ReminderSchedule"/>).
/// </summary>
public sealed record CheckReminders(Guid? Link = null);

/// <summary>
/// Sends the reminders due now, computed from the deadlines as they stand (so a fact that moved one moved its
/// reminders). Each reminder is a stream whose id is derived from what makes it one (clock, last day, step, person),
/// so a second check, on this node or another, after a restart or at the same moment, starts the same stream and
/// fails instead of sending again; the retry then finds it sent. Its mail is stored in the same transaction.
/// </summary>
public static class CheckRemindersHandler
{
    /// <summary>How far ahead deadlines are read: beyond the most working days a rule may remind before.</summary>
    private const int HorizonDays = 2 * ReminderDefaults.MaxWorkingDaysBefore + 14;

    /// <summary>A twin check (another node's) that committed first makes this one fail on a stream or the chain; it looks again.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<Marten.Exceptions.ExistingStreamIdCollisionException>().Or<ConcurrencyException>().Or<DocumentAlreadyExistsException>()
            .RetryWithCooldown(50.Milliseconds(), 200.Milliseconds(), 1.Seconds());

    public static async Task<OutgoingMessages> Handle(CheckReminders check, IDocumentSession session, IMessageContext context, OrganisationClock clock,
        OpenClocks openClocks, IOptions<NotificationSettings> notifications, CancellationToken ct)
    {
        var organisation = context.TenantId!;
        var time = clock.For(organisation);
        var settings = notifications.Value;
        var mails = new OutgoingMessages();
        if (check.Link is { } link)
        {
            // A link of a chain that was replaced (or switched off) ends here, so one check runs per period however many started.
            var chain = await session.LoadAsync<ReminderCheckChain>(organisation, ct);
            if (settings.CheckEvery <= TimeSpan.Zero || chain?.Link != link) return mails;
            mails.Add(ReminderSchedule.Continue(session, chain, organisation, time.Now, settings.CheckEvery));
        }
        var horizon = time.Today.AddDays(HorizonDays);
        // The deadlines are projected by the daemon: it is waited for, so a fact recorded before the check counts.
        var clocks = await openClocks.ListAsync(session, time.Today, horizon, null, ct);
        var rules = OrganisationReminderRules.Of(await session.LoadAsync<OrganisationReminderRules>(StreamIds.ReminderRules(organisation), ct));
        var calendar = await OrganisationRules.CalendarAsync(session, ct);

        var reminders = DueReminders.Of(clocks, rules.For, calendar, time.Today, settings.EscalateWithinDays)
            .SelectMany(due => RecipientsOf(due).Select(to => (Due: due, to.User, to.Person,
                Id: StreamIds.Reminder(organisation, DueReminders.Key(due, DueReminders.Recipient(to.User, due.Role))))))
            .ToArray();
        var ids = reminders.Select(r => r.Id).ToArray();
        var sent = (await session.Query<Reminder>().Where(r => r.Id.IsOneOf(ids)).Select(r => r.Id).ToListAsync(ct)).ToHashSet();

        foreach (var (due, user, person, id) in reminders.Where(r => !sent.Contains(r.Id)))
        {
            var mailed = settings.Mails && !string.IsNullOrWhiteSpace(person?.Email);
            session.Events.StartStream<Reminder>(id, new ReminderSent(id, due.Clock.Kind, due.Clock.StreamId, due.Clock.Reference, due.Clock.DueOn,
                due.Step, due.Role, user, mailed, time.Today));
            if (mailed)
            {
                mails.Add(new ReminderMail(id, person!.Email!, person.Language, due.Clock.Kind, due.Clock.Reference, due.Clock.DueOn, due.Step,
                    ConsoleLinks.Of(settings.ConsoleUrl, due.Clock.Kind, due.Clock.StreamId)));
            }
        }
        if (SendDigests.After(time, settings, organisation) is { } digests) mails.Add(digests);
        return mails;

        // The clock's assignee when the record names one for the role; else the people named for the role in this
        // organisation, each told apart; without any, everyone holding it.
        IEnumerable<(string? User, PersonSettings? Person)> RecipientsOf(DueReminder due)
        {
            if (DueReminders.AssigneeFor(due.Clock, due.Role) is { } assignee)
            {
                return [(assignee, settings.People.GetValueOrDefault(assignee) is { } named && named.Organisation == organisation ? named : null)];
            }
            var people = settings.PeopleOf(organisation, due.Role).Select(p => ((string?)p.User, (PersonSettings?)p.Person)).ToArray();
            return people.Length > 0 ? people : [(null, null)];
        }
    }
}

/// <summary>Where the console shows the record a clock runs on.</summary>
public static class ConsoleLinks
{
    public static string Of(string consoleUrl, string kind, Guid streamId)
    {
        var page = kind switch
        {
            "decision-execution" => "decisions",
            "order-announcement" or "sanction-expiry" => "sanctions",
            "plan-item-due" => "programme/plans",
            _ => "cases"
        };
        // The data protection officer reads no case, and archives through the API: the console's start, not the case.
        if (kind == "retention") return $"{consoleUrl.TrimEnd('/')}/console";
        return $"{consoleUrl.TrimEnd('/')}/console/{page}/{streamId}";
    }
}
