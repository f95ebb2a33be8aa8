using FollowerLoop.X.Parsing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>
/// <see cref="IXClient"/> through a real browser on x.com's own pages, read with the same parsers
/// as the saved fixtures. Each operation runs on a warm page of one long-lived context holding the saved
/// session (<see cref="WarmPages"/>), on the one long-lived browser of <see cref="BrowserHost"/>. What a page does not show is null.
/// </summary>
public sealed class PlaywrightXClient : IXClient, IAsyncDisposable, IDisposable
{
    private const string ProfileHeader = "[data-testid=\"UserName\"]";
    private const string TimelineSettled = "article[data-testid=\"tweet\"], [data-testid=\"emptyState\"]";
    private const string ArticleCount = "() => document.querySelectorAll('article[data-testid=\"tweet\"]').length";
    private const int MaxScrolls = 5;

    private readonly XSession _session;
    private readonly XClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PlaywrightXClient> _logger;
    private readonly XPageNavigator _navigator;
    private readonly XComposer _composer;
    private readonly WarmPages _pages;
    private readonly MetricsQueue _metrics;

    public PlaywrightXClient(BrowserHost browser, XSession session, IOptions<XClientOptions> options, TimeProvider time, ILogger<PlaywrightXClient> logger)
    {
        _session = session;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _navigator = new XPageNavigator(_options, session, time, logger);
        _composer = new XComposer(_options, _navigator, time, logger);
        _pages = new WarmPages(browser, session, _options, logger);
        _metrics = new MetricsQueue(_options.MaxPages, ReadMetricsAsync, (handle, ids) => GetRecentMetricsAsync(handle, ids, CancellationToken.None));
    }

    /// <summary>Opens x.com's pages for this client's operations and for readers that share its warm pages (<see cref="BrowserFollowersReader"/>).</summary>
    internal XPageNavigator Navigator => _navigator;

    public ValueTask DisposeAsync() => _pages.DisposeAsync();

    /// <summary>For hosts disposed synchronously; Playwright has only an asynchronous close.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public Task<PostedTweet> PostAsync(string text, CancellationToken cancellationToken)
    {
        ThrowIfRefused(text);
        return RunAsync("post", async page =>
        {
            await _navigator.OpenAsync(page, "/home", "post");
            await ExpectAsync(page, XComposer.Composer, "post", "the home timeline's composer");
            return await _composer.SendAsync(page, text);
        }, cancellationToken);
    }

    public Task<PostedTweet> ReplyAsync(string inReplyToTweetId, string text, CancellationToken cancellationToken)
    {
        XIdentifiers.ThrowIfNotTweetId(inReplyToTweetId);
        ThrowIfRefused(text);
        return RunAsync("reply", async page =>
        {
            // x.com serves any post at /i/status/{id}, whoever wrote it; the reply composer sits under it.
            await _navigator.OpenAsync(page, $"/i/status/{inReplyToTweetId}", "reply");
            await ExpectAsync(page, FocalPost(inReplyToTweetId), "reply", $"post {inReplyToTweetId}");
            return await _composer.SendAsync(page, text);
        }, cancellationToken);
    }

    public Task<TweetMetrics> GetTweetMetricsAsync(string handle, string tweetId, CancellationToken cancellationToken)
    {
        XIdentifiers.ThrowIfNotHandle(handle);
        XIdentifiers.ThrowIfNotTweetId(tweetId);
        return _metrics.ReadAsync(handle, tweetId, cancellationToken);
    }

    /// <summary>One post's metrics from its own page (a read of the <see cref="MetricsQueue"/>, on behalf of all its callers).</summary>
    private Task<TweetMetrics> ReadMetricsAsync(string handle, string tweetId) =>
        RunAsync("metrics read", async page =>
        {
            // The page's labels are rounded and in the account's language; the TweetDetail call the page makes has exact numbers.
            using var detail = GraphQlCall.Watch(page, "TweetDetail", tweetId);
            await _navigator.OpenAsync(page, $"/{handle}/status/{tweetId}", "metrics read");
            var answer = await AnswerAsync(detail, body => GraphQlResponses.WhyMissing(body, tweetId));
            var exact = answer.Body is { } body ? ExactPostsIn(body).FirstOrDefault(post => post.TweetId == tweetId) : null;
            // Every count in the answer: the page has nothing to add, and reading it would only cost time.
            var tweet = exact is { Counts: { Replies: not null, Reposts: not null, Likes: not null, Bookmarks: not null, Views: not null } }
                ? exact
                : await ReadPostPageAsync(page, tweetId, answer, exact);
            Log.MetricsRead(_logger, tweet.TweetId, tweet.Handle, tweet.Counts.Likes, tweet.Counts.Views);
            return tweet.ToMetrics(_time.GetUtcNow());
        }, CancellationToken.None);

