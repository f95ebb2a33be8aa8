using System.Security.Cryptography;
using System.Text;
using FollowerLoop.Sandbox.Web.Sessions;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// /i/flow/login: GET shows the form (or goes home when already logged in); POST checks the handle and password,
/// sets <c>auth_token</c> (HttpOnly) and <c>ct0</c> cookies and redirects to <c>redirect_after_login</c> or /home.
/// </summary>
internal static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginRedirect.LoginPath, (HttpContext context, SessionStore sessions) =>
            sessions.Find(context.Request.Cookies[SessionStore.AuthCookie]) is not null
                ? Results.Redirect(LoginRedirect.SafeTarget(context.Request.Query["redirect_after_login"]))
                : HtmlPage.Ok(LoginPage.Render(LoginRedirect.SafeTarget(context.Request.Query["redirect_after_login"]), null)));
        app.MapPost(LoginRedirect.LoginPath, LogInAsync);
        return app;
    }

    private static async Task<IResult> LogInAsync(HttpContext context, SandboxOptions options, SessionStore sessions, ILogger<SessionStore> logger, CancellationToken cancellationToken)
    {
        if (!context.Request.HasFormContentType)
        {
            return Results.BadRequest("Post the login form (application/x-www-form-urlencoded) with fields text and password.");
        }

        var form = await context.Request.ReadFormAsync(cancellationToken);
        var name = form["text"].ToString().Trim().TrimStart('@');
        var target = LoginRedirect.SafeTarget(form["redirect_after_login"]);
        if (!string.Equals(name, options.Handle, StringComparison.OrdinalIgnoreCase))
        {
            Log.LoginFailed(logger, name, "unknown account");
            return HtmlPage.Ok(LoginPage.Render(target, "Sorry, we could not find your account."));
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(form["password"].ToString()), Encoding.UTF8.GetBytes(options.Password)))
        {
            Log.LoginFailed(logger, name, "wrong password");
            return HtmlPage.Ok(LoginPage.Render(target, "Wrong password!"));
        }

        var session = sessions.Create(options.Handle);
        var lifetime = sessions.Lifetime;
        context.Response.Cookies.Append(SessionStore.AuthCookie, session.Token, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = lifetime });

        // ct0 stays readable by the page's script, which echoes it in x-csrf-token, as x.com's does.
        context.Response.Cookies.Append(SessionStore.CsrfCookie, session.Csrf, new CookieOptions { HttpOnly = false, SameSite = SameSiteMode.Lax, Path = "/", MaxAge = lifetime });
        Log.LoginSucceeded(logger, options.Handle);
        return Results.Redirect(target);
    }
}
