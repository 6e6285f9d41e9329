using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Http;

namespace NucleusCloud.Web;

/// <summary>Which requests are a form posted to a page (the component renderer reads them), for the middlewares that guard it.</summary>
internal static class PagePosts
{
    public static bool IsPagePost(this HttpContext context) =>
        HttpMethods.IsPost(context.Request.Method) && context.GetEndpoint()?.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
}
