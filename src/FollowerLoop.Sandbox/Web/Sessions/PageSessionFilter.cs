namespace FollowerLoop.Sandbox.Web.Sessions;

/// <summary>
/// Pages need a live session; without one they redirect to the login flow, as x.com does. A page served with one
/// slides it: the session lives a full lifetime from now and its cookies are issued again, as x.com refreshes them.
/// </summary>
internal sealed class PageSessionFilter(SessionStore sessions) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (sessions.Find(http.Request.Cookies[SessionStore.AuthCookie]) is not { } session)
        {
            return Results.Redirect(LoginRedirect.For(http.Request));
        }

        session = sessions.Extend(session);
        SessionCookies.Issue(http.Response, session, sessions.Lifetime);
        http.SetSession(session);
        return await next(context);
    }
}
