using Cases.Api.WebConsole;
using Cases.Api.Demo;
using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Cases.Api.Operations;
using Cases.Api.Public;
using Cases.Api.Public.Pages;
using Cases.Api.Reminders;
using Cases.Api.Retention;
using Cases.Api.Sanctions;
using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Scalar.AspNetCore;
using Wolverine;
using Wolverine.Http;
using Wolverine.Persistence;

// A request line or header ended by a bare LF is refused (400) rather than accepted as Kestrel allows by default: a
// proxy in front that reads it otherwise would see other requests in the same bytes (request smuggling).
AppContext.SetSwitch("Microsoft.AspNetCore.Server.Kestrel.DisableHttp1LineFeedTerminators", true);

var builder = WebApplication.CreateBuilder(args);

var limits = builder.Configuration.GetSection("Limits");
builder.Services.Configure<RequestLimits>(limits);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    // Set here rather than left to Kestrel's defaults, so that what a client may send is the product's decision.
    var configured = limits.Get<RequestLimits>() ?? new RequestLimits();
    kestrel.Limits.MaxRequestBodySize = configured.MaxRequestBodyBytes;
    kestrel.Limits.MaxRequestHeadersTotalSize = configured.MaxRequestHeadersTotalBytes;
    kestrel.Limits.MaxRequestHeaderCount = configured.MaxRequestHeaderCount;
    kestrel.Limits.MaxRequestLineSize = configured.MaxRequestLineBytes;
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(ProjectionWait.From(builder.Configuration));
builder.Services.AddOptions<OrganisationSettings>()
    .Bind(builder.Configuration.GetSection("Organisations"))
    .Validate(s => s.AllZones.All(OrganisationSettings.IsKnownZone), "Organisations: unknown time zone")
    .Validate(s => s.Names.Keys.All(TokenClaims.IsOrganisationId), $"Organisations:Names: every organisation id must match {TokenClaims.OrganisationPattern}")
    .ValidateOnStart();
builder.Services.AddSingleton<OrganisationClock>();
builder.Services.AddSingleton<SanctionPeriodRestatement>();
builder.Services.AddOptions<SanctionRuleSettings>()
    .Bind(builder.Configuration.GetSection("SanctionRules"))
    .Validate(s => s.All.All(SanctionRuleSettings.IsSound), "SanctionRules: every period must be positive")
    .ValidateOnStart();
builder.Services.AddOptions<ReporterDeadlines>()
    .Bind(builder.Configuration.GetSection(Persistence.ReporterDeadlinesSectionName))
    .Validate(s => s.IsSound, "Deadlines: the acknowledgement days and feedback months must be positive")
    .ValidateOnStart();
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.NameTheFields);
builder.Services.AddExceptionHandler<ExceptionProblems>();
builder.Services.AddJsonContract();
builder.Services.AddLanguages();
builder.Services.AddCasesAuthentication(builder.Configuration);
builder.Services.AddCasesPersistence(builder.Configuration);
builder.Services.AddPublicReporting(builder.Configuration);
builder.Services.AddPublicPages();
builder.Services.AddConsole(builder.Configuration, builder.Environment);
builder.Services.Configure<RetentionSettings>(builder.Configuration.GetSection("Retention"));
builder.Services.AddReminders(builder.Configuration);
builder.Services.Configure<IdempotencySettings>(builder.Configuration.GetSection("Idempotency"));
builder.Services.AddCasesOpenApi();
builder.Services.AddWolverineHttp();
builder.Services.AddHealthChecks()
    .Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration("postgresql",
        services =>
        {
            var databases = services.GetRequiredService<TenantDatabases>();
            return new DatabaseReadiness(databases.ConnectionStrings, databases.Control);
        }, failureStatus: null, tags: [DatabaseReadiness.Tag]));
builder.Services.AddCasesTelemetry(builder.Configuration);
// Production loads the handlers and stores that `codegen write` generated before the build, for a fast start;
// elsewhere they are generated at start-up, so that a change to an endpoint needs no extra step.
builder.Services.CritterStackDefaults(defaults =>
{
    defaults.Production.GeneratedCodeMode = TypeLoadMode.Static;
    defaults.Development.GeneratedCodeMode = TypeLoadMode.Dynamic;
});

