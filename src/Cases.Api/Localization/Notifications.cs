using System.Globalization;
using Cases.Api.Reminders;

namespace Cases.Api.Localization;

/// <summary>
/// The texts of the mails the service sends (Resources/Localization/Notifications.*.resx): reminders, digests and
/// reporters' notices. They take a reference, a date and a link, never a name or case text.
/// </summary>
public sealed class Notifications
{
    /// <summary>
    /// Writes a mail in <paramref name="language"/> (<c>en</c>, <c>ru</c> or <c>kk</c>; anything else English): the texts
    /// follow the UI culture, which is set for the writing and then restored, so the caller's stays as it was.
    /// </summary>
    public static T InLanguage<T>(string language, Func<T> write)
    {
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new PersonSettings { Language = language }.Culture;
        try
        {
            return write();
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
