using Cases.Api.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Cases.Api.Tests.Tenancy;

/// <summary>The <c>Tenancy</c> settings as the service reads them at start, without a host: a mistake stops the start.</summary>
public class when_configuring_several_databases
{
    private const string East = "Host=db1;Database=cases_east;Username=cases;Password=cases";
    private const string West = "Host=db2;Database=cases_west;Username=cases;Password=cases";

    private static TenantDatabases Read(params (string Key, string Value)[] settings) =>
        TenantDatabases.From(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Organisations:Names:nroc"] = "NROC", ["Organisations:Names:aksu"] = "Aksu" }
                .Concat(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))).Build(), s => s);

    [Fact]
    public void one_connection_string_holds_every_organisation_as_before()
    {
        var databases = Read(("ConnectionStrings:Cases", East));

        databases.Several.ShouldBeFalse();
        databases.Control.ShouldBeNull();
        databases.ConnectionStringOf("anyone").ShouldBe(East);
    }

    [Fact]
    public void each_organisation_goes_where_it_is_placed_or_to_the_default()
    {
        var databases = Read(("Tenancy:Databases:east", East), ("Tenancy:Databases:west", West), ("Tenancy:DefaultDatabase", "east"),
            ("Tenancy:Placement:aksu", "west"));

        databases.Several.ShouldBeTrue();
        databases.DatabaseOf("nroc").ShouldBe("east");
        databases.DatabaseOf("aksu").ShouldBe("west");
        databases.OrganisationsOn(["nroc", "aksu"])["west"].ShouldBe(["aksu"]);
        // Wolverine's control database sits beside the default one unless it is named.
        databases.Control.ShouldBe("Host=db1;Database=cases_east_control;Username=cases;Password=cases");
    }

    [Fact]
    public void a_placement_on_an_unknown_database_stops_the_start() =>
        Should.Throw<InvalidOperationException>(() => Read(("Tenancy:Databases:east", East), ("Tenancy:Databases:west", West),
                ("Tenancy:DefaultDatabase", "east"), ("Tenancy:Placement:aksu", "north")))
            .Message.ShouldContain("Tenancy:Placement:aksu names north, which is none of Tenancy:Databases");

    [Fact]
    public void an_organisation_placed_nowhere_stops_the_start() =>
        Should.Throw<InvalidOperationException>(() => Read(("Tenancy:Databases:east", East), ("Tenancy:Databases:west", West),
                ("Tenancy:Placement:aksu", "west")))
            .Message.ShouldContain("Organisation nroc (Organisations:Names) is placed on no database");

    [Fact]
    public void organisations_taken_without_being_named_stop_the_start() =>
        Should.Throw<InvalidOperationException>(() => Read(("Tenancy:Databases:east", East), ("Tenancy:Databases:west", West),
                ("Tenancy:DefaultDatabase", "east"), ("Auth:KnownOrganisationsOnly", "false")))
            .Message.ShouldContain("name the organisations served (Organisations:Names) and keep Auth:KnownOrganisationsOnly on");

    [Fact]
    public void two_names_for_one_database_stop_the_start_even_on_different_ports() =>
        Should.Throw<InvalidOperationException>(() => Read(("Tenancy:Databases:east", "Host=db1;Port=5432;Database=cases;Username=cases"),
                ("Tenancy:Databases:west", "Host=db1;Port=5433;Database=cases;Username=cases"), ("Tenancy:DefaultDatabase", "east")))
            .Message.ShouldContain("east and west are both database cases on host db1");

    [Fact]
    public void a_control_database_that_is_an_organisations_database_stops_the_start() =>
        Should.Throw<InvalidOperationException>(() => Read(("Tenancy:Databases:east", East), ("Tenancy:Databases:west", West),
                ("Tenancy:DefaultDatabase", "east"), ("Tenancy:Control", West)))
            .Message.ShouldContain("Tenancy:Control is database cases_west, as Tenancy:Databases:west is");
}
