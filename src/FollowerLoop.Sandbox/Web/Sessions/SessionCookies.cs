namespace FollowerLoop.Sandbox.Web.Sessions;

/// <summary>The session's cookies, the same at login and on every page that slides the session.</summary>
internal static class SessionCookies
{
    public static void Issue(HttpResponse response, Session session, TimeSpan lifetime)
    {
        response.Cookies.Append(SessionStore.AuthCookie, session.Token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = lifetime });

        // ct0 stays readable by the page's script, which echoes it in x-csrf-token, as x.com's does.
        response.Cookies.Append(SessionStore.CsrfCookie, session.Csrf, new CookieOptions { HttpOnly = false, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = lifetime });
    }
}
