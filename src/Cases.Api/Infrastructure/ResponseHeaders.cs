using Cases.Api.Public.Pages;
using Cases.Api.WebConsole;
using Microsoft.Extensions.Options;

namespace Cases.Api.Infrastructure;

/// <summary>
/// Headers on every answer, refusals and errors included (they are set as the response starts, after any handler has
/// cleared it): <c>X-Content-Type-Options: nosniff</c>, so that no browser runs an answer as another type than the one
/// given; and on the API, <c>Cache-Control: no-store</c>, since its answers hold personal and case data (complainants,
/// evidence, messages, a reporter's follow-up and receipt) that no browser or shared cache may keep; on the public
/// reporting pages and the console, their own (<see cref="PublicPageSetup.SetHeaders"/>).
/// </summary>
public sealed class ResponseHeaders(RequestDelegate next)
{
    public const string ApiPath = "/api";

    public Task InvokeAsync(HttpContext context)
    {
        var page = context.IsPublicPage() || context.IsConsole();
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            if (context.Request.Path.StartsWithSegments(ApiPath, StringComparison.OrdinalIgnoreCase)) headers.CacheControl = "no-store";
            if (page) PublicPageSetup.SetHeaders(headers);
            if (context.IsConsole()) headers.ContentSecurityPolicy = context.RequestServices.GetRequiredService<IOptions<ConsoleSettings>>().Value.ContentSecurityPolicy;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
