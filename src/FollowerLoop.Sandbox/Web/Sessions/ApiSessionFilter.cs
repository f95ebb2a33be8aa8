using FollowerLoop.Sandbox.Web.GraphQl;

namespace FollowerLoop.Sandbox.Web.Sessions;

/// <summary>
/// The GraphQL API needs a live session (401, code 32 otherwise) and, for writes, the <c>x-csrf-token</c> header
/// equal to the <c>ct0</c> cookie (403, code 353), like x.com.
/// </summary>
internal sealed class ApiSessionFilter(SessionStore sessions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (sessions.Find(http.Request.Cookies[SessionStore.AuthCookie]) is not { } session)
        {
            return GraphQlErrors.NotAuthenticated();
        }

        if (!HttpMethods.IsGet(http.Request.Method)
            && !string.Equals(http.Request.Headers[SessionStore.CsrfHeader], session.Csrf, StringComparison.Ordinal))
        {
            return GraphQlErrors.CsrfMismatch();
        }

        http.SetSession(session);
        return await next(context);
    }
}
