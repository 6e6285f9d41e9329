using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace NucleusCloud.Web;

/// <summary>
/// A page's form that cannot be read (a value with a NUL character, a multipart body past its limits) or a post that is no form
/// at all (XML) made the component renderer throw when it read it, and the error page, re-executed for the same post, threw
/// again: a bare 500. Read here first, before anything else reads it: such a post answers 400 (413 when too large, 415 when it
/// is not a form) with the error page, and no page runs.
/// </summary>
public static class UnreadableForms
{
    public static IApplicationBuilder UseUnreadableFormRefusals(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!context.IsPagePost())
        {
            await next(context);
            return;
        }

        if (!string.IsNullOrEmpty(context.Request.ContentType) && !context.Request.HasFormContentType)
        {
            context.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
            return;
        }

        if (context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception unreadable) when (unreadable is InvalidDataException or BadHttpRequestException)
            {
                // Nothing was written: the status code pages draw the error page ("this address or form could not be read").
                context.Response.StatusCode = unreadable is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }
                    ? StatusCodes.Status413PayloadTooLarge
                    : StatusCodes.Status400BadRequest;
                return;
            }
        }

        await next(context);
    });
}