    /// <summary>The post's page: its error state, told precisely by the page's answer, or its counts where the answer (<paramref name="exact"/>) has none.</summary>
    private static async Task<ParsedTweet> ReadPostPageAsync(IPage page, string tweetId, GraphQlAnswer answer, ParsedTweet? exact)
    {
        await ExpectAsync(page, FocalPost(tweetId), "metrics read", $"post {tweetId}", answer);
        var html = await page.ContentAsync();
        var shown = Read("metrics read", () => TweetPageParser.Parse(html, tweetId));
        return exact is null ? shown : WithExactCounts(shown, exact);
    }

    public Task<IReadOnlyList<TweetMetrics>> GetRecentMetricsAsync(string handle, IReadOnlyCollection<string> tweetIds, CancellationToken cancellationToken)
    {
        XIdentifiers.ThrowIfNotHandle(handle);
        ArgumentNullException.ThrowIfNull(tweetIds);
        foreach (var tweetId in tweetIds)
        {
            XIdentifiers.ThrowIfNotTweetId(tweetId);
        }

        if (tweetIds.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<TweetMetrics>>([]);
        }

        return RunAsync<IReadOnlyList<TweetMetrics>>("timeline read", async page =>
        {
            // One page for many posts: the profile's timeline, whose UserTweets calls carry every post's exact counts.
            using var feed = GraphQlFeed.Watch(page, "UserTweets", _options.ElementTimeout);
            await _navigator.OpenAsync(page, $"/{handle}", "timeline read");
            await ExpectAsync(page, TimelineSettled, "timeline read", $"@{handle}'s posts", emptyStateIsError: false);
            var wanted = tweetIds.ToHashSet(StringComparer.Ordinal);
            var oldestWanted = wanted.Min(id => Snowflake.TimeOf(id));
            var shown = await CollectAsync(
                page,
                int.MaxValue,
                TweetPageParser.ParseAll,
                tweet => tweet.TweetId,
                // Newest first: past the oldest post wanted, the rest is older still (a pinned post and reposts aside, hence the account's last).
                seen => wanted.IsSubsetOf(seen.Select(tweet => tweet.TweetId))
                    || (seen.LastOrDefault(tweet => tweet.Handle.Equals(handle, StringComparison.OrdinalIgnoreCase)) is { } last && Snowflake.TimeOf(last.TweetId) < oldestWanted));
            var exact = (await feed.BodiesAsync()).SelectMany(ExactPostsIn).ToLookup(post => post.TweetId);
            var now = _time.GetUtcNow();
            var read = shown
                .Where(tweet => wanted.Contains(tweet.TweetId))
                .Select(tweet => (exact[tweet.TweetId].FirstOrDefault() is { } counted ? WithExactCounts(tweet, counted) : tweet).ToMetrics(now))
                .ToList();
            Log.TimelineRead(_logger, handle, read.Count, wanted.Count);
            return read;
        }, cancellationToken);
    }

    public Task<ProfileStats> GetProfileAsync(string handle, CancellationToken cancellationToken)
    {
        XIdentifiers.ThrowIfNotHandle(handle);
        return RunAsync("profile read", async page =>
        {
            // The page's counts are rounded; x.com's UserByScreenName call, which the page makes, has them exact.
            using var user = GraphQlCall.Watch(page, "UserByScreenName", handle);
            await _navigator.OpenAsync(page, $"/{handle}", "profile read");
            var answer = await AnswerAsync(user, UserRefusal);
            if (answer.Refusal is { Kind: XErrorKind.NotFound or XErrorKind.Suspended or XErrorKind.Locked } refusal)
            {
                // A definitive answer stands even where the page still draws a header (a suspended account's).
                throw XClientErrors.Said("profile read", $"@{handle}", refusal);
            }

            var exact = ExactProfileIn(answer.Body, handle);
            // Both counts in the answer: the page, whose counts are rounded, has nothing to add.
            var profile = exact is { Followers: not null, Following: not null }
                ? exact
                : await ReadProfilePageAsync(page, handle, answer, exact);
            Log.ProfileRead(_logger, profile.Handle, profile.Followers?.Value, profile.Followers?.IsExact ?? false);
            return profile.ToStats(_time.GetUtcNow());
        }, cancellationToken);
    }

    /// <summary>The profile's page: its error state, or its rounded counts where the answer (<paramref name="exact"/>) has none.</summary>
    private static async Task<ParsedProfile> ReadProfilePageAsync(IPage page, string handle, GraphQlAnswer answer, ParsedProfile? exact)
    {
        await ExpectAsync(page, ProfileHeader, "profile read", $"@{handle}", answer);
        var html = await page.ContentAsync();
        var shown = Read("profile read", () => ProfilePageParser.Parse(html, handle));
        return exact is null ? shown : shown with { Followers = exact.Followers ?? shown.Followers, Following = exact.Following ?? shown.Following };
    }

