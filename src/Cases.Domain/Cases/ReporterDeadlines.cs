namespace Cases.Domain.Cases;

/// <summary>
/// The reporter's clocks (Directive (EU) 2019/1937 art. 9(1)(b) and (f)), from configuration section
/// <c>Deadlines</c>: the receipt is acknowledged within <see cref="AcknowledgementDays"/>, and the reporter hears
/// back within <see cref="FeedbackMonths"/> of the acknowledgement or, while none is recorded, of the end of that
/// acknowledgement period.
/// </summary>
public sealed class ReporterDeadlines
{
    public int AcknowledgementDays { get; set; } = 7;
    public int FeedbackMonths { get; set; } = 3;

    public bool IsSound => AcknowledgementDays > 0 && FeedbackMonths > 0;

    public DateOnly AcknowledgementDueOn(DateOnly receivedOn) => receivedOn.AddDays(AcknowledgementDays);

    /// <summary>Counted from business dates only, so a fact entered late moves it exactly as one entered on its day.</summary>
    public DateOnly FeedbackDueOn(DateOnly receivedOn, DateOnly? acknowledgedOn) =>
        (acknowledgedOn ?? AcknowledgementDueOn(receivedOn)).AddMonths(FeedbackMonths);

    /// <summary>
    /// Feedback is owed to a reporter the organisation can answer: an identified complainant, or a public reporter
    /// (anonymous or not) who follows the case with their receipt code. An anonymous letter or call has no one to answer.
    /// </summary>
    public static bool FeedbackOwed(CaseRegistered registered) =>
        registered.Complainant is { Anonymous: false } || registered.Channel == Channel.Public;
}
