using System.Globalization;
using FollowerLoop.Storage;
namespace FollowerLoop.Tests.Infrastructure;

/// <summary>Rows for tests: a queued item and its post, with the minimum each table needs.</summary>
internal static class Samples
{
    public const string Account = "fl_tests";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A host's settings for the sample account on <paramref name="db"/>, a Redis prefix of its own, and a clock
    /// <paramref name="factor"/> times faster than real time from <paramref name="start"/> (hosts sharing a start share the clock).
    /// </summary>
    public static Dictionary<string, string?> HostSettings(PostgresDatabase db, double factor, DateTimeOffset start) => new()
    {
        ["Account:Handle"] = Account,
        ["Database:ConnectionString"] = db.ConnectionString,
        ["Redis:Configuration"] = TestEnvironment.Redis,
        ["Redis:KeyPrefix"] = $"t{Guid.NewGuid():N}",
        ["Clock:Mode"] = "Accelerated",
        ["Clock:Factor"] = factor.ToString(CultureInfo.InvariantCulture),
        ["Clock:Epoch"] = start.ToString("O"),
        ["Clock:RealStart"] = start.ToString("O"),
    };

    public static ContentItem Content(string? text = null, DateTimeOffset? scheduledFor = null)
    {
        text ??= $"sample {Guid.NewGuid():N}";
        return new ContentItem
        {
            DecisionId = Guid.NewGuid(),
            Account = Account,
            Kind = ContentKind.Post,
            Text = text,
            Format = "list",
            Topic = "ai",
            ContentHash = $"hash-{text}",
            ScheduledFor = scheduledFor ?? Start,
            CreatedAt = Start,
        };
    }

    /// <summary>Queues an item and records it as posted at <paramref name="postedAt"/>.</summary>
    public static async Task<PostRecord> PostedAsync(PostgresDatabase db, DateTimeOffset? postedAt = null)
    {
        var item = Content();
        await new ContentStore(db.DataSource).EnqueueAsync(item, CancellationToken.None);
        var post = new PostRecord(item.DecisionId, $"{Random.Shared.NextInt64(1_000_000_000_000, 9_000_000_000_000)}", Account, postedAt ?? Start, null);
        await new PostStore(db.DataSource).RecordPostedAsync(post, post.PostedAt, CancellationToken.None);
        return post;
    }

    private static TimeSpan Hours(string phase) => CheckpointPhases.Parse(phase).Offset();

    public static FollowerCheckpoint Followers(string postId, string phase, long? followers, string status = CheckpointStatus.Measured) => new()
    {
        PostId = postId,
        Phase = phase,
        Status = status,
        Followers = followers,
        FollowersExact = followers is null ? null : true,
        HoursAfterPost = Hours(phase).TotalHours,
        DueAt = Start + Hours(phase),
        CheckedAt = Start + Hours(phase),
    };

    public static VelocityCheckpoint Velocity(string postId, string phase, long? likes, string status = CheckpointStatus.Measured, double? hours = null) => new()
    {
        PostId = postId,
        Phase = phase,
        Status = status,
        Likes = likes,
        Retweets = likes is null ? null : likes / 10,
        Replies = likes is null ? null : likes / 20,
        Bookmarks = null,
        Views = likes is null ? null : likes * 40,
        HoursAfterPost = hours ?? Hours(phase).TotalHours,
        DueAt = Start + Hours(phase),
        CheckedAt = Start + TimeSpan.FromHours(hours ?? Hours(phase).TotalHours),
    };
}
