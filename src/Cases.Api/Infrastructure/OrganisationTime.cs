using System.Collections.Concurrent;
using Cases.Domain;
using Microsoft.Extensions.Options;

namespace Cases.Api.Infrastructure;

/// <summary>The organisations' time zones, report names and oversight, from configuration section <c>Organisations</c>.</summary>
public sealed class OrganisationSettings
{
    /// <summary>IANA time zone of organisations not listed in <see cref="TimeZones"/>.</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>IANA time zone per organisation id.</summary>
    public Dictionary<string, string> TimeZones { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The name reports give an organisation, per organisation id; the id itself when not listed.</summary>
    public Dictionary<string, string> Names { get; set; } = new(StringComparer.Ordinal);

    public string NameOf(string organisation) => Names.GetValueOrDefault(organisation, organisation);

    /// <summary>The name in another language than English, per language (<c>ru</c>, <c>kk</c>) and organisation id.</summary>
    public Dictionary<string, Dictionary<string, string>> NamesIn { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The name in the request's language, else the English one.</summary>
    public string NameOf(string organisation, System.Globalization.CultureInfo language) =>
        NamesIn.GetValueOrDefault(language.Name)?.GetValueOrDefault(organisation) ?? NameOf(organisation);

    /// <summary>The organisations each organisation oversees (a regional commission's state bodies and districts).</summary>
    public Dictionary<string, string[]> Oversees { get; set; } = new(StringComparer.Ordinal);

    public IReadOnlyList<string> OverseenBy(string organisation) => Oversees.GetValueOrDefault(organisation, []);

    public IEnumerable<string> AllZones => TimeZones.Values.Append(DefaultTimeZone);

    public static bool IsKnownZone(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out _);
}

/// <summary>
/// The moment a request is decided, on its organisation's clock: read once per request, so that a command is
/// checked and decided against the same "now", and business dates default to the organisation's own today.
/// </summary>
public sealed record RequestTime(DateTimeOffset Now, TimeZoneInfo Zone)
{
    public DateOnly Today => Rules.Today(Now);

    /// <summary>The same instant on the organisation's clock, whatever offset the client sent it with.</summary>
    public DateTimeOffset InZone(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>The first moment of a business day on the organisation's clock.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(midnight, Zone.GetUtcOffset(midnight));
    }
}

/// <summary>The injected clock, seen from each organisation's time zone.</summary>
public sealed class OrganisationClock(TimeProvider clock, IOptions<OrganisationSettings> settings)
{
    private readonly ConcurrentDictionary<string, TimeZoneInfo> _zones = new(StringComparer.Ordinal);

    public RequestTime For(string? organisation)
    {
        var zone = _zones.GetOrAdd(organisation ?? "", org => TimeZoneInfo.FindSystemTimeZoneById(
            settings.Value.TimeZones.GetValueOrDefault(org, settings.Value.DefaultTimeZone)));
        return new RequestTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone), zone);
    }
}

/// <summary>Wolverine middleware giving every endpoint its <see cref="RequestTime"/>.</summary>
public static class OrganisationTime
{
    /// <summary>The organisation of the token, or of the route for the public endpoints, which have no token.</summary>
    public static RequestTime Before(OrganisationClock clock, HttpContext context) =>
        clock.For(context.User.FindFirst(CasesClaims.Organisation)?.Value ?? context.GetRouteValue(Public.PublicChannel.OrganisationRoute) as string);
}
