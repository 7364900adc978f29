using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Cases.Api.Tests.Infrastructure;

/// <summary>
/// Serves a test host's own request pipeline through real Kestrel on a loopback port, next to Alba's in-memory server:
/// the same application, services and database over a real socket, so that what only Kestrel does (parse request lines,
/// headers, lengths and chunks; decode and normalise paths) is tested too, without a second host. Kestrel takes the
/// limits Program.cs gives it. Started on first use; stopped with the host's services.
/// </summary>
public sealed class LoopbackServer(IServiceProvider services) : IAsyncDisposable
{
    private readonly SemaphoreSlim _starting = new(1, 1);
    private RequestDelegate? _pipeline;
    private KestrelServer? _server;
    private Uri? _address;

    /// <summary>Registers the server in a host, and catches the pipeline the host builds for its own server.</summary>
    public static void AddTo(IServiceCollection collection)
    {
        collection.AddSingleton<LoopbackServer>();
        collection.Replace(ServiceDescriptor.Singleton<IApplicationBuilderFactory>(sp =>
            new CapturingFactory(new ApplicationBuilderFactory(sp), sp.GetRequiredService<LoopbackServer>())));
    }

    /// <summary>The server's address, e.g. http://127.0.0.1:41485, started if it is not yet.</summary>
    public async Task<Uri> AddressAsync()
    {
        await _starting.WaitAsync();
        try
        {
            if (_address is not null) return _address;
            var pipeline = _pipeline ?? throw new InvalidOperationException("The host has not built its pipeline yet.");
            // A fresh copy of the options the app configured (its limits), so that the host's own copy stays as it was.
            var options = services.GetRequiredService<IOptionsFactory<KestrelServerOptions>>().Create(Options.DefaultName);
            options.ApplicationServices ??= services;
            options.Listen(IPAddress.Loopback, 0);
            var loggers = services.GetRequiredService<ILoggerFactory>();
            _server = new KestrelServer(Options.Create(options),
                new SocketTransportFactory(Options.Create(new SocketTransportOptions()), loggers), loggers);
            await _server.StartAsync(new Application(pipeline, services.GetRequiredService<IHttpContextFactory>()), CancellationToken.None);
            return _address = new Uri(_server.Features.Get<IServerAddressesFeature>()!.Addresses.Single());
        }
        finally
        {
            _starting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_server is null) return;
        await _server.StopAsync(CancellationToken.None);
        _server.Dispose();
    }

    private sealed class Application(RequestDelegate pipeline, IHttpContextFactory contexts) : IHttpApplication<HttpContext>
    {
        public HttpContext CreateContext(IFeatureCollection contextFeatures) => contexts.Create(contextFeatures);
        public Task ProcessRequestAsync(HttpContext context) => pipeline(context);
        public void DisposeContext(HttpContext context, Exception? exception) => contexts.Dispose(context);
    }

    private sealed class CapturingFactory(IApplicationBuilderFactory inner, LoopbackServer server) : IApplicationBuilderFactory
    {
        public IApplicationBuilder CreateBuilder(IFeatureCollection serverFeatures) => new CapturingBuilder(inner.CreateBuilder(serverFeatures), server);
    }

    /// <summary>The host's application builder, keeping the pipeline it builds.</summary>
    private sealed class CapturingBuilder(IApplicationBuilder inner, LoopbackServer server) : IApplicationBuilder
    {
        public IServiceProvider ApplicationServices { get => inner.ApplicationServices; set => inner.ApplicationServices = value; }
        public IFeatureCollection ServerFeatures => inner.ServerFeatures;
        public IDictionary<string, object?> Properties => inner.Properties;
        public IApplicationBuilder New() => inner.New();

        public IApplicationBuilder Use(Func<RequestDelegate, RequestDelegate> middleware)
        {
            inner.Use(middleware);
            return this;
        }

        public RequestDelegate Build() => server._pipeline = inner.Build();
    }
}

/// <summary>An HTTP/1.1 answer read off a socket.</summary>
public sealed record RawAnswer(int Status, IReadOnlyDictionary<string, string> Headers, string Body)
{
    public string? Header(string name) => Headers.GetValueOrDefault(name.ToLowerInvariant());
}

/// <summary>
/// Sends bytes to a server exactly as given, over a TCP connection of their own, and reads the answer until the server
/// closes the connection (each request asks it to): nothing between the test and Kestrel rewrites a path or a header.
/// </summary>
public static class RawHttp
{
    public static async Task<RawAnswer> SendAsync(Uri server, byte[] request, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        using var client = new TcpClient();
        await client.ConnectAsync(server.Host, server.Port, cancel.Token);
        var stream = client.GetStream();
        // Written while the answer is read: a server may answer (413, 431) and close before it has read all it was sent.
        var writing = Task.Run(async () =>
        {
            try
            {
                await stream.WriteAsync(request, cancel.Token);
            }
            catch (IOException)
            {
                // Closed by the server after it answered.
            }
        });
        using var received = new MemoryStream();
        try
        {
            await stream.CopyToAsync(received, cancel.Token);
        }
        catch (IOException)
        {
            // A reset after the answer, when the server closed with unread bytes of the request.
        }
        await writing;
        return Parse(received.ToArray());
    }

    /// <summary>A request with the given head lines (no trailing blank line) and body, that asks the server to close after answering.</summary>
    public static byte[] Request(string head, byte[]? body = null) =>
        [.. Encoding.Latin1.GetBytes(head + "\r\nConnection: close\r\n\r\n"), .. body ?? []];

    private static RawAnswer Parse(byte[] bytes)
    {
        var end = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        if (end < 0) throw new InvalidOperationException($"No HTTP answer: '{Encoding.Latin1.GetString(bytes)}'");
        var lines = Encoding.Latin1.GetString(bytes, 0, end).Split("\r\n");
        var headers = lines.Skip(1).Select(l => l.Split(':', 2))
            .GroupBy(p => p[0].Trim().ToLowerInvariant(), p => p[1].Trim())
            .ToDictionary(g => g.Key, g => string.Join(", ", g));
        var body = bytes[(end + 4)..];
        if (headers.GetValueOrDefault("transfer-encoding") == "chunked") body = Dechunk(body);
        return new RawAnswer(int.Parse(lines[0].Split(' ')[1]), headers, Encoding.UTF8.GetString(body));
    }

    private static byte[] Dechunk(byte[] chunked)
    {
        using var body = new MemoryStream();
        for (var at = 0; ;)
        {
            var lineEnd = at + chunked.AsSpan(at).IndexOf("\r\n"u8);
            var size = Convert.ToInt32(Encoding.Latin1.GetString(chunked, at, lineEnd - at).Split(';')[0], 16);
            if (size == 0) return body.ToArray();
            body.Write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
