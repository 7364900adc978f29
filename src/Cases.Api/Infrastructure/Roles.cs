namespace Cases.Api.Infrastructure;

/// <summary>The roles a token may carry (claim <c>role</c>), each scoped to the token's organisation (claim <c>org</c>).</summary>
public static class Roles
{
    public const string Registrar = "registrar";
    public const string Investigator = "investigator";
    public const string Hr = "hr";
    public const string Secretary = "secretary";
    public const string Member = "member";
    public const string Auditor = "auditor";
    public const string Analyst = "analyst";

    /// <summary>
    /// The data protection officer: erases personal data and applies the retention period, and is reminded of it; reads
    /// nothing else.
    /// </summary>
    public const string DataProtection = "dpo";

    /// <summary>
    /// The compliance service's officers: they keep the anti-corruption programme (monitoring, call logs, risk analyses,
    /// action plans, mobile groups), and read nothing of the cases.
    /// </summary>
    public const string Compliance = "compliance";

    /// <summary>The one cross-organisation role: the figures of the organisations its own oversees, and nothing else of theirs.</summary>
    public const string Regional = "regional";

    public static readonly IReadOnlyList<string> All = [Registrar, Investigator, Hr, Secretary, Member, Auditor, Analyst, Regional, DataProtection, Compliance];

    /// <summary>Role names are exact: a role in another case, or one the service does not grant, is no role (403).</summary>
    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    /// <summary>Who may read individual cases: the people working them, the commission, HR and auditors.</summary>
    public const string CaseReaders = $"{Registrar},{Investigator},{Hr},{Secretary},{Member},{Auditor}";

    public const string Intake = $"{Registrar},{Investigator}";

    /// <summary>Who may read commissions, meetings and decisions: the commission itself, HR who act on them, auditors.</summary>
    public const string CommissionReaders = $"{Secretary},{Member},{Hr},{Auditor}";

    /// <summary>Who may read an employee's disciplinary record and sanctions: HR, the people who judge cases, auditors.</summary>
    public const string RecordReaders = $"{Hr},{Investigator},{Secretary},{Member},{Auditor}";

    /// <summary>
    /// Who reads the anti-corruption programme (monitoring, call logs, risk analyses, mobile groups): the compliance service that keeps
    /// it, auditors, and the analysts who report its figures.
    /// </summary>
    public const string ProgrammeReaders = $"{Compliance},{Auditor},{Analyst}";

    /// <summary>
    /// Who watches deadlines: everyone whose work has them, each only of the kinds of that work (see
    /// <c>DeadlineAudience</c>): the compliance service its action plans', the data protection officer retention's.
    /// </summary>
    public const string DeadlineReaders = $"{Registrar},{Investigator},{Hr},{Secretary},{Auditor},{Compliance},{DataProtection}";

    /// <summary>Who may be reminded of a case's deadlines: the people whose work has them, and the commission.</summary>
    public const string CaseReminderRecipients = $"{Registrar},{Investigator},{Hr},{Secretary},{Member},{Auditor}";

    /// <summary>Who reads, and may be reminded of, action plan items due: the compliance service that keeps the plans, and internal audit.</summary>
    public const string PlanDeadlineReaders = $"{Compliance},{Auditor}";

    /// <summary>Who reads, and may be reminded of, closed cases due for archival: the data protection officer who archives, and internal audit.</summary>
    public const string RetentionDeadlineReaders = $"{DataProtection},{Auditor}";

    /// <summary>Who may be reminded of deadlines, and so read their own reminders: those of the cases, the plans and retention.</summary>
    public const string ReminderRecipients = $"{CaseReminderRecipients},{Compliance},{DataProtection}";

    /// <summary>Who reads the reminder rules: those reminded, among them the compliance service that sets them.</summary>
    public const string ReminderRuleReaders = ReminderRecipients;

    /// <summary>Who may read execution figures: the commission's readers and the analysts who report them.</summary>
    public const string ExecutionReaders = $"{CommissionReaders},{Analyst}";
}

/// <summary>The claims the service acts on; their shape is checked by <see cref="TokenClaims"/>.</summary>
public static class CasesClaims
{
    public const string Organisation = "org";
    public const string Role = "role";
    public const string Subject = "sub";
    public const string Name = "name";
}
