namespace Cases.Api.Infrastructure;

/// <summary>
/// How long a read of an async read model waits for the daemon to reach the events stored when it was asked
/// (<c>Marten:ProjectionWait</c>, 10 s by default). Beyond it the read answers 503 with Retry-After (the daemon is down
/// or far behind), rather than an answer that silently leaves out what was recorded.
/// </summary>
public sealed record ProjectionWait(TimeSpan Timeout)
{
    public const string SettingName = "Marten:ProjectionWait";

    public static readonly TimeSpan Default = TimeSpan.FromSeconds(10);

    public static ProjectionWait From(IConfiguration config) => new(config.GetValue(SettingName, Default));
}
