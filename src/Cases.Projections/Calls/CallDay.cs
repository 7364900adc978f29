using Cases.Domain.Calls;
using JasperFx.Events;

namespace Cases.Projections.Calls;

/// <summary>
/// A line's figures of one logged day as they stand (logged, or as last corrected), what the summary and the narrative
/// add up: one document per line and day, without the calls.
/// </summary>
public sealed partial record CallDay
{
    public Guid Id { get; init; }
    public string LineId { get; init; } = "";
    public DateOnly Date { get; init; }
    public int Calls { get; init; }
    public int AboutCorruption { get; init; }

    public static CallDay Create(IEvent<CallsLogged> e) =>
        new() { Id = e.StreamId, LineId = e.Data.LineId, Date = e.Data.Date, Calls = e.Data.Count, AboutCorruption = e.Data.AboutCorruption };

    /// <summary>The day counts its calls as corrected, wherever its figures are read.</summary>
    public CallDay Apply(CallsCorrected e) => this with { Calls = e.Count, AboutCorruption = e.AboutCorruption };
}
