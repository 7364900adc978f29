using System.Globalization;
using Cases.Api.Localization;
using Cases.Domain.Reminders;

namespace Cases.Api.Reminders;

/// <summary>
/// Configuration section <c>Notifications</c>: how often reminders are looked for, the mail server (none: reminders
/// are only in the API), the people told and their addresses, and where the console is for the messages' links.
/// </summary>
public sealed class NotificationSettings
{
    public const string SectionName = "Notifications";

    /// <summary>How often each organisation's reminders due are looked for; zero looks only when asked (a message, as the tests do).</summary>
    public TimeSpan CheckEvery { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// When each person's daily digest is mailed, on the organisation's clock: by the first check at or after it, or
    /// later that day when the person's first deadline appears only then.
    /// </summary>
    public TimeSpan DigestAt { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// How many days past its last day a clock is still escalated (and the escalation mailed): reminders switched on
    /// for an organisation with years of history escalate only what is recently overdue, and leave the rest to the
    /// lists (<c>GET /api/deadlines</c>).
    /// </summary>
    public int EscalateWithinDays { get; set; } = DueReminders.EscalateWithinDaysDefault;

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>Per user name (the token's <c>sub</c>): the organisation, the roles reminders reach them for, the address and language.</summary>
    public Dictionary<string, PersonSettings> People { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The console's address as the people told reach it, for the messages' links.</summary>
    public string ConsoleUrl { get; set; } = "http://localhost:5080";

    /// <summary>The public reporting pages' address as reporters reach them, for the link of their notices; the console's when not set.</summary>
    public string? PublicUrl { get; set; }

    public string PublicPagesUrl => string.IsNullOrWhiteSpace(PublicUrl) ? ConsoleUrl : PublicUrl;

    /// <summary>The people of the organisation reminded for the role, by user name.</summary>
    public IEnumerable<(string User, PersonSettings Person)> PeopleOf(string organisation, string role) =>
        People.Where(p => p.Value.Organisation == organisation && p.Value.Roles.Contains(role, StringComparer.Ordinal))
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key, p.Value));

    public bool Mails => !string.IsNullOrWhiteSpace(Smtp.Host);
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary>STARTTLS, or TLS from the first byte on port 465.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "cases@localhost";
}

public sealed class PersonSettings
{
    public string? Organisation { get; set; }
    public string[] Roles { get; set; } = [];
    public string? Email { get; set; }

    /// <summary><c>en</c>, <c>ru</c> or <c>kk</c>; anything else is English.</summary>
    public string Language { get; set; } = "en";

    public CultureInfo Culture => Language switch
    {
        "ru" => Languages.Russian,
        "kk" => Languages.Kazakh,
        _ => Languages.English
    };
}
