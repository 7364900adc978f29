namespace Cases.Api.Tests.Infrastructure;

/// <summary>The service's clock in tests: fixed, so business dates defaulted to "today" are known.</summary>
public sealed class TestClock : TimeProvider
{
    public static readonly DateTimeOffset Start = new(2021, 11, 15, 9, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now { get; set; } = Start;

    public DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public override DateTimeOffset GetUtcNow() => Now;
}
