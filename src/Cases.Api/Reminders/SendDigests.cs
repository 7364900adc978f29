using System.Globalization;
using Cases.Api.Deadlines;
using Cases.Api.Localization;
using Cases.Domain.Reminders;
using Cases.Projections.Deadlines;
using JasperFx.Core;
using Marten;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Cases.Api.Reminders;

/// <summary>Mail the digests of <paramref name="Day"/> not mailed yet in the message's organisation (its tenant).</summary>
public sealed record SendDigests(DateOnly Day)
{
    /// <summary>
    /// The digests a check asks for: those of its day, once the organisation's clock is at or past
    /// <see cref="NotificationSettings.DigestAt"/>, when mails go out and someone of the organisation is named.
    /// </summary>
    public static SendDigests? After(RequestTime time, NotificationSettings settings, string organisation) =>
        settings.Mails && time.Now.TimeOfDay >= settings.DigestAt && settings.People.Values.Any(p => p.Organisation == organisation)
            ? new SendDigests(time.Today)
            : null;
}

/// <summary>
/// Mails each person named in the notification settings, with an address, their digest of the day (see
/// <see cref="Digest"/>). Each digest is a stream whose id is derived from the organisation, the person and the day, so
/// a second check, on this node or another, at the same moment or later that day, starts the same stream and fails
/// instead of mailing again; the retry finds it sent. A person with nothing due gets no mail and nothing is recorded,
/// so their digest goes out later that day if something falls due within the week meanwhile.
/// </summary>
public static class SendDigestsHandler
{
    public static void Configure(HandlerChain chain) =>
        chain.OnException<Marten.Exceptions.ExistingStreamIdCollisionException>()
            .RetryWithCooldown(50.Milliseconds(), 200.Milliseconds(), 1.Seconds());

    public static async Task<OutgoingMessages> Handle(SendDigests send, IDocumentSession session, IMessageContext context,
        OpenClocks openClocks, IOptions<NotificationSettings> notifications, CancellationToken ct)
    {
        var organisation = context.TenantId!;
        var settings = notifications.Value;
        var mails = new OutgoingMessages();
        if (!settings.Mails) return mails;
        var people = settings.People
            .Where(p => p.Value.Organisation == organisation && !string.IsNullOrWhiteSpace(p.Value.Email))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (User: p.Key, Person: p.Value, Id: StreamIds.Digest(organisation, p.Key, send.Day)))
            .ToArray();
        var ids = people.Select(p => p.Id).ToArray();
        var sent = (await session.Query<PersonDigest>().Where(d => d.Id.IsOneOf(ids)).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
        var waiting = people.Where(p => !sent.Contains(p.Id)).ToArray();
        if (waiting.Length == 0) return mails;

        var clocks = await DigestContent.ClocksAsync(session, openClocks, send.Day, ct);
        var rules = await DigestContent.RulesAsync(session, ct);
        foreach (var (user, person, id) in waiting)
        {
            var lines = Digest.For(clocks, rules.For, person.Roles, user, send.Day);
            if (lines.Count == 0) continue;
            var overdue = lines.Count(l => l.Overdue);
            session.Events.StartStream<PersonDigest>(id, new DigestSent(id, user, send.Day, overdue, lines.Count - overdue));
            mails.Add(new DigestMail(id, person.Email!, person.Language, send.Day, lines
                .Select(l => new DigestMailLine(l.Clock.Kind, l.Clock.Reference, l.Clock.DueOn, l.Overdue, l.DaysLeft,
                    ConsoleLinks.Of(settings.ConsoleUrl, l.Clock.Kind, l.Clock.StreamId)))
                .ToArray()));
        }
        return mails;
    }
}

