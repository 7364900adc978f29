using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Cases.Api.Reminders;
using Marten.Events.Daemon.Coordination;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Wolverine;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// A real SMTP server in the test process, on a loopback port of its own: it keeps every message it receives, and
/// refuses for good (550) the recipients a test tells it to.
/// </summary>
public sealed class TestMailbox : MessageStore, IMailboxFilter, IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private Task? _running;

    public int Port { get; private set; }
    public ConcurrentQueue<MimeMessage> Received { get; } = new();

    /// <summary>The recipients refused so far, each as often as it was.</summary>
    public ConcurrentQueue<string> Refused { get; } = new();

    public void Refuse(string address) => _refused[address] = true;

    public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

    public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
    {
        var address = to.AsAddress();
        if (!_refused.ContainsKey(address)) return Task.FromResult(true);
        Refused.Enqueue(address);
        return Task.FromResult(false);
    }

    public void Start()
    {
        if (_running is not null) return;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add((MessageStore)this);
        services.Add((IMailboxFilter)this);
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
        CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(buffer.ToArray());
        Received.Enqueue(MimeMessage.Load(stream, cancellationToken));
        return Task.FromResult(SmtpResponse.Ok);
    }

    public IReadOnlyList<MimeMessage> To(string address) =>
        Received.Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToArray();

    /// <summary>The reminders mailed to the address, without the daily digests.</summary>
    public IReadOnlyList<MimeMessage> RemindersTo(string address) => To(address).Where(m => !IsDigest(m)).ToArray();

    public IReadOnlyList<MimeMessage> DigestsTo(string address) => To(address).Where(IsDigest).ToArray();

    public static bool IsDigest(MimeMessage message) => message.MessageId?.EndsWith("@digest.cases", StringComparison.Ordinal) == true;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null) await _running.ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }
}

/// <summary>Every line the host logs, with its exception, to look for what must never be logged.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
    }
}

/// <summary>
/// The host of the reminder tests: mail goes to <see cref="Mailbox"/>, and the notification settings name a secretary
/// (Russian), a member (Kazakh) and a registrar (English) of nroc; the other roles are reminded as roles.
/// </summary>
public class ReminderApiApp() : CasesApp("tests_reminders")
{
    public const string SecretaryUser = "a.secretary";
    public const string MemberUser = "b.member";
    public const string RegistrarUser = "c.registrar";
    public const string ConsoleUrl = "https://cases.nroc.test";

    public TestMailbox Mailbox { get; } = new();
    public CapturedLogs Logs { get; } = new();

    public static string EmailOf(string user) => $"{user}@nroc.test";

    public override Task InitializeAsync()
    {
        Mailbox.Start();
        return base.InitializeAsync();
    }

    protected override void Configure(IWebHostBuilder builder)
    {
        builder.UseSetting("Notifications:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Notifications:Smtp:Port", Mailbox.Port.ToString());
        builder.UseSetting("Notifications:Smtp:UseTls", "false");
        builder.UseSetting("Notifications:Smtp:From", "cases@nroc.test");
        builder.UseSetting("Notifications:ConsoleUrl", ConsoleUrl);
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        foreach (var (user, role, language) in new[] { (SecretaryUser, "secretary", "ru"), (MemberUser, "member", "kk"), (RegistrarUser, "registrar", "en") })
        {
            builder.UseSetting($"Notifications:People:{user}:Organisation", "nroc");
            builder.UseSetting($"Notifications:People:{user}:Roles:0", role);
            builder.UseSetting($"Notifications:People:{user}:Email", EmailOf(user));
            builder.UseSetting($"Notifications:People:{user}:Language", language);
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Mailbox.DisposeAsync();
    }

    /// <summary>Mails the organisation's digests of the day now, as a check does, and waits for it to finish.</summary>
    public Task SendDigestsAsync(string organisation, DateOnly day) => InvokeOnceAsync(organisation, new SendDigests(day));
}

/// <summary>
/// A second node of <see cref="ReminderApiApp"/>'s service, on the same database, with a mail server of its own: a
/// test starts and stops it. The first node's daemon keeps the projections (two in Solo mode would race for them).
/// </summary>
public sealed class ReminderSecondNode : ReminderApiApp
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Host.Services.GetRequiredService<IProjectionCoordinator>().PauseAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ReminderApiCollection : ICollectionFixture<ReminderApiApp>
{
    public const string Name = "reminder api";
}

/// <summary>The host of the schedule's tests: each organisation's reminders looked for every second, by Wolverine's chain.</summary>
public sealed class ReminderScheduleApp() : CasesApp("tests_reminder_schedule")
{
    protected override void Configure(IWebHostBuilder builder) => builder.UseSetting("Notifications:CheckEvery", "00:00:01");
}

[CollectionDefinition(Name)]
public sealed class ReminderScheduleCollection : ICollectionFixture<ReminderScheduleApp>
{
    public const string Name = "reminder schedule";
}
