using System.Globalization;
using Cases.Api.Localization;
using Cases.Api.Privacy;
using Cases.Api.Reminders;
using Cases.Projections.Public;
using MailKit.Net.Smtp;
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
    public static async Task Handle(ReporterNotice notice, IDocumentStore store, ReporterNoticeMailer mailer, ILogger<ReporterNotice> logger,
        CancellationToken ct)
    {
        await using var session = store.QuerySession(notice.Organisation);
        if (await session.LoadAsync<PublicReport>(notice.CaseId, ct) is not { NoticeAddress: { } sealedAddress } report) return;
        if ((await PersonalKeys.UnsealAsync<string>(session, sealedAddress, ct)).Value is not { } address) return;
        try
        {
            await mailer.SendAsync(notice, address, report.NoticeLanguage ?? "en", ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // What the mail server or MailKit says may quote the address (550 5.1.1 <...>: Recipient address rejected),
            // and Wolverine logs a failure and stores it with a dead letter: only the kind of failure goes on.
            var failure = ReporterNoticeNotSent.From(e);
            if (!failure.Permanent) throw failure;
            logger.LogWarning("The notice of reply {MessageId} was refused for good and is not tried again: {Failure}", notice.MessageId, failure.Message);
        }
    }
}

/// <summary>
/// A reporter's notice that could not be mailed, told by its kind and SMTP status only: never the address, nor the
/// words of the failure it stands for, which may quote it. <see cref="Permanent"/> failures (a 5xx refusal, an address
/// that does not parse) would fail the same way again.
/// </summary>
public sealed class ReporterNoticeNotSent(string message, bool permanent) : Exception(message)
{
    public bool Permanent { get; } = permanent;

    public static ReporterNoticeNotSent From(Exception e) => e switch
    {
        SmtpCommandException c => new ReporterNoticeNotSent(
            $"The mail server answered {(int)c.StatusCode} ({c.StatusCode}, {c.ErrorCode}).", (int)c.StatusCode >= 500),
        SmtpProtocolException => new ReporterNoticeNotSent("The mail server broke the SMTP protocol.", false),
        ParseException => new ReporterNoticeNotSent("The notice address does not parse.", true),
        _ => new ReporterNoticeNotSent($"Sending failed: {e.GetType().FullName}.", false)
    };
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
