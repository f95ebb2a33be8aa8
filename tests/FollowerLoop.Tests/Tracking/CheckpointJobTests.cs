using System.Net.Http.Json;
using Dapper;
using FollowerLoop.Jobs;
using FollowerLoop.Sandbox;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Tracking;
using FollowerLoop.Worker.Commands;
using FollowerLoop.X;
using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Tests.Tracking;

/// <summary>One checkpoint run in process, with the real browser client against the sandbox and its fault modes.</summary>
public sealed class CheckpointJobTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    private const int MaxAttempts = 3;
    private WebApplication _sandbox = null!;
    private IHost _host = null!;
    private readonly string _session = Path.Combine(Path.GetTempPath(), $"fl-cp-{Guid.NewGuid():N}.json");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _sandbox = SandboxApp.Build(new SandboxOptions { Urls = "http://127.0.0.1:0", Handle = "fl_demo", Clock = SandboxClockMode.Real });
        await _sandbox.StartAsync(Ct);
        var builder = HostFactory.CreateBuilder(b => b.AddFollowerLoopCore().AddXClient().AddJobs());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Account:Handle"] = "fl_demo",
            ["Database:ConnectionString"] = db.ConnectionString,
            ["Redis:Configuration"] = TestEnvironment.Redis,
            ["Redis:KeyPrefix"] = $"t{Guid.NewGuid():N}",
            ["XClient:BaseUrl"] = SandboxApp.GetBaseAddress(_sandbox).ToString(),
            ["XClient:Handle"] = "fl_demo",
            ["XClient:Username"] = "fl_demo",
            ["XClient:Password"] = "sandbox-password",
            ["XClient:StorageStatePath"] = _session,
            ["XClient:NavigationTimeout"] = "00:00:05",
            ["XClient:ElementTimeout"] = "00:00:02",
            ["Tracking:MaxAttempts"] = MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var storageOptions = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
        builder.Services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(
            new PostgreSqlStorage(new NpgsqlConnectionFactory(db.ConnectionString, storageOptions), storageOptions)));
        _host = builder.Build();
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await _sandbox.DisposeAsync();
        File.Delete(_session);
    }

    private async Task<PostRecord> PostAsync(string text)
    {
        var item = Samples.Content(text) with { Account = "fl_demo" };
        await new ContentStore(db.DataSource).EnqueueAsync(item, Ct);
        var onX = SandboxApp.GetWorld(_sandbox).Publish(text);
        var post = new PostRecord(item.DecisionId, onX.Id, "fl_demo", onX.PostedAt, null);
        await new PostStore(db.DataSource).RecordPostedAsync(post, onX.PostedAt, Ct);
        return post;
    }

    private Task RunAsync(PostRecord post, CheckpointPhase phase, int attempt) =>
        _host.Services.GetRequiredService<CheckpointJob>().RunAsync(post.TweetId, phase, attempt, Ct);

    private async Task FaultEverythingAsync(string mode)
    {
        using var admin = new HttpClient { BaseAddress = SandboxApp.GetBaseAddress(_sandbox) };
        admin.DefaultRequestHeaders.Authorization = new("Bearer", "sandbox-admin");
        using var response = await admin.PostAsJsonAsync("/admin/faults", new { mode, count = 1000, pathPrefix = "/fl_demo" }, Ct);
        response.EnsureSuccessStatusCode();
    }

    private async Task<long> ScheduledCheckpointJobsAsync()
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);
        return await connection.ExecuteScalarAsync<long>("select count(*) from hangfire.job where statename = 'Scheduled'");
    }

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
        Assert.Equal(SandboxApp.GetWorld(_sandbox).GetFollowers(), followers.Followers!.Value, 5.0);
    }

    [Fact]
    public async Task Checkpoint_WhenXFailsBeforeTheLastAttempt_SchedulesARetryAndRecordsNothing()
    {
        var post = await PostAsync("Retry me: SQL indexes are a product decision.");
        await FaultEverythingAsync("error");
        var before = await ScheduledCheckpointJobsAsync();

        await RunAsync(post, CheckpointPhase.Hours6, attempt: 1);

        Assert.Empty(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
        Assert.Equal(before + 1, await ScheduledCheckpointJobsAsync());
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
    public async Task Checkpoint_WhenThePageHidesItsCounts_RecordsOnlyWhatXReallyShowed()
    {
        var post = await PostAsync("Hidden counts: burnout is a planning failure.");
        await FaultEverythingAsync("missing");

        await RunAsync(post, CheckpointPhase.Hours24, attempt: MaxAttempts);

        // The action bar and follower links are gone, but x.com's own JSON (TweetDetail, UserByScreenName)
        // still carries exact counts: what is recorded must be those, or unknown - never an invented 0.
        var truth = SandboxApp.GetWorld(_sandbox).GetMetrics(post.TweetId);
        var velocity = Assert.Single(await new TrackingStore(db.DataSource).GetVelocityAsync(post.TweetId, Ct));
        Assert.True(velocity.Status == CheckpointStatus.Failed ? velocity.Likes is null : velocity.Likes == truth.Likes, $"likes {velocity.Likes} vs truth {truth.Likes}");
        var followers = Assert.Single(await new TrackingStore(db.DataSource).GetFollowersAsync(post.TweetId, Ct));
        Assert.True(followers.Followers is null || Math.Abs(followers.Followers.Value - SandboxApp.GetWorld(_sandbox).GetFollowers()) <= 5);
    }
}
