using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;
using Marten;
using Marten.Services;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Cases.Api.Operations;

/// <summary>
/// Traces and metrics over OTLP, switched on by the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (and configured by the
/// other standard <c>OTEL_*</c> variables): requests, Wolverine's handlers, Marten's sessions, appends and async
/// daemon, Npgsql's commands, and the service's own append latency.
/// </summary>
public static class Telemetry
{
    public const string MeterName = "Cases";
    public const string AppendDuration = "cases.events.append.duration";

    /// <summary>The libraries' own activity sources and meters (Wolverine's meter carries the service name: "Wolverine:Cases.Api").</summary>
    private static readonly string[] Sources = ["Wolverine", "Marten", "Npgsql"];

    private static readonly string[] Meters = ["Wolverine*", "Marten*", "Npgsql", MeterName];

    public static IServiceCollection AddCasesTelemetry(this IServiceCollection services, IConfiguration config)
    {
        if (config["OTEL_EXPORTER_OTLP_ENDPOINT"] is not { Length: > 0 }) return services;

        services.ConfigureMarten(opts =>
        {
            // Events appended per type, and the async daemon's gap (events behind the store's high water mark) per projection.
            opts.OpenTelemetry.TrackEventCounters();
            opts.Listeners.Add(new AppendTimer());
        });
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(config["OTEL_SERVICE_NAME"] ?? "cases-api"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource(Sources))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter(Meters))
            .UseOtlpExporter();
        return services;
    }

    /// <summary>Times each commit that appends events, from the start of SaveChanges to the commit.</summary>
    private sealed class AppendTimer : DocumentSessionListenerBase
    {
        private static readonly Meter Meter = new(MeterName);
        private static readonly Histogram<double> Duration =
            Meter.CreateHistogram<double>(AppendDuration, "ms", "Time to append and commit a session's events");

        private readonly ConditionalWeakTable<IDocumentSession, StrongBox<long>> _started = new();

        public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
        {
            _started.AddOrUpdate(session, new StrongBox<long>(Stopwatch.GetTimestamp()));
            return Task.CompletedTask;
        }

        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            if (_started.TryGetValue(session, out var started) && commit.GetEvents().Any())
            {
                Duration.Record(Stopwatch.GetElapsedTime(started.Value).TotalMilliseconds);
            }
            return Task.CompletedTask;
        }
    }
}
