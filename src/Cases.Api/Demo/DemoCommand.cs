using JasperFx.CommandLine;
using Spectre.Console;

namespace Cases.Api.Demo;

public class DemoInput : NetCoreInput
{
    [Description("Address of the running service")]
    public string UrlFlag { get; set; } = "http://localhost:5080";
}

[Description("Loads January-October 2021 of the seed organisation through the running service's API and prints its report (Development only)", Name = Verb)]
public class DemoCommand : JasperFxAsyncCommand<DemoInput>
{
    public const string Verb = "demo";

    private static IAnsiConsole? _console;

    /// <summary>
    /// Before it runs a verb, JasperFx writes on its console every assembly it searches for commands. For this verb, whose
    /// output is the report, that console is silent from here until the command is made: after the search, before its
    /// flags are read, so that a usage or error message still shows.
    /// </summary>
    public static void QuietenCommandSearch(string[] args)
    {
        if (!string.Equals(args.FirstOrDefault(), Verb, StringComparison.OrdinalIgnoreCase)) return;
        _console = AnsiConsole.Console;
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
    }

    public DemoCommand()
    {
        if (_console is not null) AnsiConsole.Console = _console;
    }

    public override async Task<bool> Execute(DemoInput input)
    {
        using var host = input.BuildHost();
        var key = host.Services.GetRequiredService<IConfiguration>()["Auth:DevelopmentSigningKey"];
        if (!host.Services.GetRequiredService<IHostEnvironment>().IsDevelopment() || string.IsNullOrEmpty(key))
        {
            Console.Error.WriteLine("demo works only in Development, where Auth:DevelopmentSigningKey is configured.");
            return false;
        }
        using var client = new HttpClient { BaseAddress = new Uri(input.UrlFlag) };
        string Token(string role) => DevelopmentTokens.Mint(key, DemoScenario.Organisation, [role], $"demo.{role}", TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(1));

        try
        {
            await new DemoScenario(client, Token).LoadAsync(CancellationToken.None);
        }
        catch (InvalidOperationException refused)
        {
            Console.Error.WriteLine(refused.Message);
            return false;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/statistics/narrative?from=2021-01-01&to=2021-10-31");
        request.Headers.Authorization = new("Bearer", Token(Roles.Analyst));
        var narrative = await client.SendAsync(request);
        Console.WriteLine(await narrative.Content.ReadAsStringAsync());
        Console.WriteLine($"Chart: {input.UrlFlag}/api/statistics/chart?from=2021-01-01&to=2021-10-31 (as an analyst of {DemoScenario.Organisation})");
        return narrative.IsSuccessStatusCode;
    }
}
