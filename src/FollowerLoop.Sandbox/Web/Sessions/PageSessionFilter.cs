namespace FollowerLoop.Sandbox.Web.Sessions;

/// <summary>Pages need a live session; without one they redirect to the login flow, as x.com does.</summary>
internal sealed class PageSessionFilter(SessionStore sessions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (sessions.Find(http.Request.Cookies[SessionStore.AuthCookie]) is not { } session)
        {
            return Results.Redirect(LoginRedirect.For(http.Request));
        }

        http.SetSession(session);
        return await next(context);
    }
}