    public Task<IReadOnlyList<FoundTweet>> SearchRecentAsync(string query, int limit, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return RunAsync<IReadOnlyList<FoundTweet>>("search", async page =>
        {
            await _navigator.OpenAsync(page, $"/search?q={Uri.EscapeDataString(query)}&src=typed_query&f=live", "search");
            await ExpectAsync(page, TimelineSettled, "search", $"the search for \"{query}\"", emptyStateIsError: false);
            var found = await CollectAsync(page, limit, SearchResultsParser.Parse, tweet => tweet.TweetId);
            Log.SearchRead(_logger, query, found.Count);
            return found;
        }, cancellationToken);
    }

    public Task<IReadOnlyList<Mention>> GetMentionsAsync(int limit, string? sinceId, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return RunAsync<IReadOnlyList<Mention>>("mentions read", async page =>
        {
            await _navigator.OpenAsync(page, "/notifications/mentions", "mentions read");
            await ExpectAsync(page, TimelineSettled, "mentions read", "the mentions", emptyStateIsError: false);
            var mentions = (await CollectAsync(page, limit, html => MentionsPageParser.Parse(html, _options.Handle), m => m.TweetId))
                .Where(m => XIdentifiers.IsNewer(m.TweetId, sinceId))
                .ToList();
            Log.MentionsRead(_logger, mentions.Count);
            return mentions;
        }, cancellationToken);
    }

    private static XGraphQlErrorException? UserRefusal(string body)
    {
        try
        {
            GraphQlResponses.ParseUserByScreenName(body);
            return null;
        }
        catch (XGraphQlErrorException ex)
        {
            return ex;
        }
    }

    private static string FocalPost(string tweetId) => $"article[data-testid=\"tweet\"] a[href$=\"/status/{tweetId}\"] time";

    /// <summary>Refuses what x.com would refuse, before any page is opened.</summary>
    private static void ThrowIfRefused(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var check = TweetLength.Check(text);
        if (!check.IsAcceptable)
        {
            throw XClientErrors.TextRefused(check.Problem!);
        }
    }

    private static T Read<T>(string operation, Func<T> parse)
    {
        try
        {
            return parse();
        }
        catch (XPageFormatException ex)
        {
            throw XClientErrors.UnreadableMarkup(operation, ex);
        }
    }

    internal Task<GraphQlAnswer> AnswerAsync(GraphQlCall call, Func<string, XGraphQlErrorException?> refusalIn) =>
        call.AnswerAsync(_options.ElementTimeout, _time.GetUtcNow(), refusalIn);

    /// <summary>
    /// Waits until the page shows <paramref name="expected"/> or one of x.com's error states (sent with status 200); throws
    /// the error the page shows, told precisely by the page's GraphQL <paramref name="answer"/> where it says something.
    /// </summary>
    internal static async Task ExpectAsync(IPage page, string expected, string operation, string what, GraphQlAnswer? answer = null, bool emptyStateIsError = true)
    {
        var errors = emptyStateIsError ? $"{PageErrors.Selector}, {PageErrors.EmptyState}" : PageErrors.Selector;
        await page.Locator($"{expected}, {errors}").First.WaitForAsync();
        if (await page.Locator(expected).CountAsync() > 0)
        {
            return;
        }

        var said = answer ?? GraphQlAnswer.None;

        var shown = PageErrors.Find(page.Url, await page.ContentAsync(), emptyStateIsError)
            ?? new PageError(XErrorKind.Other, "neither what was asked for nor an error x.com is known to show");
        throw XClientErrors.Shown(operation, what, shown, said.Refusal, said.RetryAfter);
    }

    /// <summary>The user of a UserByScreenName answer when it is <paramref name="handle"/>; null when there is none to read.</summary>
    private ParsedProfile? ExactProfileIn(string? body, string handle)
    {
        if (body is null)
        {
            return null;
        }

        try
        {
            var exact = GraphQlResponses.ParseUserByScreenName(body);
            return string.Equals(exact.Handle, handle, StringComparison.OrdinalIgnoreCase) ? exact : null;
        }
        catch (XPageFormatException ex)
        {
            Log.GraphQlResponseUnreadable(_logger, "UserByScreenName", ex.Message);
            return null;
        }
    }

    /// <summary>Each count from the GraphQL answer where it has one; the page's (rounded) where it has not.</summary>
    private static ParsedTweet WithExactCounts(ParsedTweet shown, ParsedTweet exact)
    {
        var (page, read) = (shown.Counts, exact.Counts);
        return shown with
        {
            Counts = new EngagementCounts(read.Replies ?? page.Replies, read.Reposts ?? page.Reposts, read.Likes ?? page.Likes, read.Bookmarks ?? page.Bookmarks, read.Views ?? page.Views),
        };
    }

