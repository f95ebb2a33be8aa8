using FollowerLoop.X.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>
/// Types a post into x.com's Draft.js composer and sends it. The composer only enables its button
/// for real key presses (<c>fill</c> leaves it disabled), so the text is typed.
/// </summary>
internal sealed class XComposer(XClientOptions options, XPageNavigator navigator, TimeProvider time, ILogger logger)
{
    public const string Composer = "div[data-testid=\"tweetTextarea_0\"]";
    private const string EnabledPostButton = "[data-testid=\"tweetButtonInline\"]:not([aria-disabled=\"true\"])";
    private const string ToastPostLink = "[data-testid=\"toast\"] a[href*=\"/status/\"]";

    /// <summary>Sends <paramref name="text"/> from the composer on <paramref name="page"/> (home, or a post's page for a reply).</summary>
    public async Task<PostedTweet> SendAsync(IPage page, string text)
    {
        await page.Locator(Composer).First.ClickAsync();
        await page.Keyboard.TypeAsync(text, new KeyboardTypeOptions { Delay = (float)options.TypingDelay.TotalMilliseconds });
        var button = page.Locator(EnabledPostButton).First;
        await button.WaitForAsync();

        // From the click on, the post may exist: a missing confirmation is reported, never retried blindly.
        // Without the CreateTweet answer (renamed call?), the "Your post was sent" toast, if still shown, has the link.
        IResponse createTweet;
        try
        {
            createTweet = await page.RunAndWaitForResponseAsync(
                () => button.ClickAsync(),
                IsCreateTweet,
                new PageRunAndWaitForResponseOptions { Timeout = (float)options.PostTimeout.TotalMilliseconds });
        }
        catch (TimeoutException)
        {
            return await FromToastAsync(page) ?? throw XClientErrors.PostUnconfirmed(options.PostTimeout);
        }

        navigator.ThrowIfUnavailable(page.Url, createTweet, "post");
        // An answer whose body never came (the connection died after its headers) confirms nothing either.
        if (await ResponseBody.ReadAsync(createTweet, options.PostTimeout) is not { } body)
        {
            return await FromToastAsync(page) ?? throw XClientErrors.PostUnconfirmed(options.PostTimeout);
        }

        var result = ReadCreateTweet(createTweet, body);
        if (result.Errors.Count > 0)
        {
            // x.com refuses with 200 (or 403) and error codes: 187 duplicate, 186 too long, 226 looks automated.
            Log.PostRefused(logger, result.Errors[0].Code, result.Errors[0].Message);
            throw XClientErrors.PostRejected(result.Errors);
        }

        // The id is what matters once seen (a failure now would lose a post that exists); the author is the session's account.
        return Posted(result.TweetId!, result.Handle ?? options.Handle);
    }

    private static bool IsCreateTweet(IResponse response) =>
        response.Request.Method == "POST" && response.Url.Contains("/CreateTweet", StringComparison.Ordinal);

    private static CreateTweetResult ReadCreateTweet(IResponse response, string body)
    {
        try
        {
            return GraphQlResponses.ParseCreateTweet(body);
        }
        catch (XPageFormatException ex)
        {
            throw response.Ok ? XClientErrors.UnreadableMarkup("post (CreateTweet response)", ex) : XClientErrors.Refused("post", response.Status);
        }
    }

    /// <summary>x.com's "Your post was sent" toast links to the new post: the fallback when no CreateTweet answer was seen.</summary>
    private async Task<PostedTweet?> FromToastAsync(IPage page)
    {
        var link = page.Locator(ToastPostLink).First;
        if (!await link.IsVisibleAsync())
        {
            return null;
        }

        var segments = TweetArticles.PathOf(await link.GetAttributeAsync("href")).Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments is not [var handle, "status", var tweetId, ..])
        {
            return null;
        }

        Log.PostIdFromToast(logger);
        return Posted(tweetId, handle);
    }

    private PostedTweet Posted(string tweetId, string handle)
    {
        Log.Posted(logger, tweetId, handle);
        return new PostedTweet(tweetId, handle, time.GetUtcNow());
    }
}
