using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Time;
using FollowerLoop.Tracking;
using Microsoft.Extensions.DependencyInjection;

namespace FollowerLoop.Tests.Tracking;

/// <summary>One checkpoint attempt in process (what the checkpoint activity runs), with the real browser client against the sandbox and its fault modes.</summary>
public sealed class CheckpointMeasurerTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const int MaxAttempts = 3;
    private InProcessWorker _worker = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() =>
        _worker = await InProcessWorker.StartAsync(db, new Dictionary<string, string?> { ["Tracking:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    public ValueTask DisposeAsync() => _worker.DisposeAsync();

    private Task<PostRecord> PostAsync(string text) => _worker.PostDirectlyAsync(db, text);

    private Task<CheckpointOutcome> RunAsync(PostRecord post, CheckpointPhase phase, int attempt) =>
        _worker.Services.GetRequiredService<CheckpointMeasurer>().MeasureAsync(post.TweetId, phase, attempt, attempt >= MaxAttempts, Ct);

    private Task FaultEverythingAsync(string mode) => _worker.FaultAccountPagesAsync(mode);

    [Fact]
    public async Task Checkpoint_RunTwice_MeasuresOnceAndKeepsOneRow()
    {
        var post = await PostAsync("Checkpoint twice: code review is a teaching tool.");

        await RunAsync(post, CheckpointPhase.Hours2, attempt: 1);
        await RunAsync(post, CheckpointPhase.Hours2, attempt: 1);

        var row = Assert.Single(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
        Assert.Equal(CheckpointStatus.Measured, row.Status);
        Assert.NotNull(row.Likes);
        var followers = Assert.Single(await new TrackingStore(db.DataSource).GetFollowersAsync(post.TweetId, Ct));
        Assert.True(followers.FollowersExact);
        Assert.Equal(_worker.World.GetFollowers(), followers.Followers!.Value, 5.0);
        // The page shows no quote count, link clicks or profile visits: unknown, not 0.
        Assert.Equal((null, null, null), (row.Quotes, row.UrlLinkClicks, followers.ProfileViews));
    }

    [Fact]
    public async Task Checkpoint_ThroughTheApi_StoresQuotesLinkClicksAndProfileVisits()
    {
        await using var worker = await InProcessWorker.StartAsync(db, new Dictionary<string, string?>(), factor: 3600, api: true);
        var post = await worker.PostDirectlyAsync(db, "Profile visits: read https://example.com/visits before you post again.");
        var onX = worker.World.FindPost(post.TweetId)!;
        await Eventually.TrueAsync(() => Task.FromResult(worker.World.Clock.GetUtcNow() - post.PostedAt > TimeSpan.FromHours(24)), TimeSpan.FromSeconds(60), "a virtual day");

        await worker.Services.GetRequiredService<CheckpointMeasurer>().MeasureAsync(post.TweetId, CheckpointPhase.Hours24, 1, true, Ct);

        var row = Assert.Single(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
        var followers = Assert.Single(await new TrackingStore(db.DataSource).GetFollowersAsync(post.TweetId, Ct));
        var age = TimeSpan.FromHours(row.HoursAfterPost);
        var audience = worker.World.Audience;
        // The sandbox's clock moves on between the read and the stored time (an hour a real second; the API client batches
        // reads and a loaded machine is slow): the counts lie between the values three virtual hours before and at that time.
        var read = age - TimeSpan.FromHours(3);
        Assert.InRange(followers.ProfileViews!.Value, audience.ProfileClicksAt(onX.Outcome, read), audience.ProfileClicksAt(onX.Outcome, age));
        Assert.InRange(row.UrlLinkClicks!.Value, audience.LinkClicksAt(onX.Outcome, read), audience.LinkClicksAt(onX.Outcome, age));
        Assert.True(followers.ProfileViews > 0 && row.UrlLinkClicks > 0, $"{followers.ProfileViews} visits, {row.UrlLinkClicks} link clicks");
        Assert.InRange(row.Quotes!.Value, worker.World.GetQuoteCount(onX, post.PostedAt + read), worker.World.GetQuoteCount(onX, post.PostedAt + age));
    }

    [Fact]
    public async Task Checkpoint_WhenItsTimerFiresBeforeTheAccountsClockReachesItsDueTime_WaitsForIt()
    {
        // One virtual hour a real second. The demo holds its clock while readings are taken, so a real-time engine timer
        // can fire while the clock still stands before the due time: a reading then would be early.
        await using var worker = await InProcessWorker.StartAsync(db, new Dictionary<string, string?>(), factor: 3600, api: true);
        var clock = (AcceleratedTimeProvider)worker.Services.GetRequiredService<TimeProvider>();
        var post = await worker.PostDirectlyAsync(db, "Held clock: a checkpoint is never read before it is due.");
        var due = post.PostedAt + CheckpointPhase.Hours2.Offset();
        var hold = clock.Hold(post.PostedAt + TimeSpan.FromHours(1));

        var measuring = worker.Services.GetRequiredService<CheckpointMeasurer>().MeasureWhenDueAsync(post.TweetId, CheckpointPhase.Hours2, 1, true, Ct);
        // Three real seconds: the due time has long passed on the real clock's mapping, not on the held clock.
        await Task.Delay(TimeSpan.FromSeconds(3), Ct);
        Assert.False(measuring.IsCompleted, "the checkpoint was read while the clock stood an hour before its due time");
        Assert.Empty(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));

        hold.Dispose();
        Assert.Equal(CheckpointOutcomeKind.Measured, (await measuring.WaitAsync(TimeSpan.FromSeconds(30), Ct)).Kind);
        var row = Assert.Single(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
        Assert.True(row.CheckedAt >= due, $"read at {row.CheckedAt:O}, due {due:O}");
    }

    [Fact]
    public async Task Checkpoint_WhenXFailsBeforeTheLastAttempt_AsksForARetryAndRecordsNothing()
    {
        var post = await PostAsync("Retry me: SQL indexes are a product decision.");
        await FaultEverythingAsync("error");

        var outcome = await RunAsync(post, CheckpointPhase.Hours6, attempt: 1);

        Assert.Equal(CheckpointOutcomeKind.Retry, outcome.Kind);
        Assert.False(string.IsNullOrEmpty(outcome.Reason));
        Assert.Empty(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
    }

    [Fact]
    public async Task Checkpoint_WhenXFailsOnTheLastAttempt_RecordsTheFailureWithNullsNeverZero()
    {
        var post = await PostAsync("Last attempt under errors: interviews reward clear stories.");
        await FaultEverythingAsync("error");

        await RunAsync(post, CheckpointPhase.Hours12, attempt: MaxAttempts);

        var velocity = Assert.Single(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
        Assert.Equal((CheckpointStatus.Failed, MaxAttempts), (velocity.Status, velocity.Attempts));
        Assert.Null(velocity.Likes);
        Assert.Null(velocity.Views);
        Assert.False(string.IsNullOrEmpty(velocity.Error));
        var followers = Assert.Single(await new TrackingStore(db.DataSource).GetFollowersAsync(post.TweetId, Ct));
        Assert.Equal(CheckpointStatus.Failed, followers.Status);
        Assert.Null(followers.Followers);
    }

    [Fact]
    public async Task Checkpoint_WhenXSendsTheSessionToItsLoginPage_WaitsForANewLoginEvenOnTheLastAttempt_ThenMeasures()
    {
        var post = await PostAsync("Logged out: the counts are still there after the next login.");
        await FaultEverythingAsync("loginwall");

        var outcome = await RunAsync(post, CheckpointPhase.Hours2, attempt: MaxAttempts);

        Assert.Equal((CheckpointOutcomeKind.Retry, true, (TimeSpan?)TimeSpan.FromMinutes(30)), (outcome.Kind, outcome.AwaitingLogin, outcome.RetryAfter));
        Assert.Contains("followerloop x login", outcome.Reason, StringComparison.Ordinal);
        Assert.Empty(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));

        // The sandbox's session works again once its wall is gone: as after a person's `followerloop x login`.
        await _worker.ClearFaultsAsync();
        Assert.Equal(CheckpointOutcomeKind.Measured, (await RunAsync(post, CheckpointPhase.Hours2, attempt: MaxAttempts)).Kind);
        Assert.Equal(CheckpointStatus.Measured, Assert.Single(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct)).Status);
    }

    [Fact]
    public async Task Checkpoint_WhenLoggedOutAndNoLoginWaitIsSet_RecordsTheFailureAtOnce()
    {
        await using var worker = await InProcessWorker.StartAsync(db, new Dictionary<string, string?> { ["Tracking:LoginWait"] = "00:00:00" });
        var post = await worker.PostDirectlyAsync(db, "Logged out, no wait: the failure says what to run.");
        await worker.FaultAccountPagesAsync("loginwall");

        var outcome = await worker.Services.GetRequiredService<CheckpointMeasurer>().MeasureAsync(post.TweetId, CheckpointPhase.Hours2, 1, false, Ct);

        Assert.Equal((CheckpointOutcomeKind.Failed, false), (outcome.Kind, outcome.AwaitingLogin));
        var row = Assert.Single(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
        Assert.Equal((CheckpointStatus.Failed, (long?)null), (row.Status, row.Likes));
        Assert.Contains("followerloop x login", row.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checkpoint_WhenThePageHidesItsCounts_RecordsOnlyWhatXReallyShowed()
    {
        var post = await PostAsync("Hidden counts: burnout is a planning failure.");
        await FaultEverythingAsync("missing");

        await RunAsync(post, CheckpointPhase.Hours24, attempt: MaxAttempts);

        // The action bar and follower links are gone, but x.com's own JSON (TweetDetail, UserByScreenName)
        // still carries exact counts: what is recorded must be those, or unknown - never an invented 0.
        var truth = _worker.World.GetMetrics(post.TweetId);
        var velocity = Assert.Single(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
        Assert.True(velocity.Status == CheckpointStatus.Failed ? velocity.Likes is null : velocity.Likes == truth.Likes, $"likes {velocity.Likes} vs truth {truth.Likes}");
        var followers = Assert.Single(await new TrackingStore(db.DataSource).GetFollowersAsync(post.TweetId, Ct));
        Assert.True(followers.Followers is null || Math.Abs(followers.Followers.Value - _worker.World.GetFollowers()) <= 5);
    }

    [Fact]
    public async Task Checkpoint_OnASpanishInterface_RecordsTheExactCounts_OrUnknownsWithoutTheJson_NeverAZero()
    {
        var exact = await PostAsync("Localised: the JSON behind a Spanish page has the counts.");
        var unread = await PostAsync("Localised: without the JSON, a Spanish page is unknown, not zero.");
        // An action bar with no counts is empty in every language (zeros are left out): the posts need some first.
        await Eventually.TrueAsync(
            () => Task.FromResult(_worker.World.GetMetrics(unread.TweetId).Views > 0 && _worker.World.GetMetrics(exact.TweetId).Views > 0),
            TimeSpan.FromSeconds(60),
            "the sandbox audience to see both posts");
        await FaultEverythingAsync("spanish");
        await _worker.FaultAsync("error", "/i/api/graphql");

        // Unread first: the next checkpoint must read the profile again rather than share a read without its count.
        await RunAsync(unread, CheckpointPhase.Hours6, attempt: MaxAttempts);
        await _worker.ClearFaultsAsync();
        await FaultEverythingAsync("spanish");
        await RunAsync(exact, CheckpointPhase.Hours6, attempt: MaxAttempts);

        var store = new TrackingStore(db.DataSource);
        var measured = Assert.Single(await store.GetVelocityAsync(exact.TweetId, Ct));
        Assert.Equal((CheckpointStatus.Measured, (long?)_worker.World.GetMetrics(exact.TweetId).Likes), (measured.Status, measured.Likes));
        var exactFollowers = Assert.Single(await store.GetFollowersAsync(exact.TweetId, Ct));
        Assert.True(exactFollowers.FollowersExact, exactFollowers.Error);
        var velocity = Assert.Single(await store.GetVelocityAsync(unread.TweetId, Ct));
        Assert.Equal(CheckpointStatus.Failed, velocity.Status);
        Assert.Equal<long?[]>([null, null, null, null, null], [velocity.Likes, velocity.Retweets, velocity.Replies, velocity.Bookmarks, velocity.Views]);
        var followers = Assert.Single(await store.GetFollowersAsync(unread.TweetId, Ct));
        Assert.Equal((CheckpointStatus.Failed, (long?)null), (followers.Status, followers.Followers));
    }

    [Fact]
    public async Task Checkpoint_WhenXShowsItsErrorPageWhileItsCallIsRateLimited_RetriesAtXsReset()
    {
        var post = await PostAsync("Rate limited in the app: the page says little, the call says when.");
        // x.com answers 200 with "Something went wrong"; its own GraphQL call got the 429 and the reset.
        await FaultEverythingAsync("spaerror");
        await _worker.FaultAsync("ratelimit", "/i/api/graphql");

        var outcome = await RunAsync(post, CheckpointPhase.Hours6, attempt: 1);

        Assert.Equal(CheckpointOutcomeKind.Retry, outcome.Kind);
        var retryAfter = Assert.NotNull(outcome.RetryAfter);
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(60));
        Assert.Empty(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
    }

    [Fact]
    public async Task Checkpoint_OfADeletedPost_IsRecordedFailedAtOnce_WithoutRetries()
    {
        var post = await PostAsync("Deleted: a post that is gone is not retried for hours.");
        await _worker.FaultAsync("deleted", $"/{InProcessWorker.Handle}/status/");
        await _worker.FaultAsync("deleted", "/i/api/graphql/");

        var outcome = await RunAsync(post, CheckpointPhase.Hours6, attempt: 1);

        Assert.Equal(CheckpointOutcomeKind.Failed, outcome.Kind);
        var row = Assert.Single(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
        Assert.Equal((CheckpointStatus.Failed, (long?)null), (row.Status, row.Likes));
        Assert.Contains("does not exist", row.Error, StringComparison.Ordinal);
    }
}
