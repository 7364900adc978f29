using System.Globalization;
using Cases.Api.Localization;
using Cases.Api.Privacy;
using Cases.Api.Reminders;
using Cases.Projections.Public;
using Marten;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Wolverine.Attributes;

namespace Cases.Api.Public;

/// <summary>
/// A notice to mail for a reply, stored in the reply's transaction (Wolverine's outbox): sent once, and only if the
/// reply was. It carries no address: the handler unseals the address as it stands when it sends, so an address
/// removed or erased since gets nothing.
/// </summary>
public sealed record ReporterNotice(string Organisation, Guid CaseId, Guid MessageId);

public static class ReporterNoticeHandler
{
    [ScheduleRetry(typeof(Exception), 5, 30, 120, 600)]
    public static async Task Handle(ReporterNotice notice, IDocumentStore store, ReporterNoticeMailer mailer, CancellationToken ct)
    {
        await using var session = store.QuerySession(notice.Organisation);
        if (await session.LoadAsync<PublicReport>(notice.CaseId, ct) is not { NoticeAddress: { } sealedAddress } report) return;
        if ((await PersonalKeys.UnsealAsync<string>(session, sealedAddress, ct)).Value is not { } address) return;
        await mailer.SendAsync(notice, address, report.NoticeLanguage ?? "en", ct);
    }
}

/// <summary>
/// Writes a reporter's notice in their language and hands it to the configured SMTP server. It says only that a
/// message waits and where to read it with the receipt code: no case number, no text, nothing a third party reading
/// the mail could tie to a case.
/// </summary>
public sealed class ReporterNoticeMailer(IOptions<NotificationSettings> settings, IStringLocalizer<Notifications> texts, ReminderMailer mailer)
{
    public Task SendAsync(ReporterNotice notice, string address, string language, CancellationToken ct) =>
        mailer.SendAsync(Write(notice, address, language), ct);

    public MimeMessage Write(ReporterNotice notice, string address, string language)
    {
        return Notifications.InLanguage(language, () =>
        {
            var link = $"{settings.Value.PublicPagesUrl.TrimEnd('/')}/{notice.Organisation}/follow-up?{Languages.QueryKey}={CultureInfo.CurrentUICulture.Name}";
            var message = new MimeMessage
            {
                Subject = texts["Reporter.Subject"].Value,
                Body = new TextPart("plain")
                {
                    Text = string.Join("\n", texts["Reporter.Lead"].Value, "", texts["Reporter.Link", link].Value, "", texts["Reporter.Footer"].Value)
                }
            };
            message.From.Add(MailboxAddress.Parse(settings.Value.Smtp.From));
            message.To.Add(MailboxAddress.Parse(address));
            // The reply's id, random: a mail redelivered after a crash is told for the same one, and it names no case.
            message.MessageId = $"{notice.MessageId:N}@cases";
            return message;
        });
    }
}

/// <summary>What the reporter's requests write in: the language the notices to them are written in.</summary>
public static class ReporterNotices
{
    public static string Language() =>
        CultureInfo.CurrentUICulture.Name is var name && Languages.IsSupported(name) ? name : Languages.English.Name;
}
