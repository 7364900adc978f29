using System.Diagnostics;
using System.Net.Http.Headers;

namespace Cases.Bench;

/// <summary>
/// The real service, started from its Release build in Production (pre-generated Wolverine code), signing key given by
/// configuration as a deployment would. Start-up is timed to the first answered API request.
/// </summary>
public sealed class Service : IAsyncDisposable
{
    private readonly Process _process;

    private Service(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    public string Url { get; }
    public int Id => _process.Id;
    public TimeSpan StartUp { get; private set; }

    /// <summary>The processor time (user and system) the service spent up to its first answer: less noisy than the elapsed time on a shared machine.</summary>
    public TimeSpan StartUpCpu { get; private set; }

    /// <summary>
    /// The operator's rebuild, `projections rebuild`, run by the same build in Production as a process of its own, with
    /// what it prints (a line per projection, "Finished rebuilding X in N ms", and its concurrency) appended to the log.
    /// </summary>
    /// <param name="maxConcurrent">The verb's <c>--max-concurrent</c>; its default when null (a share of the pool).</param>
    public static async Task<IReadOnlyList<string>> RebuildAsync(Settings settings, string log, int? maxConcurrent = null)
    {
        var arguments = new List<string> { settings.ServiceDll, "projections", "rebuild" };
        if (maxConcurrent is { } max) arguments.AddRange(["--max-concurrent", max.ToString()]);
        var info = new ProcessStartInfo("dotnet", arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(settings.ServiceDll)!
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Cases"] = settings.ConnectionString;
        info.Environment["Marten__Schema"] = settings.Schema;
        info.Environment["Auth__DevelopmentSigningKey"] = Settings.SigningKey;
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Marten__MigrateOnStart"] = "false";

        var lines = new List<string>();
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (lines) lines.Add(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        await File.AppendAllLinesAsync(log, lines);
        if (process.ExitCode != 0) throw new InvalidOperationException($"projections rebuild exited with {process.ExitCode}: see {log}");
        return lines;
    }

    /// <param name="migrate">Whether the node checks and migrates the schema as it starts; a deployment does it once
    /// beforehand and starts its nodes without (<c>Marten:MigrateOnStart=false</c>).</param>
    public static async Task<Service> StartAsync(Settings settings, string log, int port, bool migrate = false)
    {
        var url = $"http://127.0.0.1:{port}";
        var info = new ProcessStartInfo("dotnet", [settings.ServiceDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(settings.ServiceDll)!
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_URLS"] = url;
        info.Environment["ConnectionStrings__Cases"] = settings.ConnectionString;
        info.Environment["Marten__Schema"] = settings.Schema;
        info.Environment["Auth__DevelopmentSigningKey"] = Settings.SigningKey;
        // The load spans thousands of generated organisations, none of them in Organisations:Names.
        info.Environment["Auth__KnownOrganisationsOnly"] = "false";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Marten__MigrateOnStart"] = migrate ? "true" : "false";

        using (var probe = new System.Net.Sockets.TcpClient())
        {
            try
            {
                await probe.ConnectAsync("127.0.0.1", port);
                throw new InvalidOperationException($"Something already listens on port {port} (another run?): give the bench a --port of its own.");
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Free: the service about to start is the only one that can answer there.
            }
        }

        var started = Stopwatch.StartNew();
        var process = Process.Start(info)!;
        var output = new StreamWriter(log, append: true) { AutoFlush = true };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.WriteLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.WriteLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var service = new Service(process, url);

        using var client = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Settings.Token("org-0001", "auditor"));
        while (started.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited) throw new InvalidOperationException($"The service exited with {process.ExitCode}: see {log}");
            try
            {
                if ((await client.GetAsync("/api/cases?pageSize=1")).IsSuccessStatusCode)
                {
                    service.StartUp = started.Elapsed;
                    process.Refresh();
                    service.StartUpCpu = process.TotalProcessorTime;
                    return service;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening, but the first answer took longer than the client waits (a loaded machine): ask again.
            }
            await Task.Delay(10);
        }
        throw new TimeoutException($"The service did not answer within two minutes: see {log}");
    }

    /// <summary>The most memory the process has held resident so far (VmHWM), in MiB.</summary>
    public double PeakWorkingSetMiB() =>
        File.ReadLines($"/proc/{_process.Id}/status").Where(l => l.StartsWith("VmHWM:"))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024.0).Single();

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            // SIGTERM: the node leaves Wolverine's cluster cleanly, so the next start does not wait for it to go stale.
            Process.Start("kill", ["-TERM", _process.Id.ToString()])!.WaitForExit();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            try
            {
                await _process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill();
            }
        }
        _process.Dispose();
    }
}