    /// <summary>The posts of a timeline response (TweetDetail, UserTweets); none when it cannot be read (the page's counts then stand).</summary>
    private IReadOnlyList<ParsedTweet> ExactPostsIn(string body)
    {
        try
        {
            return GraphQlResponses.ParseTimeline(body);
        }
        catch (Exception ex) when (ex is XPageFormatException or XGraphQlErrorException)
        {
            Log.GraphQlResponseUnreadable(_logger, "timeline", ex.Message);
            return [];
        }
    }

    /// <summary>
    /// x.com loads more posts as the page scrolls and drops those scrolled past, so results are gathered on the way,
    /// until <paramref name="limit"/> are found, <paramref name="enough"/> says so, or no more come.
    /// </summary>
    private async Task<IReadOnlyList<T>> CollectAsync<T>(IPage page, int limit, Func<string, IReadOnlyList<T>> parse, Func<T, string> idOf, Func<List<T>, bool>? enough = null)
    {
        var found = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var scroll = 0; ; scroll++)
        {
            var html = await Bounded(page.ContentAsync());
            found.AddRange(parse(html).Where(item => seen.Add(idOf(item))));
            if (found.Count >= limit || (found.Count > 0 && enough?.Invoke(found) == true) || scroll == MaxScrolls || !await ScrolledToMoreAsync(page))
            {
                return found.Take(limit).ToList();
            }
        }
    }

    private async Task<bool> ScrolledToMoreAsync(IPage page)
    {
        var before = await Bounded(page.EvaluateAsync<int>(ArticleCount));
        await Bounded(page.EvaluateAsync("() => window.scrollTo(0, document.body.scrollHeight)"));
        try
        {
            await page.WaitForFunctionAsync(
                $"before => ({ArticleCount})() > before",
                before,
                new PageWaitForFunctionOptions { Timeout = (float)_options.SearchScrollTimeout.TotalMilliseconds });
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// A read or script on the page, which takes no timeout of its own: one that does not answer within the element
    /// timeout fails its step (TimeoutException) rather than holding a reader until the operation's deadline (seen once
    /// in about twenty sandbox demo runs: a timeline read that stopped among these steps and never went on).
    /// </summary>
    private Task<T> Bounded<T>(Task<T> step) => step.WaitAsync(_options.ElementTimeout);

    /// <summary>One operation on a warm page of the session's context; timeouts and browser failures become retryable errors.</summary>
    internal async Task<T> RunAsync<T>(string operation, Func<IPage, Task<T>> body, CancellationToken cancellationToken)
    {
        // A call to a browser killed mid-step may never answer: the operation as a whole has a deadline (and a login's time).
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_options.OperationTimeout + _options.LoginTimeout);
        try
        {
            // Playwright calls take no token: the steps are raced with it, and the page they leave unsure is closed, not reused.
            return await _pages.WithPageAsync(
                async (page, context) =>
                {
                    var result = await body(page).WaitAsync(deadline.Token);
                    await SaveSessionBackAsync(context, deadline.Token);
                    return result;
                },
                deadline.Token);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException or OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException($"X {operation} was cancelled.", ex, cancellationToken);
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested)
        {
            throw Logged(operation, XClientErrors.TimedOut(operation, new TimeoutException($"no answer within XClient:OperationTimeout + LoginTimeout ({_options.OperationTimeout + _options.LoginTimeout})", ex)));
        }
        catch (TimeoutException ex)
        {
            // Playwright reports a page or element that did not come in time as System.TimeoutException.
            throw Logged(operation, XClientErrors.TimedOut(operation, ex));
        }
        catch (PlaywrightException ex)
        {
            throw Logged(operation, XClientErrors.BrowserFailed(operation, ex));
        }
        catch (XClientException ex) when (LogFailure(operation, ex))
        {
            throw;
        }
    }

    /// <summary>Keeps the cookies x.com renewed during the operation; a failure to save loses nothing the next login cannot restore.</summary>
    private async Task SaveSessionBackAsync(IBrowserContext context, CancellationToken cancellationToken)
    {
        try
        {
            await _session.SaveBackAsync(context, cancellationToken).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or PlaywrightException)
        {
            Log.SessionSaveBackFailed(_logger, _session.StorageStatePath, ex.Message);
        }
    }

    private XClientException Logged(string operation, XClientException error)
    {
        LogFailure(operation, error);
        return error;
    }

    /// <summary>Logs on the way through (an exception filter), keeping the original stack; never catches.</summary>
    private bool LogFailure(string operation, XClientException error)
    {
        Log.OperationFailed(_logger, operation, error.IsRetryable, error.Message);
        return false;
    }
}
