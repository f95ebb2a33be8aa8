using AngleSharp.Html.Parser;

namespace FollowerLoop.X.Parsing;

/// <summary>
/// x.com is a single-page app: its errors come as pages with status 200. Where X sends the browser
/// (<c>/account/access</c> for a locked account, <c>/account/login_challenge</c>) and the challenge input
/// are language-free; the error panels (<c>error-detail</c>, the empty state's header) say what happened in
/// the interface's language, read in English only: other words give <see cref="XErrorKind.Other"/>, never a guess.
/// </summary>
public static class PageErrors
{
    /// <summary>The panels x.com shows instead of what was asked for: an error, or a challenge.</summary>
    public const string Selector = $"[data-testid=\"error-detail\"], {ChallengeInput}";

    /// <summary>The text box of x.com's login challenges (LoginAcid, 2FA, a confirmation code).</summary>
    public const string ChallengeInput = "[data-testid=\"ocfEnterTextTextInput\"]";

    /// <summary>An empty state: an error where a post or a profile was asked for (protected, suspended), an empty result on a timeline.</summary>
    public const string EmptyState = "[data-testid=\"empty_state_header_text\"]";

    private static readonly (string Words, XErrorKind Kind)[] EnglishStates =
    [
        ("rate limit", XErrorKind.RateLimited),
        ("cannot retrieve posts", XErrorKind.RateLimited),
        ("wait a few moments", XErrorKind.RateLimited),
        ("something went wrong", XErrorKind.Unavailable),
        ("suspend", XErrorKind.Suspended),
        ("protected", XErrorKind.Protected),
        ("limits who can view", XErrorKind.Protected),
        ("doesn’t exist", XErrorKind.NotFound),
        ("doesn't exist", XErrorKind.NotFound),
        ("was deleted", XErrorKind.NotFound),
        ("no longer exists", XErrorKind.NotFound),
    ];

    /// <summary>Where x.com sends a locked account (any page, until a person unlocks it) or an interrupted login; null elsewhere.</summary>
    public static XErrorKind? KindOfPath(string url)
    {
        var path = TweetArticles.PathOf(url);
        return path.StartsWith("/account/access", StringComparison.Ordinal) ? XErrorKind.Locked
            : path.StartsWith("/account/login_challenge", StringComparison.Ordinal) ? XErrorKind.LoginChallenge
            : null;
    }

    /// <summary>The error state of a page at <paramref name="url"/>, or null when it shows none.</summary>
    /// <param name="emptyStateIsError">True where one post or profile was asked for; a timeline's empty state is just no results.</param>
    public static PageError? Find(string url, string html, bool emptyStateIsError)
    {
        ArgumentNullException.ThrowIfNull(html);
        using var document = new HtmlParser().ParseDocument(html);
        switch (KindOfPath(url))
        {
            case XErrorKind.Locked:
                return new PageError(XErrorKind.Locked, "the account access page (/account/access)");
            case XErrorKind.LoginChallenge:
            case null when document.QuerySelector(ChallengeInput) is not null:
                return new PageError(XErrorKind.LoginChallenge, "a login challenge (a code or a confirmation of the account)");
        }

        var panel = document.QuerySelector("[data-testid=\"error-detail\"]") ?? (emptyStateIsError ? document.QuerySelector(EmptyState)?.ParentElement : null);
        if (panel is null)
        {
            return null;
        }

        var shown = TweetArticles.NormalizedText(panel);
        var kind = EnglishStates.FirstOrDefault(state => shown.Contains(state.Words, StringComparison.OrdinalIgnoreCase)).Kind;
        return new PageError(kind, shown);
    }
}
