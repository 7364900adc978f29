using Cases.Projections.Cases;
namespace Cases.Api.Cases;

public sealed record EvidenceWritten(Guid Id, string Number, long Version, Guid EvidenceId);

[Tags(ApiTags.Cases)]
public static partial class AttachEvidenceEndpoint
{
    public static ProblemDetails Validate(AttachEvidence command, IEventStream<Case> stream, RequestTime time)
    {
        var fields = new FieldErrors()
            .NotInFuture("obtainedOn", command.ObtainedOn, time.Today)
            .Text("fileName", command.FileName, 255)
            .When(command.FileName.IndexOfAny(['/', '\\']) >= 0 || command.FileName.Contains(".."), "fileName",
                "A file name, not a path.")
            .Text("mediaType", command.MediaType, 100)
            .When(!MediaTypePattern().IsMatch(command.MediaType), "mediaType", "A media type such as application/pdf.")
            .When(command.SizeBytes < 0, "sizeBytes", "Must not be negative.")
            .When(!Sha256Pattern().IsMatch(command.Sha256), "sha256", "The SHA-256 of the file as 64 hexadecimal digits.")
            .Text("description", command.Description, FieldErrors.LongText);
        return CaseChecks.Answer(fields, command.ExpectedVersion, stream, state => AttachEvidenceDecision.Check(command, state, time.Now));
    }

    [WolverinePost("/api/cases/{caseId}/evidence", OperationId = "AttachEvidence")]
    [EndpointSummary("Attach evidence to a case")]
    [Authorize(Roles = Roles.Investigator)]
    public static EvidenceWritten Post(AttachEvidence command, [WriteAggregate("caseId", MissingMessage = CaseChecks.Missing)] IEventStream<Case> stream, [ReadAggregate("caseId", Required = false)] CaseSummary? summary, RequestTime time)
    {
        var attached = AttachEvidenceDecision.Decide(command, stream.Aggregate!, Guid.CreateVersion7(), time.Now);
        stream.AppendOne(attached);
        return new EvidenceWritten(stream.Id, stream.Aggregate!.Number, stream.CurrentVersion!.Value, attached.EvidenceId);
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[0-9a-fA-F]{64}$")]
    private static partial System.Text.RegularExpressions.Regex Sha256Pattern();

    [System.Text.RegularExpressions.GeneratedRegex(@"^[a-zA-Z0-9!#$&^_.+-]{1,64}/[a-zA-Z0-9!#$&^_.+-]{1,64}$")]
    private static partial System.Text.RegularExpressions.Regex MediaTypePattern();
}
