using FollowerLoop.Sandbox.Web.Faults;
using FollowerLoop.Sandbox.Web.Sessions;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// /i/flow/login: GET shows the form (or goes home when already logged in, unless a login wall is queued); POST checks the handle and password,
/// sets <c>auth_token</c> (HttpOnly) and <c>ct0</c> cookies and redirects to <c>redirect_after_login</c> or /home
/// (under the <c>challenge</c> fault, to the confirmation-code step instead).
/// </summary>
internal static class LoginEndpoints
{
    public static IEndpointRouteBuilder MapLogin(this IEndpointRouteBuilder app)
    {
        // While a login wall is queued X is refusing the session: its login page shows the form (going back would only
        // meet the wall again, a redirect loop no browser follows for long).
        app.MapGet(LoginRedirect.LoginPath, (HttpContext context, SessionStore sessions, FaultQueue faults) =>
            sessions.Find(context.Request.Cookies[SessionStore.AuthCookie]) is not null && !faults.Holds(SandboxFaultMode.LoginWall)
                ? Results.Redirect(LoginRedirect.SafeTarget(context.Request.Query["redirect_after_login"]))
                : HtmlPage.Ok(LoginPage.Render(LoginRedirect.SafeTarget(context.Request.Query["redirect_after_login"]), null)));
        app.MapPost(LoginRedirect.LoginPath, LogInAsync);
        return app;
    }

    private static async Task<IResult> LogInAsync(HttpContext context, SandboxOptions options, SessionStore sessions, LoginChallenges challenges, ILogger<SessionStore> logger, CancellationToken cancellationToken)
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

        if (!Secrets.Match(form["password"].ToString(), options.Password))
        {
            Log.LoginFailed(logger, name, "wrong password");
            return HtmlPage.Ok(LoginPage.Render(target, "Wrong password!"));
        }

        if (context.Fault() == SandboxFaultMode.Challenge)
        {
            // x.com's LoginAcid step: the password was right, but the session waits for the emailed code.
            challenges.Start(context.Response, options.Handle, target);
            Log.LoginChallenged(logger, options.Handle);
            return Results.Redirect(LoginRedirect.ChallengePath);
        }

        SessionCookies.Issue(context.Response, sessions.Create(options.Handle), sessions.Lifetime);
        Log.LoginSucceeded(logger, options.Handle);
        return Results.Redirect(target);
    }
}
