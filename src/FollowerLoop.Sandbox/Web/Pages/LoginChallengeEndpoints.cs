using FollowerLoop.Sandbox.Web.Sessions;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// /account/login_challenge, where the <c>challenge</c> fault sends a correct login: GET shows the code form, POST with
/// <see cref="SandboxOptions.ChallengeCode"/> in <c>text</c> opens the session (the login's cookies) and goes on to
/// where the login was going; a wrong code shows the form again. Without a pending login both go back to /i/flow/login.
/// </summary>
internal static class LoginChallengeEndpoints
{
    public static IEndpointRouteBuilder MapLoginChallenge(this IEndpointRouteBuilder app)
    {
        app.MapGet(LoginRedirect.ChallengePath, (HttpContext context, LoginChallenges challenges) =>
            challenges.Find(context.Request) is null ? Results.Redirect(LoginRedirect.LoginPath) : HtmlPage.Ok(LoginChallengePage.Render(null)));
        app.MapPost(LoginRedirect.ChallengePath, ConfirmAsync);
        return app;
    }

    private static async Task<IResult> ConfirmAsync(HttpContext context, SandboxOptions options, SessionStore sessions, LoginChallenges challenges, ILogger<SessionStore> logger, CancellationToken cancellationToken)
    {
        if (challenges.Find(context.Request) is not { } pending)
        {
            return Results.Redirect(LoginRedirect.LoginPath);
        }

        var code = context.Request.HasFormContentType ? (await context.Request.ReadFormAsync(cancellationToken))["text"].ToString().Trim() : string.Empty;
        if (!Secrets.Match(code, options.ChallengeCode))
        {
            Log.LoginFailed(logger, pending.Handle, "wrong confirmation code");
            return HtmlPage.Ok(LoginChallengePage.Render(LoginChallengePage.WrongCode));
        }

        challenges.Complete(context.Request, context.Response);
        SessionCookies.Issue(context.Response, sessions.Create(pending.Handle), sessions.Lifetime);
        Log.LoginSucceeded(logger, pending.Handle);
        return Results.Redirect(pending.Target);
    }
}
