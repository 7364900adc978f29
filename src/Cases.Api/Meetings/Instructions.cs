using Cases.Domain.Meetings;
using Cases.Projections.Meetings;
using JasperFx;
using Marten;
using Npgsql;
using Wolverine;
using Wolverine.Attributes;
using Wolverine.Persistence;

namespace Cases.Api.Meetings;

/// <summary>
/// A message for another organisation, relayed from the sender's own: a durable message is stored in the database of
/// the transaction that sends it but marked handled in the database of its organisation, so one sent straight to an
/// organisation on another database would stay pending there and be handled again after every restart. The relay is
/// stored and marked in the sender's database, and hands its message to the addressee's handler in the addressee's.
/// </summary>
public sealed record RelayedInstruction(string Organisation, InstructionIssued Issued);

/// <summary>An addressee's report on its way back to the commission's organisation; see <see cref="RelayedInstruction"/>.</summary>
public sealed record RelayedExecutionReport(string Organisation, InstructionExecutionForwarded Forwarded);

public static class RelayHandler
{
    // The addressee's database may be down for a while (a failover, a restart): the relay waits for it, it is not dead-lettered.
    [ScheduleRetry(typeof(NpgsqlException), 5, 30, 120, 600, 1800)]
    public static Task Handle(RelayedInstruction relayed, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeForTenantAsync(relayed.Organisation, relayed.Issued, ct);

    [ScheduleRetry(typeof(NpgsqlException), 5, 30, 120, 600, 1800)]
    public static Task Handle(RelayedExecutionReport relayed, IMessageBus bus, CancellationToken ct) =>
        bus.InvokeForTenantAsync(relayed.Organisation, relayed.Forwarded, ct);
}

/// <summary>
/// A regional commission's decision reaches each organisation it addresses as a durable message, stored in the
/// transaction that adopts it and handled in that organisation (the message's tenant), under the service's name. The
/// instruction's stream id is derived from the decision and the organisation, so a redelivered message finds it there.
/// </summary>
public static class InstructionIssuedHandler
{
    [RetryNow(typeof(ExistingStreamIdCollisionException), 50, 200, 1000)]
    public static async Task Handle(InstructionIssued issued, IDocumentSession session, IMessageContext context, CancellationToken ct)
    {
        var id = StreamIds.Instruction(context.TenantId!, issued.DecisionId);
        if (await session.Events.FetchStreamStateAsync(id, ct) is not null) return;
        session.Events.StartStream<ReceivedInstruction>(id, ReceivedInstruction.Receive(id, issued));
    }
}

/// <summary>
/// An addressee's report comes back to the decision as a durable message, handled in the commission's organisation:
/// appended there as the decision's <c>ExecutionReported</c> by that body, once however often it is delivered.
/// </summary>
public static class InstructionExecutionForwardedHandler
{
    [RetryNow(typeof(ConcurrencyException), 50, 200, 1000)]
    public static void Handle(InstructionExecutionForwarded forwarded,
        [WriteAggregate(nameof(InstructionExecutionForwarded.DecisionId))] IEventStream<ProtocolDecision> stream,
        [ReadAggregate(nameof(InstructionExecutionForwarded.DecisionId), Required = false)] DecisionSummary? summary,
        IMessageContext context, OrganisationClock clock) =>
        stream.AppendMany(ReportInstructionExecutionDecision.Take(forwarded, stream.Aggregate!, clock.For(context.TenantId).Now));
}

/// <summary>Filters of the instruction list, all optional. Due dates are both ends included.</summary>
public sealed record InstructionQuery(
    bool? Unexecuted = null,
    string? From = null,
    DateOnly? DueFrom = null,
    DateOnly? DueTo = null,
    int Page = 1,
    int PageSize = DecisionQuery.DefaultPageSize);

[Tags(ApiTags.Decisions)]
public static class ListInstructionsEndpoint
{
    public static ProblemDetails Validate(InstructionQuery query) => new FieldErrors()
        .Text("from", query.From, required: false)
        .When(query.DueFrom > query.DueTo, "dueFrom", "Must not be after dueTo.")
        .Pages(query.Page, query.PageSize, DecisionQuery.MaxPageSize)
        .ToProblem();

