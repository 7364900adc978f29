using Cases.Domain.Commissions;

namespace Cases.Api.Commissions;

public sealed record CommissionEstablishedResponse(Guid Id, long Version) : CreationResponse($"/api/commissions/{Id}");

[Tags(ApiTags.Commissions)]
public static class EstablishCommissionEndpoint
{
    public static ProblemDetails Validate(EstablishCommission command, RequestTime time) => new FieldErrors()
        .Text("name", command.Name)
        .NotInFuture("establishedOn", command.EstablishedOn, time.Today)
        .When(command.EstablishedOn.Year < 2000, "establishedOn", "Must be in 2000 or later.")
        .ToProblem();

    [WolverinePost("/api/commissions", OperationId = "EstablishCommission")]
    [EndpointSummary("Establish a commission")]
    [Authorize(Roles = Roles.Secretary)]
    public static (CommissionEstablishedResponse, IStartStream) Post(EstablishCommission command)
    {
        var id = Guid.CreateVersion7();
        return (new CommissionEstablishedResponse(id, 1),
            MartenOps.StartStream<Commission>(id, EstablishCommissionDecision.Decide(command, id)));
    }
}
