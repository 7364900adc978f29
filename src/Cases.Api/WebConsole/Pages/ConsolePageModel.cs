using System.Globalization;
using System.Security.Claims;
using System.Text;
using Cases.Api.Infrastructure;
using Cases.Api.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Cases.Api.WebConsole.Pages;

/// <summary>
/// Base of the console's pages: the signed-in user (organisation, roles), the API the page reads and writes through,
/// and the API's refusal of the last call, shown next to the field or the action it concerns.
/// </summary>
public abstract partial class ConsolePageModel(ConsoleApi api, IStringLocalizer<ConsolePages> texts) : PageModel
{
    public IStringLocalizer<ConsolePages> T => texts;

    public string Organisation => User.FindFirstValue(CasesClaims.Organisation) ?? "";

    public string UserName => User.Identity?.Name ?? "";

    public IReadOnlyList<string> UserRoles => User.FindAll(CasesClaims.Role).Select(r => r.Value).ToList();

    /// <summary>Whether the user holds one of the roles of a comma-separated list, as the API's [Authorize(Roles)] reads it.</summary>
    public bool HasAny(string roles) => roles.Split(',').Any(User.IsInRole);

    /// <summary>The hidden field of a form that creates a record, whose key makes sending it twice record it once.</summary>
    public const string RequestKeyField = "requestKey";

    private string? _requestKey;

    /// <summary>
    /// The form's Idempotency-Key: the one it was sent with when shown again after a refusal (a refused request claims
    /// no key), else a new one. A double click or a resend after a lost answer then records one case, not two.
    /// </summary>
    public string RequestKey => _requestKey ??= Request.HasFormContentType && Request.Form[RequestKeyField] is [{ Length: > 0 } sent]
        ? sent
        : Guid.NewGuid().ToString("N");

    /// <summary>The API's refusal of this page's last call, if it refused.</summary>
    public ApiProblem? Refusal { get; private set; }

    /// <summary>Which action the refusal concerns, so that it is shown next to that action's form.</summary>
    public string? RefusedAction { get; private set; }

    /// <summary>
    /// Reads what the API answers; on a refusal, answers null and keeps the refusal, with its status, for the page (for
    /// the form of <paramref name="action"/>, when the query came from one).
    /// </summary>
    protected async Task<TResult?> ReadAsync<TResult>(string pathAndQuery, string? action = null) where TResult : class
    {
        var answer = await api.GetAsync(HttpContext, pathAndQuery);
        if (answer.Succeeded) return answer.Read<TResult>();
        Refuse(answer.Problem!, action);
        return null;
    }

    /// <summary>Sends a command; on a refusal, keeps it for the action's form and answers null.</summary>
    protected async Task<ApiAnswer?> SendAsync(string action, string method, string path, object? body)
    {
        var key = Request.HasFormContentType ? Request.Form[RequestKeyField].ToString() : "";
        var headers = key.Length is > 0 and <= Idempotency.MaxKeyLength
            ? new Dictionary<string, string> { [Idempotency.Header] = key }
            : null;
        var answer = await api.SendAsync(HttpContext, method, path, body, headers);
        if (answer.Succeeded) return answer;
        Refuse(answer.Problem!, action);
        return null;
    }

    protected Task<ApiAnswer?> PostAsync(string action, string path, object body) => SendAsync(action, HttpMethods.Post, path, body);

    /// <summary>
    /// What the API answers in <paramref name="accept"/> (a download, a text), or null on a refusal, which is kept for
    /// the page (for the form of <paramref name="action"/>).
    /// </summary>
    protected async Task<ApiAnswer?> ReadAnswerAsync(string pathAndQuery, string accept, string? action = null)
    {
        var answer = await api.SendAsync(HttpContext, HttpMethods.Get, pathAndQuery, headers: new Dictionary<string, string> { ["Accept"] = accept });
        if (answer.Succeeded) return answer;
        Refuse(answer.Problem!, action);
        return null;
    }

    /// <summary>A text the API answers (a narrative, a report), or null on a refusal, which is kept for the page as <see cref="ReadAsync{TResult}"/> keeps it.</summary>
    protected async Task<string?> ReadTextAsync(string pathAndQuery, string? action = null) =>
        await ReadAnswerAsync(pathAndQuery, "text/plain", action) is { } answer ? Encoding.UTF8.GetString(answer.Body) : null;

    /// <summary>After a command the API took, back to the page (post, redirect, get) with the key of the notice of what was done.</summary>
    protected IActionResult DoneWith(string path, string notice) => LocalRedirect($"{path}?notice={Uri.EscapeDataString(notice)}");

    /// <summary>The notice of the command that led here, in the reader's language (texts <c>Notice.{key}</c>); null for any other.</summary>
    public string? DoneNotice => Request.Query["notice"].ToString() is { Length: > 0 } key && T[$"Notice.{key}"] is { ResourceNotFound: false } text
        ? text.Value
        : null;

    private void Refuse(ApiProblem problem, string? action)
    {
        Refusal = problem;
        RefusedAction = action;
        Response.StatusCode = problem.Status;
    }

    /// <summary>The errors the API found in a field of the refused action's form.</summary>
    public IReadOnlyList<string> ErrorsOf(string action, string field) =>
        RefusedAction == action && Refusal?.Errors is { } errors
            ? errors.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value).ToList()
            : [];

    /// <summary>
    /// The refusal in the reader's language: a broken rule by its code, else the kind of refusal by its status; the
    /// API's own words follow, as it wrote them.
    /// </summary>
    public string RefusalText(ApiProblem problem)
    {
        var rule = problem.Rule is { } code ? T[$"Rule.{code}"] : null;
        if (rule is { ResourceNotFound: false }) return rule.Value;
        var status = T[$"Status.{problem.Status}"];
        return status.ResourceNotFound ? T["Status.Other"] : status.Value;
    }

    /// <summary>A value of the API's enums in the reader's language, by its kebab-case name.</summary>
    public string Named<TEnum>(TEnum value) where TEnum : struct, Enum => T[$"{typeof(TEnum).Name}.{KebabEnum.Name(value)}"];

    /// <summary>The values of an API enum a user may choose: every one but the placeholder for a value stored outside the contract.</summary>
    public static IEnumerable<TEnum> Choices<TEnum>() where TEnum : struct, Enum => Enum.GetValues<TEnum>().Where(v => Convert.ToInt32(v, CultureInfo.InvariantCulture) >= 0);

    /// <summary>A form's optional text as the API takes it: nothing when left blank.</summary>
    public static string? OrNull(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>
    /// A wall-clock time as a datetime-local input sends it (no zone), on the organisation's clock; none when it cannot be
    /// read, for the API to refuse.
    /// </summary>
    protected DateTimeOffset? OnOrganisationClock(string? typed)
    {
        if (!DateTime.TryParseExact(typed?.Trim(), ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var local)) return null;
        var zone = HttpContext.RequestServices.GetRequiredService<OrganisationClock>().For(Organisation).Zone;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A date as the console writes it, the same in every language.</summary>
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A moment in the organisation's own time is the API's to give; the console writes it to the minute.</summary>
    public static string Moment(DateTimeOffset? at) => at?.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
}
