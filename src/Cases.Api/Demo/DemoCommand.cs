using System.Net.Http.Json;
using System.Text.Json;
using Cases.Api.Reminders;
using JasperFx.CommandLine;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace Cases.Api.Demo;

public class DemoInput : NetCoreInput
{
    [Description("Address of the running service")]
    public string UrlFlag { get; set; } = "http://localhost:5080";
}

[Description("Loads the two seed organisations through the running service's API and prints their reports in English, Russian and Kazakh (Development only)", Name = Verb)]
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
        Func<string, string> TokensOf(string organisation) => role =>
            DevelopmentTokens.Mint(key, organisation, [role], $"demo_{role}", TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(1));

        Guid session;
        var centre = new DemoScenario(client, TokensOf(DemoScenario.Organisation));
        try
        {
            await centre.LoadAsync(CancellationToken.None);
            session = await new RegionalDemoScenario(client, TokensOf(RegionalDemoScenario.Organisation)).LoadAsync(CancellationToken.None);
        }
        catch (InvalidOperationException refused)
        {
            Console.Error.WriteLine(refused.Message);
            return false;
        }

        var reports = new (string Organisation, string Url)[]
        {
            (DemoScenario.Organisation, "/api/statistics/narrative?from=2021-01-01&to=2021-10-31"),
            (RegionalDemoScenario.Organisation, $"/api/meetings/{session}/report")
        };
        foreach (var language in new[] { "en", "ru", "kk" })
        {
            foreach (var (organisation, url) in reports)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"{url}{(url.Contains('?') ? '&' : '?')}lang={language}");
                request.Headers.Authorization = new("Bearer", TokensOf(organisation)(Roles.Analyst));
                var answer = await client.SendAsync(request);
                Console.WriteLine(await answer.Content.ReadAsStringAsync());
                if (!answer.IsSuccessStatusCode) return false;
            }
        }
        Console.WriteLine($"Chart: {input.UrlFlag}/api/statistics/chart?from=2021-01-01&to=2021-10-31 (as an analyst of {DemoScenario.Organisation}; add lang=ru or lang=kk)");
        return await ReminderAsync(centre, client, TokensOf(DemoScenario.Organisation)(Roles.Secretary), host.Services);
    }

    /// <summary>
    /// A decision due today, and the reminder the service's scheduled look sends its secretary (by mail too when a mail
    /// server is configured: README, Reminders), waited for up to two of Development's check periods.
    /// </summary>
    private static async Task<bool> ReminderAsync(DemoScenario centre, HttpClient client, string secretaryToken, IServiceProvider services)
    {
        var today = services.GetRequiredService<OrganisationClock>().For(DemoScenario.Organisation).Today;
        var decision = await centre.DecisionDueTodayAsync(today, CancellationToken.None);
        var every = services.GetRequiredService<IOptions<NotificationSettings>>().Value.CheckEvery;
        if (every <= TimeSpan.Zero)
        {
            Console.WriteLine("Reminders: none are looked for (Notifications:CheckEvery is 0).");
            return true;
        }
        var deadline = DateTimeOffset.UtcNow + 2 * every + TimeSpan.FromSeconds(30);
        while (DateTimeOffset.UtcNow < deadline)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/reminders");
            request.Headers.Authorization = new("Bearer", secretaryToken);
            var answer = await client.SendAsync(request);
            if (!answer.IsSuccessStatusCode) return false;
            var reminders = (await answer.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray();
            if (reminders.FirstOrDefault(r => r.GetProperty("streamId").GetGuid() == decision) is { ValueKind: JsonValueKind.Object } reminder)
            {
                var to = reminder.GetProperty("personal").GetBoolean() ? "by name (and by mail, when a mail server is configured)" : "as a role (no secretary is named)";
                Console.WriteLine($"Reminder: decision {reminder.GetProperty("reference")} is due {reminder.GetProperty("dueOn")}; the secretary was told " +
                    $"{to} on {reminder.GetProperty("sentOn")}, step {reminder.GetProperty("step")}.");
                return true;
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        Console.Error.WriteLine($"No reminder of decision {decision} reached the secretary within {2 * every + TimeSpan.FromSeconds(30)}.");
        return false;
    }
}
