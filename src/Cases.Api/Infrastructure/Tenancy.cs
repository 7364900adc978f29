using Npgsql;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Configuration section <c>Tenancy</c>: the PostgreSQL databases organisations are spread over, and where each is.
/// Without <c>Databases</c> (or with one) every organisation shares the database of <c>ConnectionStrings:Cases</c>.
/// </summary>
public sealed class TenancySettings
{
    public const string SectionName = "Tenancy";

    /// <summary>Connection string of each database, by a name of the operator's choosing.</summary>
    public Dictionary<string, string> Databases { get; set; } = [];

    /// <summary>The database of each organisation named here; the others go to <see cref="DefaultDatabase"/>.</summary>
    public Dictionary<string, string> Placement { get; set; } = [];

    /// <summary>Where an organisation with no placement goes; without it every organisation must be placed.</summary>
    public string? DefaultDatabase { get; set; }

    /// <summary>
    /// Wolverine's own database when there are several: nodes, their agents' assignments and leadership. It must be none
    /// of <see cref="Databases"/>; by default the default database's server, under its name with <c>_control</c> after it.
    /// </summary>
    public string? Control { get; set; }
}

/// <summary>
/// The databases as the service uses them: each one's connection string (with the service's own settings), and which
/// organisations each holds. Built and checked once, as the service starts: an unknown database, two names for one
/// database or an organisation placed nowhere stops the start.
/// </summary>
public sealed class TenantDatabases
{
    /// <summary>The name of the one database when <c>Tenancy:Databases</c> is not set.</summary>
    public const string SingleName = "main";

    private readonly Dictionary<string, string> _placement;

    private TenantDatabases(IReadOnlyDictionary<string, string> connectionStrings, Dictionary<string, string> placement,
        string? defaultDatabase, string? control)
    {
        ConnectionStrings = connectionStrings;
        _placement = placement;
        DefaultDatabase = defaultDatabase;
        Control = control;
    }

    /// <summary>Connection string of each database, by name, in the order configured.</summary>
    public IReadOnlyDictionary<string, string> ConnectionStrings { get; }

    /// <summary>Where an organisation not placed explicitly goes (the only database when there is one).</summary>
    public string? DefaultDatabase { get; }

    /// <summary>Wolverine's control database when there are several; null with one, where Wolverine keeps its tables beside Marten's.</summary>
    public string? Control { get; }

    public bool Several => ConnectionStrings.Count > 1;

    /// <summary>The name of the database holding the organisation's data.</summary>
    public string DatabaseOf(string organisation) =>
        _placement.TryGetValue(organisation, out var name) ? name
        : DefaultDatabase ?? throw new InvalidOperationException($"Organisation {organisation} is placed on no database (Tenancy:Placement).");

    public string ConnectionStringOf(string organisation) => ConnectionStrings[DatabaseOf(organisation)];

    /// <summary>The organisations each database holds, of those known: the placed ones and <paramref name="known"/>.</summary>
    public IReadOnlyDictionary<string, string[]> OrganisationsOn(IEnumerable<string> known) =>
        ConnectionStrings.Keys.ToDictionary(name => name,
            name => known.Concat(_placement.Keys).Distinct().Where(o => DatabaseOf(o) == name).Order(StringComparer.Ordinal).ToArray());

    /// <summary>Reads and checks the settings; <paramref name="decorate"/> adds the service's own settings to each connection string.</summary>
    public static TenantDatabases From(IConfiguration config, Func<string, string> decorate)
    {
        var settings = config.GetSection(TenancySettings.SectionName).Get<TenancySettings>() ?? new TenancySettings();
        var known = config.GetSection("Organisations:Names").GetChildren().Select(c => c.Key).ToArray();
        if (settings.Databases.Count == 0)
        {
            var single = config.GetConnectionString(Persistence.ConnectionStringName)
                         ?? throw new InvalidOperationException($"Set ConnectionStrings__{Persistence.ConnectionStringName} (or Tenancy:Databases).");
            settings.Databases[SingleName] = single;
        }
        var problems = new List<string>();
        var names = settings.Databases.Keys.ToArray();
        if (names.Length == 1)
        {
            // One database holds every organisation, placed or not, as it always has.
            problems.AddRange(settings.Placement.Where(p => p.Value != names[0])
                .Select(p => $"Tenancy:Placement:{p.Key} names {p.Value}, which is not the database (Tenancy:Databases: {names[0]})."));
            Fail(problems);
            return new TenantDatabases(settings.Databases.ToDictionary(d => d.Key, d => decorate(d.Value)), [], names[0], null);
        }

        // Only a served organisation has a database: a token of any other must be refused before it reaches one.
        if (known.Length == 0 || !config.GetValue("Auth:KnownOrganisationsOnly", true))
            problems.Add("With several databases, name the organisations served (Organisations:Names) and keep Auth:KnownOrganisationsOnly on, so that each one is placed.");
        if (settings.DefaultDatabase is { } fallback && !settings.Databases.ContainsKey(fallback))
            problems.Add($"Tenancy:DefaultDatabase names {fallback}, which is none of Tenancy:Databases ({string.Join(", ", names)}).");
        problems.AddRange(settings.Placement.Where(p => !settings.Databases.ContainsKey(p.Value))
            .Select(p => $"Tenancy:Placement:{p.Key} names {p.Value}, which is none of Tenancy:Databases ({string.Join(", ", names)})."));
        if (settings.DefaultDatabase is null)
        {
            problems.AddRange(known.Where(o => !settings.Placement.ContainsKey(o))
                .Select(o => $"Organisation {o} (Organisations:Names) is placed on no database: add Tenancy:Placement:{o} or set Tenancy:DefaultDatabase."));
        }
        // Marten and Wolverine tell databases apart by server and name, without the port: two with the same would share
        // one daemon and one durability agent, and the other's projections and scheduled work would never run.
        var identities = settings.Databases.Select(d => (Name: d.Key, Builder: new NpgsqlConnectionStringBuilder(d.Value))).ToArray();
        problems.AddRange(identities.GroupBy(d => (Host: d.Builder.Host?.ToLowerInvariant(), d.Builder.Database))
            .Where(g => g.Count() > 1)
            .Select(g => $"Tenancy:Databases {string.Join(" and ", g.Select(d => d.Name))} are both database {g.Key.Database} on host {g.Key.Host}: " +
                         "give each its own database name, even on different ports."));
        var control = settings.Control ?? ControlBeside(settings.Databases[settings.DefaultDatabase ?? names[0]]);
        var controlIdentity = new NpgsqlConnectionStringBuilder(control);
        problems.AddRange(identities.Where(d => string.Equals(d.Builder.Host, controlIdentity.Host, StringComparison.OrdinalIgnoreCase)
                                                && d.Builder.Database == controlIdentity.Database)
            .Select(d => $"Tenancy:Control is database {controlIdentity.Database}, as Tenancy:Databases:{d.Name} is: give Wolverine a database of its own."));
        Fail(problems);
        return new TenantDatabases(settings.Databases.ToDictionary(d => d.Key, d => decorate(d.Value)), new Dictionary<string, string>(settings.Placement),
            settings.DefaultDatabase, control);
    }

    /// <summary>The default control database: on the same server, the database's name with <c>_control</c> after it.</summary>
    public static string ControlBeside(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Database = $"{builder.Database}_control";
        return builder.ConnectionString;
    }

    private static void Fail(List<string> problems)
    {
        if (problems.Count > 0) throw new InvalidOperationException("Tenancy: " + string.Join(" ", problems));
    }
}
