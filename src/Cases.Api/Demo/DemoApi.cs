using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cases.Api.Demo;

/// <summary>How the demo's scenarios talk to the running service: as its users would, over HTTP, each role with its token.</summary>
public abstract class DemoApi(HttpClient client, Func<string, string> tokenFor)
{
    /// <summary>
    /// A command on a stream the service also writes by itself (a decision turning overdue, a sanction expiring, when
    /// loading dates long past): read the version, send, and on a lost race read again.
    /// </summary>
    protected async Task AtCurrentVersionAsync(string resource, string action, string role, object body, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var fields = JsonSerializer.SerializeToElement(body).EnumerateObject().ToDictionary(p => p.Name, p => (object)p.Value);
            fields["expectedVersion"] = (await GetAsync(resource, ct)).GetProperty("version").GetInt64();
            var response = await SendAsync(HttpMethod.Post, $"{resource}/{action}", fields, role, ct);
            if (response.StatusCode != HttpStatusCode.Conflict || attempt == 5)
            {
                await EnsureAsync(response, ct);
                return;
            }
            await Task.Delay(100 * attempt, ct);
        }
    }

    protected async Task<JsonElement> PostAsync(string url, object body, string role, CancellationToken ct) =>
        await EnsureAsync(await SendAsync(HttpMethod.Post, url, body, role, ct), ct);

    protected async Task<JsonElement> GetAsync(string url, CancellationToken ct) =>
        await EnsureAsync(await SendAsync(HttpMethod.Get, url, null, Roles.Auditor, ct), ct);

    protected Task<HttpResponseMessage> SendAsync(HttpMethod method, string url, object? body, string role, CancellationToken ct)
    {
        var request = new HttpRequestMessage(method, url) { Content = body switch { null => null, HttpContent content => content, _ => JsonContent.Create(body) } };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokenFor(role));
        request.Headers.Add("X-Reason", "demo");
        return client.SendAsync(request, ct);
    }

    protected static async Task<JsonElement> EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri} answered {(int)response.StatusCode}: {text}");
        }
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