    /// <summary>
    /// The instructions the commissions of overseeing organisations addressed to bodies of this one, by due date: only
    /// those addressed here, never the rest of their decisions. <c>from</c> filters by the commission's organisation.
    /// </summary>
    [WolverineGet("/api/instructions", OperationId = "ListInstructions")]
    [EndpointSummary("List the instructions received")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static Task<Paged<InstructionSummary>> List([FromQuery] InstructionQuery query, IQuerySession session, CancellationToken ct)
    {
        var instructions = session.Query<InstructionSummary>().AsQueryable();
        if (query.Unexecuted is { } unexecuted) instructions = instructions.Where(i => i.IsExecuted != unexecuted);
        if (query.From is { } from) instructions = instructions.Where(i => i.FromOrganisation == from.Trim());
        if (query.DueFrom is { } dueFrom) instructions = instructions.Where(i => i.DueDate >= dueFrom);
        if (query.DueTo is { } dueTo) instructions = instructions.Where(i => i.DueDate <= dueTo);
        return instructions.OrderBy(i => i.DueDate).ThenBy(i => i.ProtocolNumber).PageAsync(query.Page, query.PageSize, ct);
    }
}

[Tags(ApiTags.Decisions)]
public static class GetInstructionEndpoint
{
    public const string Missing = "Instruction {Id} was not found.";

    [WolverineGet("/api/instructions/{instructionId}", OperationId = "GetInstruction")]
    [EndpointSummary("Read an instruction received")]
    [Authorize(Roles = Roles.CommissionReaders)]
    public static InstructionSummary Get([Entity("instructionId", MissingMessage = Missing)] InstructionSummary instruction) => instruction;
}

/// <summary>One body's execution of the decisions addressed to it and due in the period.</summary>
public sealed record DecisionExecutionByBody(ExecutorKind Kind, string Name, string? Organisation, ExecutionRate Execution);

[Tags(ApiTags.Decisions)]
public static class ExecutionByBodyEndpoint
{
    public static ProblemDetails Validate(ExecutionQuery query) => ExecutionRateEndpoint.Validate(query);

    /// <summary>
    /// Per body addressed (each addressee, or the executor of a decision without addressees), the decisions due in the
    /// period and how many it executed by their due date: the rate of <see cref="ExecutionRate"/>, judged on that body's
    /// own report. Bodies of the organisations overseen are those the commission addressed, from its own decisions.
    /// </summary>
    [WolverineGet("/api/decisions/execution-by-body", OperationId = "ExecutionByBody")]
    [EndpointSummary("Execution rate of a period per body")]
    [Authorize(Roles = Roles.ExecutionReaders)]
    public static async Task<IReadOnlyList<DecisionExecutionByBody>> ByBody([FromQuery] ExecutionQuery query, IQuerySession session, RequestTime time,
        CancellationToken ct)
    {
        var (from, to) = (query.From!.Value, query.To!.Value);
        var decisions = session.Query<DecisionSummary>().Where(d => d.DueDate >= from && d.DueDate <= to);
        if (query.CommissionId is { } commission) decisions = decisions.Where(d => d.CommissionId == commission);
        var due = await decisions.ToListAsync(ct);
        // A document stored before addressees were projected lists none until it is rebuilt: its executor is the body.
        return due.SelectMany(d => d.Addressees.Count == 0
                ? [(d.Executor, Due: new DueDecision(d.DueDate, d.ExecutedOn))]
                : d.Addressees.Select(a => (Addressee: a.Addressee, Due: new DueDecision(d.DueDate, a.ExecutedOn))))
            .GroupBy(x => x.Addressee)
            .Select(g => new DecisionExecutionByBody(g.Key.Kind, g.Key.Name, g.Key.Organisation, ExecutionRate.Compute(from, to, g.Select(x => x.Due), time.Today)))
            .OrderBy(b => b.Organisation, StringComparer.Ordinal).ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToArray();
    }
}
