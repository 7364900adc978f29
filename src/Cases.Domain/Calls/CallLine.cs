using JasperFx.Events;

namespace Cases.Domain.Calls;

public enum LineKind
{
    /// <summary>Read for a value stored outside the contract; written as <c>unknown</c>, never accepted from a client.</summary>
    Unknown = -1,

    CallCentre,

    /// <summary>The compliance service's own phone: seed 000 reports that it received no call.</summary>
    CompliancePhone,

    /// <summary>The national 1424 call-centre of the anti-corruption agency (seed 001).</summary>
    Hotline1424,
    Other
}

/// <summary>The organisation configured (or renamed) a phone line whose calls it logs. The line id is the organisation's own key.</summary>
public sealed record CallLineConfigured(string LineId, string Name, LineKind Kind);

public sealed record ConfigureCallLine(string Name, LineKind Kind);

/// <summary>A phone line as configured last; one stream per organisation and line id.</summary>
public sealed partial record CallLine
{
    public Guid Id { get; init; }
    public string LineId { get; init; } = "";
    public string Name { get; init; } = "";
    public LineKind Kind { get; init; }

    public static CallLine Create(IEvent<CallLineConfigured> e) => new CallLine { Id = e.StreamId }.Apply(e.Data);

    public CallLine Apply(CallLineConfigured e) => this with { LineId = e.LineId, Name = e.Name, Kind = e.Kind };
}

public static class ConfigureCallLineDecision
{
    /// <summary>Configuring a line as it already is records nothing.</summary>
    public static IReadOnlyList<CallLineConfigured> Decide(ConfigureCallLine command, string lineId, CallLine? line)
    {
        var configured = new CallLineConfigured(lineId, command.Name.Trim(), command.Kind);
        return line is not null && line.Name == configured.Name && line.Kind == configured.Kind ? [] : [configured];
    }
}
