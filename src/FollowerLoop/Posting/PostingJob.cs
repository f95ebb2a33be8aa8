using FollowerLoop.Cache;
using FollowerLoop.Content;
using FollowerLoop.Storage;
using FollowerLoop.Tracking;
using FollowerLoop.X;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Posting;

/// <summary>
/// Posts what is due, at most once per item: the intent is recorded before the click, and an item
/// whose outcome is unknown (a crash, a failure after the click) is looked up on the profile before it
/// may be tried again. A posted item gets its tweet id recorded and its tracking started.
/// </summary>
public sealed class PostingJob(
    ContentStore content,
    PostStore posts,
    DailyCounters counters,
    ICheckpointScheduler checkpoints,
    KillSwitchNotice killSwitch,
    IXClient x,
    IOptions<AccountOptions> account,
    IOptionsMonitor<PostingOptions> settings,
    TimeProvider time,
    ILogger<PostingJob> logger)
{
    private const int ProfileLookupDepth = 40;
    private const string DryRunReason = "dry run (Posting:DryRun): not posted";

    // How far X's clock may be behind ours when comparing a post's time with its attempt's start.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    private string Handle => account.Value.Handle;

    // Read live, so the kill switch and the caps take effect without a restart.
    private PostingOptions Options => settings.CurrentValue;

    // Never retried blindly: the next scheduled run reconciles whatever this one left unsure.
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!Options.Enabled)
        {
            // Said when it goes off, not every run: a switch left off for a week is not 2,000 warnings.
            if (killSwitch.WentOff())
            {
                Log.KillSwitch(logger);
            }

            return;
        }

        if (killSwitch.CameBack())
        {
            Log.PostingBackOn(logger);
        }

        await ReconcileInFlightAsync(cancellationToken);
        var due = await content.GetDueAsync(Handle, time.GetUtcNow(), Options.MaxPerRun, cancellationToken);
        foreach (var item in due)
        {
            await TryPostAsync(item, cancellationToken);
        }
    }

    private async Task TryPostAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var length = TweetLength.Check(item.Text);
        if (!length.IsAcceptable)
        {
            await content.MarkNotPostedAsync(item.DecisionId, length.Problem!, retry: false, time.GetUtcNow(), cancellationToken);
            Log.Refused(logger, item.DecisionId, length.Problem!);
            return;
        }

        var blocker = await WhyNotNowAsync(item, cancellationToken);
        if (blocker is not null)
        {
            Log.NotNow(logger, item.DecisionId, blocker);
            return;
        }

        var replyTo = await ReplyTargetAsync(item, cancellationToken);
        if (Options.DryRun)
        {
            // Settled, so it is said once: left queued, it was logged again every run and its thread's next part waited for ever.
            Log.DryRun(logger, item.DecisionId, item.Kind, item.Text);
            await content.CancelAsync(item.DecisionId, DryRunReason, time.GetUtcNow(), cancellationToken);
            return;
        }

        if (item.Kind == ContentKind.ThreadPart && item.ThreadPosition > 1 && replyTo is null)
        {
            Log.NotNow(logger, item.DecisionId, "the previous part of its thread is not posted yet");
            return;
        }

        if (!await content.MarkPostingAsync(item.DecisionId, time.GetUtcNow(), cancellationToken))
        {
            return;
        }

        PostedTweet posted;
        try
        {
            posted = replyTo is null
                ? await x.PostAsync(item.Text, cancellationToken)
                : await x.ReplyAsync(replyTo, item.Text, cancellationToken);
        }
        catch (XPostRejectedException ex)
        {
            // X answered and made no post: certain, so no look-up is needed.
            var retry = ex.IsRetryable && item.Attempts + 1 < Options.MaxAttempts;
            await content.MarkNotPostedAsync(item.DecisionId, ex.Message, retry, time.GetUtcNow(), cancellationToken);
            Log.Refused(logger, item.DecisionId, ex.Message);
            return;
        }
        catch (XClientException ex)
        {
            // Whether the post went out is unknown: leave the intent for the next run to reconcile.
            Log.PostUncertain(logger, item.DecisionId, ex.Message);
            return;
        }

        // Kept first, on its own: should recording fail part-way, the next run reconciles by this id, not by a search.
        await content.MarkSentAsync(item.DecisionId, posted.TweetId, time.GetUtcNow(), cancellationToken);
        await RecordAsync(item, posted.TweetId, time.GetUtcNow(), cancellationToken);
    }

    private async Task RecordAsync(ContentItem item, string tweetId, DateTimeOffset postedAt, CancellationToken cancellationToken)
    {
        var post = new PostRecord(item.DecisionId, tweetId, Handle, postedAt, null);
        await posts.RecordPostedAsync(post, time.GetUtcNow(), cancellationToken);
        await counters.IncrementAsync(item.Kind, cancellationToken);
        await checkpoints.StartTrackingAsync(post, new HashSet<CheckpointPhase>(), cancellationToken);
        Log.Posted(logger, item.DecisionId, tweetId, item.Kind);
    }

    /// <summary>
    /// Items left in "posting": one whose id X answered is recorded with it; the others are looked up among the
    /// account's recent posts by their text as X stores it, posted since their attempt began and not already recorded
    /// for another item. Found → recorded; not found → queued again (or failed).
    /// </summary>
    private async Task ReconcileInFlightAsync(CancellationToken cancellationToken)
    {
        var inFlight = await content.GetInFlightAsync(Handle, cancellationToken);
        foreach (var item in inFlight.Where(item => item.SentTweetId is not null))
        {
            await RecordAsync(item, item.SentTweetId!, item.PostingStartedAt ?? time.GetUtcNow(), cancellationToken);
        }

        var unsure = inFlight.Where(item => item.SentTweetId is null).ToList();
        if (unsure.Count == 0)
        {
            return;
        }

        IReadOnlyList<FoundTweet> recent;
        try
        {
            recent = await x.SearchRecentAsync($"from:{Handle}", ProfileLookupDepth, cancellationToken);
        }
        catch (XClientException ex)
        {
            Log.ReconcileDeferred(logger, unsure.Count, ex.Message);
            return;
        }

        foreach (var item in unsure)
        {
            if (await FindOnProfileAsync(item, recent, cancellationToken) is { } match)
            {
                await RecordAsync(item, match.TweetId, match.PostedAt ?? item.PostingStartedAt ?? time.GetUtcNow(), cancellationToken);
                continue;
            }

            var retry = item.Attempts < Options.MaxAttempts;
            await content.MarkNotPostedAsync(item.DecisionId, "not found on the profile after an interrupted post", retry, time.GetUtcNow(), cancellationToken);
            Log.NotFoundAfterCrash(logger, item.DecisionId, retry);
        }
    }

    private async Task<FoundTweet?> FindOnProfileAsync(ContentItem item, IReadOnlyList<FoundTweet> recent, CancellationToken cancellationToken)
    {
        var normalized = TextNormalizer.Normalize(item.Text);
        // An older post with the same words (an earlier thread's "1/", a template used before) is not this attempt's.
        var since = item.PostingStartedAt - ClockSkew;
        foreach (var found in recent.Where(t => TextNormalizer.Normalize(t.Text) == normalized))
        {
            var postedAt = found.PostedAt ?? Snowflake.TimeOf(found.TweetId);
            if ((since is null || postedAt is null || postedAt >= since) && await posts.GetByTweetIdAsync(found.TweetId, cancellationToken) is null)
            {
                return found;
            }
        }

        return null;
    }

    private async Task<string?> WhyNotNowAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var cap = item.Kind switch
        {
            ContentKind.Post => Options.DailyPostCap,
            ContentKind.Reply => Options.DailyReplyCap,
            _ => int.MaxValue,
        };
        if (cap != int.MaxValue && await counters.GetTodayAsync(Handle, item.Kind, cancellationToken) >= cap)
        {
            return $"the daily cap of {cap} {item.Kind}s is reached";
        }

        // A post and a thread's first part are both top-level on the timeline: spaced from each other, not per kind.
        if (item.Kind == ContentKind.Post || item is { Kind: ContentKind.ThreadPart, ThreadPosition: 1 })
        {
            var last = await posts.GetLastTopLevelPostedAtAsync(Handle, cancellationToken);
            if (last is { } at && time.GetUtcNow() - at < Options.MinSpacing)
            {
                return $"the last top-level post was at {at:u}, less than {Options.MinSpacing} ago";
            }
        }

        return null;
    }

    private async Task<string?> ReplyTargetAsync(ContentItem item, CancellationToken cancellationToken) => item switch
    {
        { Kind: ContentKind.Reply } => item.ReplyToTweetId,
        { Kind: ContentKind.ThreadPart, ThreadId: { } thread, ThreadPosition: > 1 and var position } =>
            await posts.GetThreadPartTweetIdAsync(thread, position - 1, cancellationToken),
        _ => null,
    };
}
