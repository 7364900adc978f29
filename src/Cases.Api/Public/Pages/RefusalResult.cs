using Cases.Api.Localization;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Localization;

namespace Cases.Api.Public.Pages;

/// <summary>What a refusal page says: its title and text, in the reader's language.</summary>
public sealed record Refusal(string Title, string Text, string? Organisation);

/// <summary>
/// A refusal of the public pages as a page in the reader's language, with its status kept (404, 403, 409, 429):
/// never the API's ProblemDetails. <paramref name="kind"/> names the texts <c>Refusal.{kind}.Title</c> and <c>.Text</c>;
/// a wait, when given, is put in the text in whole minutes.
/// </summary>
public sealed class RefusalResult(int status, string kind, TimeSpan? wait = null) : IActionResult
{
    public const string View = "/Public/Pages/Refusal.cshtml";

    public Task ExecuteResultAsync(ActionContext context)
    {
        var http = context.HttpContext;
        var texts = http.RequestServices.GetRequiredService<IStringLocalizer<PublicPages>>();
        var title = texts[$"Refusal.{kind}.Title"];
        if (title.ResourceNotFound) (kind, title) = ("Other", texts["Refusal.Other.Title"]);
        var minutes = ((int)Math.Ceiling((wait ?? TimeSpan.Zero).TotalMinutes)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        // An organisation the service does not know gets no link back to a form.
        var organisation = status == StatusCodes.Status404NotFound ? null : http.GetRouteValue(PublicChannel.OrganisationRoute) as string;
        var model = new Refusal(title, texts.Format($"Refusal.{kind}.Text", minutes), organisation);
        Languages.Answered(http.Response);
        return new ViewResult
        {
            ViewName = View,
            StatusCode = status,
            ViewData = new ViewDataDictionary<Refusal>(new EmptyModelMetadataProvider(), new ModelStateDictionary()) { Model = model }
        }.ExecuteResultAsync(context);
    }

    /// <summary>Renders the refusal outside MVC's pipeline: from the rate limiter, which answers before any page runs.</summary>
    public Task ExecuteAsync(HttpContext http) =>
        ExecuteResultAsync(new ActionContext(http, http.GetRouteData(), new ActionDescriptor()));
}
