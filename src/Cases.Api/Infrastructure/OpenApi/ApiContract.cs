using Microsoft.AspNetCore.OpenApi;

namespace Cases.Api.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c>, the API's contract. ASP.NET Core describes the endpoints from
/// Wolverine's metadata; these transformers add what only the service's own middleware knows (who may call, which
/// headers are read and written, every status a request can be answered with), so that the document says exactly what
/// the service does. The suite checks every response it receives against it.
/// </summary>
public static class ApiContract
{
    public const string DocumentName = "v1";
    public const string BearerScheme = "bearer";
    public const string ProblemSchema = "ProblemDetails";
    public const string ValidationProblemSchema = "ValidationProblemDetails";
    public const string ProblemContentType = "application/problem+json";

    /// <summary>The schema of one line of an NDJSON body, beside the body's own (a string): OpenAPI 3.1 has no keyword for it.</summary>
    public const string ItemSchemaExtension = "x-item-schema";

    public static IServiceCollection AddCasesOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddSchemaTransformer<ContractSchemas>();
            options.AddOperationTransformer<ContractOperations>();
            options.AddOperationTransformer<Calls.CallsRequestBody>();
            options.AddDocumentTransformer<ContractDocument>();
        });
}

/// <summary>The domain areas the operations are grouped by, in the order the reference lists them.</summary>
public static class ApiTags
{
    public const string Cases = "Cases";
    public const string Commissions = "Commissions";
    public const string Meetings = "Meetings";
    public const string Decisions = "Decisions";
    public const string Sanctions = "Sanctions";
    public const string Employees = "Employees";
    public const string Calendar = "Calendar";
    public const string Deadlines = "Deadlines";
    public const string Contacts = "Contacts";
    public const string Monitoring = "Monitoring";
    public const string Calls = "Calls";
    public const string Statistics = "Statistics";
    public const string Audit = "Audit";
    public const string Public = "Public";
    public const string Privacy = "Privacy";
    public const string Retention = "Retention";
    public const string RiskAnalysis = "RiskAnalysis";
    public const string MobileGroups = "MobileGroups";
    public const string ActionPlans = "ActionPlans";
    public const string Reminders = "Reminders";

    public static readonly IReadOnlyList<(string Name, string Description)> All =
    [
        (Cases, "Appeals and internal cases, from registration to closure."),
        (Commissions, "Commissions and the members in office."),
        (Meetings, "Meetings of a commission: quorum, recusals, votes and minutes."),
        (Decisions, "Protocol decisions adopted at meetings, and their execution."),
        (Sanctions, "Disciplinary sanctions on the labour code's clocks."),
        (Employees, "Employees' records and absences."),
        (Calendar, "The organisation's working-day calendar."),
        (Deadlines, "What is overdue or falls due soon."),
        (Contacts, "Calls, messages and visits the intake handled."),
        (Monitoring, "The anti-corruption programme's monitoring of social networks, the website, the media and public procurement."),
        (Calls, "Phone lines and their calls, logged a day at a time."),
        (Statistics, "A period's figures, as JSON, CSV, text or a chart."),
        (Audit, "The audit trail, replays and the tamper-evident hash chain."),
        (Public, "Reporting and following a case without an account, and the thread with the reporter."),
        (Privacy, "The complainant's personal data: reading it, and erasing it."),
        (Retention, "Archiving cases closed longer than the retention period."),
        (RiskAnalysis, "Internal analyses of corruption risks, their approval, and the actions on their recommendations."),
        (MobileGroups, "Anti-corruption mobile groups: their members and the bodies they come from, schedules of visits, and the visits held."),
        (ActionPlans, "Anti-corruption action plans, their items and terms, the responsible bodies' reports, and their execution."),
        (Reminders, "Reminders of deadlines and their escalation: the organisation's rules, and each person's reminders."),
    ];
}

/// <summary>
/// A request header an endpoint reads itself (not bound by Wolverine), so that the document lists it.
/// Headers every write reads (<c>Idempotency-Key</c>, <c>X-Correlation-ID</c>, <c>X-Reason</c>) are derived from the
/// middleware instead.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class RequestHeaderAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;
    public string Description { get; } = description;
    public bool Required { get; init; }
}
