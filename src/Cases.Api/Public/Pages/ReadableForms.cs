using Microsoft.AspNetCore.Mvc.Filters;

namespace Cases.Api.Public.Pages;

/// <summary>
/// Reads a posted form before the page binds it: model binding would take a form Kestrel refuses (over the size limit,
/// cut off) for an empty one, and the reader would get a page that fits nothing they did. Such a form gets its refusal
/// page instead, in the reader's language; a readable one is kept for the binding.
/// </summary>
public sealed class ReadableForms : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var request = context.HttpContext.Request;
        if (request.HasFormContentType)
        {
            try
            {
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (BadHttpRequestException refused)
            {
                context.Result = new RefusalResult(refused.StatusCode,
                    refused.StatusCode == StatusCodes.Status413PayloadTooLarge ? "TooLarge" : "Unreadable");
                return;
            }
            catch (InvalidDataException)
            {
                context.Result = new RefusalResult(StatusCodes.Status400BadRequest, "Unreadable");
                return;
            }
        }
        await next();
    }
}
