using Cases.Domain.Monitoring;

namespace Cases.Api.Monitoring;

public static class MonitoringChecks
{
    public static ProblemDetails Answer(FieldErrors fields, long expectedVersion, IEventStream<MonitoringRecord> stream,
        Func<MonitoringRecord, RuleViolation?> rule) =>
        StreamChecks.Answer(fields, expectedVersion, stream, _ => "The monitoring round", rule);
}
