using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Text;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// The seeded accounts' posts as a closed form: whether account a posts in hour h, when, what and how well is
/// drawn from the stream (seed, a, h). Nothing is stored; an id (time + worker bits) finds its post again.
/// </summary>
internal sealed class OtherAccountFeed
{
    private const int SearchLookbackHours = 7 * 24;
    private const double ViewsPerFollower = 0.12;
    private const double ReachSpread = 0.6;

    private readonly int _seed;
    private readonly DateTimeOffset _epoch;
    private readonly EngagementProfile _engagement;

    public OtherAccountFeed(int seed, DateTimeOffset epoch, EngagementProfile engagement)
    {
        _seed = seed;
        _epoch = epoch;
        _engagement = engagement;
    }

    public static IReadOnlyList<OtherAccount> Accounts => SeededAccounts.All;

    public OtherPost? Find(long id)
    {
        var index = SnowflakeId.WorkerOf(id) - SnowflakeId.FirstOtherAccountWorker;
        if (index < 0 || index >= Accounts.Count)
        {
            return null;
        }

        var post = PostIn(index, HourOf(SnowflakeId.TimeOf(id)));
        return post?.Id == id.ToString(System.Globalization.CultureInfo.InvariantCulture) ? post : null;
    }

    /// <summary>The newest posts up to <paramref name="now"/> that match, newest first, looking back a week at most.</summary>
    public IReadOnlyList<OtherPost> Search(SearchQuery query, DateTimeOffset now, int limit)
    {
        var found = new List<OtherPost>();
        var newestHour = HourOf(now);
        for (var hour = newestHour; hour > newestHour - SearchLookbackHours && found.Count < limit; hour--)
        {
            for (var index = 0; index < Accounts.Count; index++)
            {
                if (PostIn(index, hour) is { } post && post.PostedAt <= now
                    && query.Matches(post.Author.Handle, TextFeatureExtractor.Words(post.Text).ToHashSet()))
                {
                    found.Add(post);
                }
            }
        }

        return [.. found.OrderByDescending(post => post.PostedAt).Take(limit)];
    }

    /// <summary>Statuses count shown on a seeded profile: a fixed history plus the expected posts since the epoch.</summary>
    public long StatusesCount(OtherAccount account, DateTimeOffset now) =>
        2_000 + (account.Handle.Length * 137) + (long)Math.Max(0, HourOf(now) * account.PostChancePerHour);

    private OtherPost? PostIn(int index, long hour)
    {
        var account = Accounts[index];
        var random = new DeterministicRandom(_seed, "other", index, hour);
        if (random.NextDouble() >= account.PostChancePerHour)
        {
            return null;
        }

        var offset = TimeSpan.FromMilliseconds(Math.Floor(random.NextDouble() * TimeSpan.FromHours(1).TotalMilliseconds));
        var template = account.Templates[random.NextInt(account.Templates.Count)];
        var text = template.Replace("{n}", (2 + random.NextInt(11)).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var views = random.NextPoisson(account.Followers * ViewsPerFollower * Math.Exp(random.NextNormal(0, ReachSpread)));
        var totals = new XComEngagementCounts(
            Replies: random.NextPoisson(views * _engagement.RepliesPerView),
            Reposts: random.NextPoisson(views * _engagement.RepostsPerView),
            Likes: random.NextPoisson(views * _engagement.LikesPerView),
            Bookmarks: random.NextPoisson(views * _engagement.BookmarksPerView),
            Views: views);
        var id = SnowflakeId.Create(_epoch + TimeSpan.FromHours(hour) + offset, SnowflakeId.FirstOtherAccountWorker + index, 0);
        return new OtherPost(id.ToString(System.Globalization.CultureInfo.InvariantCulture), account, text, SnowflakeId.TimeOf(id), totals);
    }

    private long HourOf(DateTimeOffset at) => (long)Math.Floor((at - _epoch).TotalHours);
}
