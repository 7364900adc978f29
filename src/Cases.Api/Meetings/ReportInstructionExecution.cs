using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using Wolverine;

namespace Cases.Api.Meetings;

[Tags(ApiTags.Decisions)]
public static class ReportInstructionExecutionEndpoint
{
    public static ProblemDetails Validate(ReportInstructionExecution command, IEventStream<ReceivedInstruction> stream, RequestTime time) =>
        StreamChecks.Answer(new FieldErrors()
                .Text("report", command.Report, FieldErrors.LongText)
                .Texts("evidence", command.Evidence, maxCount: 50)
                .NotInFuture("reportedOn", command.ReportedOn, time.Today)
                .Text("by.name", command.By?.Name, required: command.By is not null)
                .Text("by.organisation", command.By?.Organisation, required: false),
            command.ExpectedVersion, stream, i => $"Instruction {i.ProtocolNumber}",
            state => ReportInstructionExecutionDecision.Check(command, state, time.Now));

    /// <summary>
    /// An addressee of this organisation reports on an instruction received (<c>by</c> may be left out when it
    /// addresses one body here). The report is kept here and goes to the commission's decision as a durable message,
    /// where it counts as that body's report.
    /// </summary>
    [WolverinePost("/api/instructions/{instructionId}/execution", OperationId = "ReportInstructionExecution")]
    [EndpointSummary("Report an instruction's execution")]
    [Authorize(Roles = Roles.Secretary)]
    public static (Written, OutgoingMessages) Post(ReportInstructionExecution command,
        [WriteAggregate("instructionId", MissingMessage = GetInstructionEndpoint.Missing)] IEventStream<ReceivedInstruction> stream,
        [ReadAggregate("instructionId", Required = false)] InstructionSummary? summary, RequestTime time)
    {
        var state = stream.Aggregate!;
        var (reported, forwarded) = ReportInstructionExecutionDecision.Decide(command, state, time.Now, Guid.CreateVersion7());
        return (Written.Append(stream, reported), [new RelayedExecutionReport(state.FromOrganisation, forwarded)]);
    }
}
