using System.Globalization;
using Cases.Api.Localization;
using Cases.Domain.Reminders;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using Wolverine.Attributes;

namespace Cases.Api.Reminders;

/// <summary>
/// A reminder to mail, stored in the transaction that records it sent (Wolverine's outbox): only the check that
/// recorded the reminder mails it, and a mail server that is down is tried again later. It carries what the message
/// says and nothing else: the reference, the kind of deadline, its day and the console's link.
/// </summary>
public sealed record ReminderMail(Guid ReminderId, string To, string Language, string Kind, string Reference, DateOnly DueOn, ReminderStep Step, string Link);

public static class ReminderMailHandler
{
    [ScheduleRetry(typeof(Exception), 5, 30, 120, 600)]
    public static Task Handle(ReminderMail mail, ReminderMailer mailer, CancellationToken ct) => mailer.SendAsync(mail, ct);
}

/// <summary>Writes a reminder in its recipient's language and hands it to the configured SMTP server with MailKit.</summary>
public sealed class ReminderMailer(IOptions<NotificationSettings> settings, IStringLocalizer<Notifications> texts)
{
    public Task SendAsync(ReminderMail mail, CancellationToken ct) => SendAsync(Write(mail, settings.Value.Smtp.From), ct);

    /// <summary>Hands a written message (a reminder, a digest, a reporter's notice) to the configured SMTP server.</summary>
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = settings.Value.Smtp;
        using var client = new SmtpClient();
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        try
        {
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception failed) when (failed is not OperationCanceledException)
        {
            // The server took the message: a failed goodbye must not have it sent again by the retry.
        }
    }

    public MimeMessage Write(ReminderMail mail, string from)
    {
        return Notifications.InLanguage(mail.Language, () =>
        {
            var kind = texts[$"Kind.{mail.Kind}"].Value;
            var dueOn = mail.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var body = string.Join("\n",
                texts[$"Lead.{mail.Step}"].Value,
                "",
                texts["Line.Reference", mail.Reference].Value,
                texts["Line.Kind", kind].Value,
                texts["Line.DueOn", dueOn].Value,
                "",
                texts["Line.Link", mail.Link].Value,
                "",
                texts["Footer"].Value);
            var message = new MimeMessage
            {
                Subject = texts[$"Subject.{mail.Step}", kind, mail.Reference, dueOn].Value,
                Body = new TextPart("plain") { Text = body }
            };
            message.From.Add(MailboxAddress.Parse(from));
            message.To.Add(MailboxAddress.Parse(mail.To));
            // The reminder's id, so a mail redelivered after a crash can be told for the same one.
            message.MessageId = $"{mail.ReminderId:N}@cases";
            return message;
        });
    }
}
