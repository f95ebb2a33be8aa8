using FollowerLoop.X;
using FollowerLoop.X.Parsing;

namespace FollowerLoop.Browser.Tests.Parsing;

/// <summary>x.com's error states, which come as pages with status 200: told apart by place and markup, by words only in English.</summary>
public sealed class PageErrorsTests
{
    private const string Url = "https://x.com/someone/status/1";

    private static string Panel(string testId, string text) =>
        $"""<html><body><main role="main"><div data-testid="primaryColumn"><div data-testid="{testId}"><div dir="ltr"><span>{text}</span></div></div></div></main></body></html>""";

    [Theory]
    [InlineData("Something went wrong. Try reloading.", XErrorKind.Unavailable)]
    [InlineData("Rate limit exceeded. Sorry, you are rate limited. Please wait a few moments then try again.", XErrorKind.RateLimited)]
    [InlineData("Cannot retrieve posts at this time. Please try again later.", XErrorKind.RateLimited)]
    [InlineData("Hmm...this page doesn’t exist. Try searching for something else.", XErrorKind.NotFound)]
    [InlineData("This account doesn't exist", XErrorKind.NotFound)]
    [InlineData("Etwas ist schiefgelaufen. Versuche es erneut.", XErrorKind.Other)]
    public void ErrorDetail_IsToldByItsEnglishWords_AnotherLanguageIsOther(string shown, XErrorKind kind)
    {
        var error = PageErrors.Find(Url, Panel("error-detail", shown), emptyStateIsError: false);

        Assert.Equal(new PageError(kind, shown), error);
    }

    [Theory]
    [InlineData("These posts are protected", XErrorKind.Protected)]
    [InlineData("Account suspended", XErrorKind.Suspended)]
    public void EmptyState_IsAnErrorWhereAPostOrProfileWasAskedFor_NotOnATimeline(string shown, XErrorKind kind)
    {
        var html = Panel("empty_state_header_text", shown);

        Assert.Equal(kind, PageErrors.Find(Url, html, emptyStateIsError: true)?.Kind);
        Assert.Null(PageErrors.Find(Url, html, emptyStateIsError: false));
    }

    [Theory]
    [InlineData("https://x.com/account/access", XErrorKind.Locked)]
    [InlineData("https://x.com/account/login_challenge?x=1", XErrorKind.LoginChallenge)]
    public void WhereXSendsTheBrowser_SaysLockedOrChallenged_InAnyLanguage(string url, XErrorKind kind)
    {
        Assert.Equal(kind, PageErrors.KindOfPath(url));
        Assert.Equal(kind, PageErrors.Find(url, "<html><body><h1>Konto gesperrt</h1></body></html>", emptyStateIsError: false)?.Kind);
    }

    [Fact]
    public void ChallengeInput_OnTheLoginFlow_IsAChallenge() =>
        Assert.Equal(
            XErrorKind.LoginChallenge,
            PageErrors.Find("https://x.com/i/flow/login", """<input data-testid="ocfEnterTextTextInput" name="text" type="text">""", emptyStateIsError: false)?.Kind);

    [Fact]
    public void APageWithItsContent_HasNoError() =>
        Assert.Null(PageErrors.Find(Url, SavedPages.Read("tweetyoink__x-tweet-sample.html"), emptyStateIsError: true));
}
