namespace Cases.Api.Infrastructure;

/// <summary>
/// How long a read of an async read model waits for the daemon to reach the events stored when it was asked. Beyond
/// it the read answers 503 with Retry-After (the daemon is down or far behind), rather than an answer that silently
/// leaves out what was recorded.
/// </summary>
public static class ProjectionWait
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
}
