namespace Cases.Api.Localization;

/// <summary>
/// The texts of the reminders the service mails (Resources/Localization/Notifications.*.resx): a subject and a lead
/// per step, and a name per kind of deadline. They take a reference, a date and a link, never a name or case text.
/// </summary>
public sealed class Notifications;
