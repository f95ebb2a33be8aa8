using FollowerLoop.Sandbox.Web.Html;
using FollowerLoop.Sandbox.Web.Sessions;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// x.com's LoginAcid step, /account/login_challenge: the emailed confirmation code in
/// <c>input[name="text"][data-testid="ocfEnterTextTextInput"]</c> and <c>[data-testid="ocfEnterTextNextButton"]</c>.
/// </summary>
internal static class LoginChallengePage
{
    public const string WrongCode = "Wrong code. Please try again.";

    public static string Render(string? error)
    {
        var body = $$"""
            <div role="dialog" aria-modal="true" aria-labelledby="modal-header" class="login-dialog"><form method="post" action="{{LoginRedirect.ChallengePath}}" class="login" autocomplete="off">
            <h1 id="modal-header" role="heading" aria-level="1"><span>Help us keep your account safe.</span></h1>
            <div dir="ltr"><span>Enter the confirmation code we sent to your email.</span></div>
            <label><div dir="ltr"><span>Confirmation code</span></div><input autocomplete="one-time-code" inputmode="numeric" name="text" type="text" dir="auto" data-testid="ocfEnterTextTextInput"></label>
            <button role="button" data-testid="ocfEnterTextNextButton" type="submit" class="primary-button"><div dir="ltr"><span><span>Next</span></span></div></button>
            </form></div>
            """;
        return PageLayout.Render("Log in to X", body, new PageConfig("login", null), null, ToastMarkup.Render(error));
    }
}
