namespace FollowerLoop.Sandbox.Web.Sessions;

internal static class SessionExtensions
{
    private const string SessionKey = "sandbox.session";

    /// <summary>The request's session, as checked by the session filters; null on public pages.</summary>
    public static Session? GetSession(this HttpContext context) => context.Items[SessionKey] as Session;

    public static void SetSession(this HttpContext context, Session session) => context.Items[SessionKey] = session;
}
