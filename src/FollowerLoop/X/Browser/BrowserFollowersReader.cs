using FollowerLoop.X.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>
/// The account's followers from x.com's followers page, on the warm pages of <see cref="PlaywrightXClient"/>. The list is
/// read from the page's own Followers call, whose users carry the facts the page does not show (counts, join date, picture).
/// A later page is that same call with the cursor changed: x.com's page cannot open at a cursor, and scrolling down to one
/// from the top would cost a call per page before it. A page holds what one call loads (x.com asks for 20), whatever
/// <c>pageSize</c> asks.
/// </summary>
internal sealed class BrowserFollowersReader(PlaywrightXClient client, IOptions<XClientOptions> options, ILogger<BrowserFollowersReader> logger) : IFollowersReader
{
    private const string Operation = "followers read";
    private const string ListSettled = "[data-testid=\"UserCell\"], [data-testid=\"emptyState\"]";

    public Task<FollowersPage> ReadPageAsync(string? cursor, int pageSize, CancellationToken cancellationToken)
    {
        var handle = options.Value.Handle;
        XIdentifiers.ThrowIfNotHandle(handle);
        return client.RunAsync(Operation, async page =>
        {
            using var call = GraphQlCall.Watch(page, FollowersCall.Operation, url => FollowersCall.CursorOf(url) == cursor);
            Func<IRoute, Task>? atCursor = cursor is null ? null : route => route.ContinueAsync(new RouteContinueOptions { Url = FollowersCall.WithCursor(route.Request.Url, cursor) });
            if (atCursor is not null)
            {
                await page.RouteAsync(IsFollowersCall, atCursor, new PageRouteOptions { Times = 1 });
            }

            try
            {
                await client.Navigator.OpenAsync(page, $"/{handle}/followers", Operation);
                var answer = await client.AnswerAsync(call, Refusal);
                var read = await ReadAnswerAsync(page, handle, answer);
                Log.FollowersRead(logger, handle, read.Followers.Count, read.NextCursor is not null);
                return read;
            }
            finally
            {
                if (atCursor is not null)
                {
                    await page.UnrouteAsync(IsFollowersCall, atCursor);
                }
            }
        }, cancellationToken);
    }

    private async Task<FollowersPage> ReadAnswerAsync(IPage page, string handle, GraphQlAnswer answer)
    {
        var what = $"@{handle}'s followers";
        if (answer.Refusal is { } refusal)
        {
            throw refusal.Kind == XErrorKind.RateLimited
                ? XClientErrors.RateLimited(Operation, answer.RetryAfter)
                : XClientErrors.Said(Operation, what, refusal);
        }

        if (answer.Body is not { } body)
        {
            // No answer: the page says why (a login wall, an error state), or it never made the call.
            await PlaywrightXClient.ExpectAsync(page, ListSettled, Operation, what, answer, emptyStateIsError: false);
            throw XClientErrors.NoAnswer(Operation, FollowersCall.Operation, options.Value.ElementTimeout);
        }

        try
        {
            return GraphQlFollowers.Parse(body);
        }
        catch (XPageFormatException ex)
        {
            throw XClientErrors.UnreadableAnswer(Operation, FollowersCall.Operation, ex);
        }
    }

    private static bool IsFollowersCall(string url) => url.Contains($"/{FollowersCall.Operation}?", StringComparison.Ordinal);

    /// <summary>What X said instead of the list (errors, no user, an unavailable one); a shape it cannot read is left to the parse.</summary>
    private static XGraphQlErrorException? Refusal(string body)
    {
        try
        {
            GraphQlFollowers.Parse(body);
            return null;
        }
        catch (XGraphQlErrorException ex)
        {
            return ex;
        }
    }
}
