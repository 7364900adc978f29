using Cases.Api.Infrastructure;

namespace Cases.Api.WebConsole;

/// <summary>A section of the console: its text key, its path, and the roles that read it (as the API's endpoints allow).</summary>
public sealed record ConsoleSection(string Key, string Path, string Roles);

/// <summary>The console's sections, in the order of the menu; a user sees those their roles may read.</summary>
public static class ConsoleNavigation
{
    public static readonly IReadOnlyList<ConsoleSection> Sections =
    [
        new("Nav.Cases", $"{ConsoleSetup.Path}/cases", Roles.CaseReaders),
        new("Nav.Meetings", $"{ConsoleSetup.Path}/meetings", Roles.CommissionReaders),
        new("Nav.Decisions", $"{ConsoleSetup.Path}/decisions", Roles.CommissionReaders),
        new("Nav.Sanctions", $"{ConsoleSetup.Path}/sanctions", Roles.RecordReaders),
        new("Nav.Statistics", $"{ConsoleSetup.Path}/statistics", $"{Roles.ExecutionReaders},{Roles.Regional}"),
        new("Nav.Programme", $"{ConsoleSetup.Path}/programme", Roles.ProgrammeReaders),
        new("Nav.Audit", $"{ConsoleSetup.Path}/audit", Roles.Auditor),
        new("Nav.Reminders", $"{ConsoleSetup.Path}/reminders", Roles.ReminderRecipients),
        // The compliance service is reminded of nothing, but sets the rules; the recipients reach them from their reminders.
        new("Nav.ReminderRules", $"{ConsoleSetup.Path}/reminders/rules", Roles.Compliance)
    ];
}
