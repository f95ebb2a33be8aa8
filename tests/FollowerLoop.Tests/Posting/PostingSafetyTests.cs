using FollowerLoop.Posting;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Testing;

namespace FollowerLoop.Tests.Posting;

/// <summary>
/// The Posting job's safety limits against the sandbox, each on a database of its own (the caps count the account's
/// posts of the day): the kill switch, dry run, the daily cap and spacing between top-level posts.
/// </summary>
public sealed class PostingSafetyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class Rig : IAsyncDisposable
    {
        private Rig(PostgresDatabase db, InProcessWorker worker)
        {
            Db = db;
            Worker = worker;
        }

        public PostgresDatabase Db { get; }

        public InProcessWorker Worker { get; }

        public FakeLogger<PostingJob> Logs { get; } = new();

        public ContentStore Content => new(Db.DataSource);

        public static async Task<Rig> StartAsync(Dictionary<string, string?> settings)
        {
            var db = new PostgresDatabase();
            await db.InitializeAsync();
            return new Rig(db, await InProcessWorker.StartAsync(db, settings));
        }

        public async Task<ContentItem> QueueAsync(ContentItem item)
        {
            await Content.EnqueueAsync(item with { Account = InProcessWorker.Handle, ScheduledFor = DateTimeOffset.UtcNow.AddMinutes(-1) }, Ct);
            return (await Content.GetAsync(item.DecisionId, Ct))!;
        }

        public Task<ContentItem> QueueAsync(string text) => QueueAsync(Samples.Content(text));

        /// <summary>One run of the job with this rig's captured log (the kill switch's notice is the host's singleton).</summary>
        public Task RunAsync() => ActivatorUtilities.CreateInstance<PostingJob>(Worker.Services, Logs).RunAsync(Ct);

        public async Task<string> StatusAsync(ContentItem item) => (await Content.GetAsync(item.DecisionId, Ct))!.Status;

        public int Logged(int eventId) => Logs.Collector.GetSnapshot().Count(r => r.Id.Id == eventId);

        /// <summary>Changes a setting on the running host, as an edited settings file would.</summary>
        public void Set(string key, string value)
        {
            var configuration = (IConfigurationRoot)Worker.Services.GetRequiredService<IConfiguration>();
            configuration[key] = value;
            configuration.Reload();
        }

        public async ValueTask DisposeAsync()
        {
            await Worker.DisposeAsync();
            await Db.DisposeAsync();
        }
    }

    [Fact]
    public async Task KillSwitch_PostsNothingWhileOff_SaysSoOnce_AndPostsAgainOnceSwitchedOnWithoutARestart()
    {
        await using var rig = await Rig.StartAsync(new() { ["Posting:Enabled"] = "false", ["Posting:MinSpacing"] = "00:00:00" });
        var item = await rig.QueueAsync("Kill switch: a queue you can pause is a queue you can trust.");

        for (var run = 0; run < 3; run++)
        {
            await rig.RunAsync();
        }

        Assert.Equal(ContentStatus.Queued, await rig.StatusAsync(item));
        Assert.Empty(rig.Worker.World.GetPosts());
        Assert.Equal(1, rig.Logged(5001));

        rig.Set("Posting:Enabled", "true");
        await rig.RunAsync();
        await rig.RunAsync();

        Assert.Equal(ContentStatus.Posted, await rig.StatusAsync(item));
        Assert.Single(rig.Worker.World.GetPosts());
        Assert.Equal((1, 1), (rig.Logged(5001), rig.Logged(5009)));
    }

    [Fact]
    public async Task DryRun_PostsNothing_TakesEachItemAThreadsPartsToo_OffTheQueueWithTheReason_AndLogsEachOnce()
    {
        await using var rig = await Rig.StartAsync(new() { ["Posting:DryRun"] = "true", ["Posting:MinSpacing"] = "00:00:00" });
        var post = await rig.QueueAsync("Dry run: rehearse the launch before you launch.");
        var thread = Guid.NewGuid();
        var first = await rig.QueueAsync(Samples.Content("Dry run thread 1/2: what a rehearsal catches.") with { Kind = ContentKind.ThreadPart, ThreadId = thread, ThreadPosition = 1 });
        var second = await rig.QueueAsync(Samples.Content("Dry run thread 2/2: and what it never will.") with { Kind = ContentKind.ThreadPart, ThreadId = thread, ThreadPosition = 2 });

        for (var run = 0; run < 3; run++)
        {
            await rig.RunAsync();
        }

        Assert.Empty(rig.Worker.World.GetPosts());
        foreach (var item in new[] { post, first, second })
        {
            var stored = (await rig.Content.GetAsync(item.DecisionId, Ct))!;
            Assert.Equal((ContentStatus.Cancelled, 0), (stored.Status, stored.Attempts));
            Assert.Contains("dry run", stored.LastError, StringComparison.Ordinal);
        }

        Assert.Equal(3, rig.Logged(5005));
    }

    [Fact]
    public async Task DailyPostCap_StopsTheDaysPostsAtTheCap_AndTheRestWait()
    {
        await using var rig = await Rig.StartAsync(new() { ["Posting:DailyPostCap"] = "1", ["Posting:MinSpacing"] = "00:00:00" });
        var first = await rig.QueueAsync("Daily cap: one strong post beats three weak ones.");
        var second = await rig.QueueAsync("Daily cap: the second post of the day waits for tomorrow.");

        await rig.RunAsync();
        await rig.RunAsync();

        Assert.Equal((ContentStatus.Posted, ContentStatus.Queued), (await rig.StatusAsync(first), await rig.StatusAsync(second)));
        Assert.Single(rig.Worker.World.GetPosts());
        Assert.Contains(rig.Logs.Collector.GetSnapshot(), r => r.Id.Id == 5004 && r.Message.Contains("daily cap of 1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MinSpacing_HoldsAThreadBackFromAPostJustMade_NotOnlyAPostFromAPost()
    {
        await using var rig = await Rig.StartAsync(new() { ["Posting:MinSpacing"] = "00:45:00" });
        var post = await rig.QueueAsync("Spacing: two posts in a minute split their own audience.");
        var thread = await rig.QueueAsync(
            Samples.Content("Spacing thread 1/1: a thread is a post on the timeline too.") with { Kind = ContentKind.ThreadPart, ThreadId = Guid.NewGuid(), ThreadPosition = 1 });
        var later = await rig.QueueAsync("Spacing: and a second post waits its turn as well.");

        await rig.RunAsync();

        Assert.Single(rig.Worker.World.GetPosts());
        Assert.Equal(
            [ContentStatus.Posted, ContentStatus.Queued, ContentStatus.Queued],
            [await rig.StatusAsync(post), await rig.StatusAsync(thread), await rig.StatusAsync(later)]);
        Assert.Equal(2, rig.Logs.Collector.GetSnapshot().Count(r => r.Id.Id == 5004 && r.Message.Contains("top-level", StringComparison.Ordinal)));
    }
}
