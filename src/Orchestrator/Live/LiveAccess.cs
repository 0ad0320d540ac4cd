using Microsoft.AspNetCore.Http;

namespace Sweep.Orchestrator.Live;

/// <summary>Admits a request to a token-guarded live view: the token in <c>?token=</c> (the URL printed at start),
/// then in an HttpOnly, SameSite=Strict cookie set from it, since a browser's EventSource cannot send headers; or
/// as <c>Authorization: Bearer</c> for scripts. Anything else is refused with 401.</summary>
public static class LiveAccess
{
    public static bool Admits(HttpRequest request, LiveToken token) =>
        token.Matches(request.Query[LiveToken.QueryName].FirstOrDefault())
        || token.Matches(request.Cookies[LiveToken.CookieName])
        || request.Headers.Authorization.FirstOrDefault() is { } header
            && header.StartsWith("Bearer ", StringComparison.Ordinal) && token.Matches(header["Bearer ".Length..]);

    public static async Task GuardAsync(HttpContext context, LiveToken token, RequestDelegate next)
    {
        if (!Admits(context.Request, token))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync("This live view needs its token: open the URL the serving command printed (…/?token=…).\n");
            return;
        }
        if (context.Request.Query.ContainsKey(LiveToken.QueryName))
        {
            context.Response.Cookies.Append(LiveToken.CookieName, token.Value, new CookieOptions
            {
                HttpOnly = true,
                SameSite = SameSiteMode.Strict,
                Path = "/",
                IsEssential = true,
            });
            // The token leaves the address bar (and the history) once the cookie carries it.
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Path == "/")
            {
                context.Response.Redirect("/", permanent: false);
                return;
            }
        }
        await next(context);
    }
}