/// <summary>What a digest lists, read the same way for the mail and for <c>GET /api/me/digest</c>.</summary>
public static class DigestContent
{
    /// <summary>The clocks open today, overdue or due within the digest's week.</summary>
    public static Task<IReadOnlyList<OpenClock>> ClocksAsync(IQuerySession session, OpenClocks openClocks, DateOnly today, CancellationToken ct) =>
        openClocks.ListAsync(session, today, today.AddDays(Digest.DaysAhead - 1), null, ct);

    public static async Task<OrganisationReminderRules> RulesAsync(IQuerySession session, CancellationToken ct) =>
        OrganisationReminderRules.Of(await session.LoadAsync<OrganisationReminderRules>(StreamIds.ReminderRules(session.TenantId), ct));

    /// <summary>The digest of <paramref name="user"/>, holder of <paramref name="roles"/>, today.</summary>
    public static async Task<IReadOnlyList<DigestLine>> ForAsync(IQuerySession session, OpenClocks openClocks, IReadOnlyCollection<string> roles,
        string user, DateOnly today, CancellationToken ct)
    {
        var clocks = await ClocksAsync(session, openClocks, today, ct);
        return Digest.For(clocks, (await RulesAsync(session, ct)).For, roles, user, today);
    }
}

/// <summary>One line of a digest mail: a reference, a kind, a last day, how late or how near, and the console's link; nothing else.</summary>
public sealed record DigestMailLine(string Kind, string Reference, DateOnly DueOn, bool Overdue, int DaysLeft, string Link);

/// <summary>A digest to mail, stored in the transaction that records it sent (Wolverine's outbox), as a reminder's mail is.</summary>
public sealed record DigestMail(Guid DigestId, string To, string Language, DateOnly Day, IReadOnlyList<DigestMailLine> Lines);

public static class DigestMailHandler
{
    [ScheduleRetry(typeof(Exception), 5, 30, 120, 600)]
    public static Task Handle(DigestMail mail, ReminderMailer mailer, IStringLocalizer<Notifications> texts, IOptions<NotificationSettings> settings,
        CancellationToken ct) =>
        mailer.SendAsync(DigestMails.Write(mail, settings.Value.Smtp.From, texts), ct);
}

/// <summary>Writes a digest in its recipient's language: overdue lines, then the week's, each with its link.</summary>
public static class DigestMails
{
    public static MimeMessage Write(DigestMail mail, string from, IStringLocalizer<Notifications> texts)
    {
        return Notifications.InLanguage(mail.Language, () =>
        {
            var day = Date(mail.Day);
            var overdue = mail.Lines.Where(l => l.Overdue).ToArray();
            var coming = mail.Lines.Where(l => !l.Overdue).ToArray();
            var body = new List<string> { texts["Digest.Lead", day].Value };
            Section("Digest.Overdue", overdue);
            Section("Digest.Coming", coming);
            body.AddRange(["", texts["Footer"].Value]);
            var message = new MimeMessage
            {
                Subject = texts["Digest.Subject", day, overdue.Length, coming.Length].Value,
                Body = new TextPart("plain") { Text = string.Join("\n", body) }
            };
            message.From.Add(MailboxAddress.Parse(from));
            message.To.Add(MailboxAddress.Parse(mail.To));
            // The digest's id, so a mail redelivered after a crash can be told for the same one, and a digest from a reminder.
            message.MessageId = $"{mail.DigestId:N}@digest.cases";
            return message;

            void Section(string heading, IReadOnlyList<DigestMailLine> lines)
            {
                if (lines.Count == 0) return;
                body.AddRange(["", texts[heading].Value]);
                foreach (var line in lines)
                {
                    var left = line.Overdue ? texts["Digest.DaysOverdue", -line.DaysLeft]
                        : line.DaysLeft == 0 ? texts["Digest.Today"]
                        : texts["Digest.DaysLeft", line.DaysLeft];
                    body.Add(texts["Digest.Line", line.Reference, texts[$"Kind.{line.Kind}"].Value, Date(line.DueOn), left.Value].Value);
                    body.Add($"  {line.Link}");
                }
            }
        });
    }

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