builder.Host.UseWolverine(opts =>
{
    opts.Policies.AutoApplyTransactions();
    // Wolverine carries the authenticated user into Marten's LastModifiedBy, so every event names who acted.
    opts.EnableRelayOfUserName = true;
    // ...except in message handlers: what the service does on a schedule is recorded under its own name.
    opts.Policies.AddMiddleware(typeof(ServiceIdentity), ServiceIdentity.IsOwnHandler);
    opts.EntityDefaults.OnMissing = OnMissing.ProblemDetailsWith404;
    opts.Discovery.IncludeAssembly(typeof(Program).Assembly);
    // Deadline checks are scheduled in the writing transaction and kept in PostgreSQL until they are due.
    opts.Policies.UseDurableLocalQueues();
    // Balanced spreads the async projections over the running nodes; a single node (tests, a laptop) runs Solo.
    opts.Durability.Mode = builder.Configuration.GetValue("Wolverine:DurabilityMode", DurabilityMode.Balanced);
    opts.AutoBuildMessageStorageOnStartup = Persistence.MigratesOnStart(builder.Configuration) ? JasperFx.AutoCreate.CreateOrUpdate : JasperFx.AutoCreate.None;
    opts.Durability.ScheduledJobPollingTime = builder.Configuration.GetValue("Wolverine:ScheduledJobPollingTime", TimeSpan.FromSeconds(5));
    if (opts.Durability.Mode == DurabilityMode.Balanced)
    {
        // Nodes beat every few seconds, and one silent for 10 s is taken for dead: its agents (the async projections)
        // move to the survivors well within 30 s of a crash, where Wolverine's defaults wait over a minute.
        opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(3);
        opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(10);
    }
});

var app = builder.Build();

// Behind a proxy that ends TLS, the scheme is the one its X-Forwarded-Proto names (a proxy on this host only, by
// default), so that the console's cookies and its sign-in's return address are https.
app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto });
// Next, so that the console's calls to the API pass every step below, as a request from outside does.
app.UseConsole();
// Routing has already run (WebApplication puts it first), so each step below knows the endpoint asked for.
// The headers go on every answer, the exception handler's and the status code pages' included.
app.UseMiddleware<ResponseHeaders>();
app.UseExceptionHandler();
app.UseStatusCodePages(Problems.StatusCodePage);
// A path that is not the canonical spelling of a resource is refused before a token is even read.
app.UseMiddleware<CanonicalRequests>();
// The public pages' stylesheet: their only asset, served from wwwroot.
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();
app.UseMiddleware<JsonBodyValidation>();
app.UseMiddleware<IdempotentRequests>();

// Probes come from the orchestrator or load balancer, which hold no token.
app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
app.MapHealthChecks("/health/ready", new HealthCheckOptions
{
    Predicate = c => c.Tags.Contains(DatabaseReadiness.Tag), ResponseWriter = DatabaseReadiness.WriteAsync
}).AllowAnonymous();
app.MapOpenApi();
app.MapScalarApiReference();
app.MapWolverineEndpoints(opts =>
{
    opts.RejectUnparseableQueryValues = true;
    opts.ApplyCorrelationIdHeaderToAllEndpoints = true;
    opts.TenantId.IsClaimTypeNamed(CasesClaims.Organisation);
    PublicChannel.Configure(opts, app.Services);
    opts.TenantId.AssertExists();
    opts.RequireAuthorizeOnAll();
    opts.AddMiddleware(typeof(RouteAndQueryValues));
    opts.AddMiddleware(typeof(OrganisationTime));
    opts.AddMiddleware(typeof(Idempotency), chain => chain.HttpMethods.Contains("POST"));
    opts.AddMiddleware(typeof(EventMetadata),
        chain => chain.HttpMethods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE")
                 || chain.Method.Method.IsDefined(typeof(Cases.Api.Audit.AuditedReadAttribute), false));
});
app.MapRazorPages();

// A plain start runs the service and nothing else: JasperFx's search of every loaded assembly for a command to run is
// left to the verbs (demo, codegen, db-apply, ...), out of each node's start-up.
if (args.Length == 0)
{
    await app.RunAsync();
    return 0;
}
DemoCommand.QuietenCommandSearch(args);
return await app.RunJasperFxCommands(args);

public partial class Program;
