using FollowerLoop.Sandbox.Web.Html;

namespace FollowerLoop.Sandbox.Web.Pages;

/// <summary>
/// x.com's sign-in flow on one page: <c>input[name="text"]</c> (autocomplete=username), <c>input[name="password"]</c>
/// and <c>[data-testid="LoginForm_Login_Button"]</c>. Errors appear as a toast, as on x.com ("Wrong password!").
/// </summary>
internal static class LoginPage
{
    public static string Render(string redirectAfterLogin, string? error)
    {
        var body = $$"""
            <div role="dialog" aria-modal="true" aria-labelledby="modal-header" class="login-dialog"><form method="post" action="/i/flow/login" class="login" autocomplete="on">
            <h1 id="modal-header" role="heading" aria-level="1"><span>Sign in to X</span></h1>
            <input type="hidden" name="redirect_after_login" value="{{HtmlText.Encode(redirectAfterLogin)}}">
            <label><div dir="ltr"><span>Phone, email, or username</span></div><input autocomplete="username" autocapitalize="sentences" autocorrect="off" name="text" type="text" dir="auto" spellcheck="false"></label>
            <label><div dir="ltr"><span>Password</span></div><input autocomplete="current-password" autocapitalize="sentences" autocorrect="off" name="password" type="password" dir="auto" spellcheck="true"></label>
            <button role="button" data-testid="LoginForm_Login_Button" type="submit" class="primary-button"><div dir="ltr"><span><span>Log in</span></span></div></button>
            </form></div>
            """;
        return PageLayout.Render("Log in to X", body, new PageConfig("login", null), null, ToastMarkup.Render(error));
    }
}
