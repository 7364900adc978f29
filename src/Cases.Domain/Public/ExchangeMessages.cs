using Cases.Domain.Cases;

namespace Cases.Domain.Public;

public sealed record PostReporterMessage(string Text);

public sealed record ReplyToReporter(long ExpectedVersion, string Text);

/// <summary>The thread between a public report's reporter and its investigator, open until the case closes.</summary>
public static class ReportThreadDecisions
{
    public static RuleViolation? CheckReporter(Case state) => Open(state);

    public static RuleViolation? CheckReply(Case state) => Rules.First(
        () => state.IsPublicReport ? null
            : new RuleViolation("not-a-public-report", $"Case {state.Number} was not reported publicly: there is no reporter to write to."),
        () => Open(state));

    public static ReporterMessagePosted Decide(PostReporterMessage command, Case state, Guid messageId)
    {
        Rules.Ensure(CheckReporter(state));
        return new ReporterMessagePosted(state.Id, messageId, command.Text.Trim());
    }

    public static InvestigatorReplied Decide(ReplyToReporter command, Case state, Guid messageId)
    {
        Rules.Ensure(CheckReply(state));
        return new InvestigatorReplied(state.Id, messageId, command.Text.Trim());
    }

    private static RuleViolation? Open(Case state) =>
        state.IsClosed ? new RuleViolation("case-closed", $"Case {state.Number} is closed: its messages are closed too.") : null;
}
