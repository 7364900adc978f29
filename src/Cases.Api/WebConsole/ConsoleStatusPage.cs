using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Cases.Api.WebConsole;

/// <summary>
/// A console answer that has no body of its own (a page that does not exist, a form whose anti-forgery token failed)
/// gets a page in the reader's language with its status, as the rest of the console does, not the API's JSON.
/// </summary>
public static class ConsoleStatusPage
{
    public const string View = "/WebConsole/Pages/Status.cshtml";

    public static Task WriteAsync(HttpContext http)
    {
        // The status page is written on the way out, after request localization has handed the request's culture back.
        if (http.Features.Get<IRequestCultureFeature>() is { } culture) CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        return new ViewResult
        {
            ViewName = View,
            StatusCode = http.Response.StatusCode,
            ViewData = new ViewDataDictionary<int>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = http.Response.StatusCode }
        }.ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
    }
}
