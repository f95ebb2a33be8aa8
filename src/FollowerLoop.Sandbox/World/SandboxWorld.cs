using System.Globalization;
using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// The sandbox's state and rules: the account, its posts, the seeded accounts and the hidden audience. Thread-safe;
/// every "now" comes from <see cref="Clock"/>, and every count is a closed-form function of time, so any moment is
/// exact. The HTTP pages are a thin face over it; a benchmark can drive it in-process on a
/// <see cref="Clock.SteppedTimeProvider"/>.
/// </summary>
public sealed partial class SandboxWorld
{
    private const string AccountBio = "Notes on building, learning and shipping. A FollowerLoop sandbox account.";

    /// <summary>The window in which the profile's <c>appeal.saturation</c> counts the account's posts.</summary>
    private static readonly TimeSpan SaturationWindow = TimeSpan.FromHours(24);

    private readonly Lock _lock = new();
    private readonly List<SandboxPost> _posts = [];
    private readonly Dictionary<string, SandboxPost> _byId = new(StringComparer.Ordinal);
    private readonly OrganicDrift _drift;
    private readonly OtherAccountFeed _feed;
    private readonly MentionFeed _mentions;
    private readonly List<SummoningPost> _planted = [];
    private readonly Dictionary<long, long[]> _leaveTicks = [];
    private FollowerRoster? _roster;
    private readonly TimeSpan _duplicateWindow;
    private readonly int _seed;
    private readonly ILogger _logger;

    public SandboxWorld(SandboxOptions options, AudienceProfile profile, TimeProvider clock, ILogger<SandboxWorld>? logger = null)
    {
        SandboxOptionsValidator.ThrowIfInvalid(options);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
        Epoch = options.Epoch;
        _seed = options.AudienceSeed;
        _duplicateWindow = options.DuplicateWindow;
        _logger = logger ?? NullLogger<SandboxWorld>.Instance;
        Audience = new AudienceModel(profile, options.AudienceSeed, options.Epoch);
        Account = new SandboxAccount(options.Handle, options.DisplayName, AccountBio, profile.Account.Following, profile.Account.PreviousPosts, profile.Account.Joined);
        _drift = new OrganicDrift(options.AudienceSeed, profile.Organic, options.Epoch);
        _feed = new OtherAccountFeed(options.AudienceSeed, options.Epoch, profile.Engagement);
        _mentions = new MentionFeed(options.AudienceSeed, options.Epoch, options.Handle);
    }

    public TimeProvider Clock { get; }

    /// <summary>Raised after each post is published, outside the world's lock.</summary>
    public event Action<SandboxPost>? Published;

    /// <summary>Hour zero of the organic drift and of the seeded accounts' schedules.</summary>
    public DateTimeOffset Epoch { get; }

    public SandboxAccount Account { get; }

    /// <summary>The hidden audience (ground truth; for evaluation only).</summary>
    public AudienceModel Audience { get; }

    public static IReadOnlyList<OtherAccount> OtherAccounts => OtherAccountFeed.Accounts;

    /// <summary>Builds a world with the audience of <see cref="SandboxOptions.AudienceFile"/> (or the default).</summary>
    public static SandboxWorld Create(SandboxOptions options, TimeProvider clock, ILogger<SandboxWorld>? logger = null)
    {
        SandboxOptionsValidator.ThrowIfInvalid(options);
        return new SandboxWorld(options, AudienceProfileLoader.Load(options.AudienceFile), clock, logger);
    }

    /// <summary>Why x.com would refuse this post now, or null if it would be accepted.</summary>
    public PostRejection? Check(string text, string? inReplyToId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_lock)
        {
            return CheckLocked(text.Trim(), inReplyToId, Clock.GetUtcNow());
        }
    }

    /// <summary>Publishes a post (a reply when <paramref name="inReplyToId"/> is given) at the clock's now.</summary>
    /// <exception cref="PostRejectedException">The text is empty, too long or a duplicate, or the parent does not exist.</exception>
    public SandboxPost Publish(string text, string? inReplyToId = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        SandboxPost post;
        lock (_lock)
        {
            var now = Clock.GetUtcNow();
            if (CheckLocked(trimmed, inReplyToId, now) is { } rejection)
            {
                Log.PostRefused(_logger, rejection.Code, rejection.Message);
                throw new PostRejectedException(rejection);
            }

            var features = TextFeatureExtractor.Extract(trimmed);
            var isReply = inReplyToId is not null && !_byId.ContainsKey(inReplyToId);
            var context = ContextLocked(now, features, isReply);
            var sequence = _posts.Count + 1L;
            var outcome = Audience.Draw(features, context, sequence);
            var id = SnowflakeId.Create(now, SnowflakeId.OwnWorker, sequence).ToString(CultureInfo.InvariantCulture);
            post = new SandboxPost(id, trimmed, inReplyToId, now, sequence, features, context, outcome);
            _posts.Add(post);
            _byId.Add(id, post);
            if (Audience.Profile.Followers.AnyLeave)
            {
                _leaveTicks[post.Sequence] = PostFollowerTimes.LeaveTicks(Audience, post);
            }
        }

        Log.PostPublished(_logger, post.Id, post.PostedAt, post.Features.Format, post.Features.Topic, post.InReplyToId);
        Published?.Invoke(post);
        return post;
    }

    /// <summary>The account's posts, oldest first.</summary>
    public IReadOnlyList<SandboxPost> GetPosts()
    {
        lock (_lock)
        {
            return [.. _posts];
        }
    }

    public SandboxPost? FindPost(string id)
    {
        lock (_lock)
        {
            return _byId.GetValueOrDefault(id);
        }
    }

    /// <summary>The post's public counts now (its own replies to it included in the reply count).</summary>
    public XComEngagementCounts GetMetrics(string postId) => GetMetrics(RequirePost(postId), Clock.GetUtcNow());

    public XComEngagementCounts GetMetrics(SandboxPost post, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(post);
        return WithOwnReplies(Audience.CountsAt(post.Outcome.Totals, at - post.PostedAt), post.Id, at);
    }

    public XComEngagementCounts GetMetrics(OtherPost post, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(post);
        return WithOwnReplies(Audience.CountsAt(post.Totals, at - post.PostedAt), post.Id, at);
    }

    /// <summary>The account's exact follower count now.</summary>
    public long GetFollowers() => GetFollowers(Clock.GetUtcNow());

    public long GetFollowers(DateTimeOffset at)
    {
        lock (_lock)
        {
            return FollowersLocked(at);
        }
    }

    /// <summary>The exact follower count at <paramref name="from"/>, then every <paramref name="step"/> up to <paramref name="to"/>.</summary>
    public IReadOnlyList<FollowerPoint> GetFollowerSeries(DateTimeOffset from, DateTimeOffset to, TimeSpan step)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(step, TimeSpan.Zero);
        var points = new List<FollowerPoint>();
        lock (_lock)
        {
            for (var at = from; at <= to; at += step)
            {
                points.Add(new FollowerPoint(at, FollowersLocked(at)));
            }
        }

        return points;
    }

    /// <summary>Posts on the account (statuses_count): earlier history plus the posts made by <paramref name="at"/>.</summary>
    public long GetStatusesCount(DateTimeOffset at)
    {
        lock (_lock)
        {
            return Account.PreviousPosts + _posts.Count(post => post.PostedAt <= at);
        }
    }

    /// <summary>The account's followers now, newest first, as X lists them.</summary>
    public IReadOnlyList<SandboxFollower> GetFollowerList()
    {
        lock (_lock)
        {
            return RosterLocked(Clock.GetUtcNow()).NewestFirst();
        }
    }

    /// <summary>The followers <paramref name="postId"/> has brought by now, with when those who left did (ground truth).</summary>
    public IReadOnlyList<FollowerHistory> TrueFollowersBroughtBy(string postId)
    {
        var post = RequirePost(postId);
        lock (_lock)
        {
            return RosterLocked(Clock.GetUtcNow()).BroughtBy(post.Id);
        }
    }

    /// <summary>
    /// The followers <paramref name="postId"/> brought who still followed <paramref name="keptFor"/> after they came, as
    /// far as now can tell (ground truth: a follower whose mark is still ahead counts as kept).
    /// </summary>
    public int TrueFollowersKept(string postId, TimeSpan keptFor) =>
        TrueFollowersBroughtBy(postId).Count(h => h.LeftAt is not { } left || left > h.Follower.FollowedAt + keptFor);

    /// <summary>The followers the post really brought, net of those it lost, so far and at 48 hours (ground truth).</summary>
    public FollowerGain TrueFollowerGain(string postId)
    {
        var post = RequirePost(postId);
        var now = Clock.GetUtcNow();
        return new FollowerGain(post.Id, Audience.NetFollowsAt(post.Outcome, now - post.PostedAt), post.Outcome.NetFollows, now);
    }

    /// <summary>
    /// The oracle: the candidate with the highest expected 48-hour follower gain if posted at <paramref name="at"/>
    /// (default now), given the posts before it. Refused texts are never chosen; ties go to the first.
    /// </summary>
    /// <param name="keptFor">When given, ranks by the followers expected still to follow this long after they came instead.</param>
    public OracleChoice ChooseBest(IReadOnlyList<string> candidates, DateTimeOffset? at = null, TimeSpan? keptFor = null)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        var when = at ?? Clock.GetUtcNow();
        var scored = new List<OracleCandidate>(candidates.Count);
        int? best = null;
        lock (_lock)
        {
            foreach (var candidate in candidates)
            {
                var text = (candidate ?? string.Empty).Trim();
                var features = TextFeatureExtractor.Extract(text);
                var rejection = CheckLocked(text, null, when);
                var context = ContextLocked(when, features, isReply: false);
                var expected = rejection is not null ? 0
                    : keptFor is { } kept ? Audience.ExpectedRetained(features, context, kept)
                    : Audience.ExpectedFollows(features, context);
                if (rejection is null && (best is null || expected > scored[best.Value].ExpectedFollowerGain))
                {
                    best = scored.Count;
                }

                scored.Add(new OracleCandidate(text, features, expected, rejection));
            }
        }

        return new OracleChoice(best, when, scored);
    }

    /// <summary>Recent posts of the seeded accounts matching an x.com-style query, newest first.</summary>
    public IReadOnlyList<OtherPost> SearchRecent(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return _feed.Search(new SearchQuery(query), Clock.GetUtcNow(), limit);
    }

    /// <summary>The account's own posts matching an x.com-style query (x.com's search finds them too), newest first.</summary>
    public IReadOnlyList<SandboxPost> SearchOwn(string query, int limit)
    {
        ArgumentNullException.ThrowIfNull(query);
        var search = new SearchQuery(query);
        var now = Clock.GetUtcNow();
        return GetPosts()
            .Where(post => post.PostedAt <= now && search.Matches(Account.Handle, TextFeatureExtractor.Words(post.Text).ToHashSet()))
            .OrderByDescending(post => post.PostedAt)
            .Take(limit)
            .ToList();
    }

    public OtherPost? FindOtherPost(string id) => SnowflakeId.TryParse(id, out var value) ? _feed.Find(value) : null;

    public static OtherAccount? FindOtherAccount(string handle) =>
        OtherAccounts.FirstOrDefault(account => string.Equals(account.Handle, handle, StringComparison.OrdinalIgnoreCase));

    public long GetStatusesCount(OtherAccount account, DateTimeOffset at) => _feed.StatusesCount(account, at);

    /// <summary>The account's replies to <paramref name="postId"/> made by <paramref name="at"/>, oldest first.</summary>
    public IReadOnlyList<SandboxPost> GetOwnReplies(string postId, DateTimeOffset at)
    {
        lock (_lock)
        {
            return [.. _posts.Where(post => post.InReplyToId == postId && post.PostedAt <= at)];
        }
    }

    private SandboxPost RequirePost(string postId) =>
        FindPost(postId) ?? throw new KeyNotFoundException($"The sandbox account has no post with id '{postId}'.");

    private XComEngagementCounts WithOwnReplies(XComEngagementCounts counts, string postId, DateTimeOffset at)
    {
        var ownReplies = GetOwnReplies(postId, at).Count;
        return ownReplies == 0 ? counts : counts with { Replies = counts.Replies + ownReplies };
    }

    private PostRejection? CheckLocked(string text, string? inReplyToId, DateTimeOffset now)
    {
        if (text.Length == 0)
        {
            return PostRejection.Empty;
        }

        if (XComTweetLength.Weighted(text) > XComTweetLength.Limit)
        {
            return PostRejection.TooLong;
        }

        if (_posts.Any(post => post.PostedAt > now - _duplicateWindow && post.PostedAt <= now && string.Equals(post.Text, text, StringComparison.Ordinal)))
        {
            return PostRejection.Duplicate;
        }

        var parentExists = inReplyToId is null || _byId.ContainsKey(inReplyToId) || FindOtherPost(inReplyToId) is not null
            || (FindSummonsLocked(inReplyToId) is { } summons && summons.PostedAt <= now);
        return parentExists ? null : PostRejection.ParentNotFound;
    }

    private PostContext ContextLocked(DateTimeOffset at, TextFeatures features, bool isReply)
    {
        var window = TimeSpan.FromHours(Audience.Profile.Appeal.FatigueWindowHours);
        var earlier = _posts.Where(post => !post.IsReply && post.PostedAt <= at).ToList();
        var sameFormat = earlier.Count(post => post.PostedAt > at - window && post.Features.Format == features.Format);
        double? hoursSincePrevious = earlier.Count > 0 ? Math.Max(0, (at - earlier[^1].PostedAt).TotalHours) : null;
        var previousDay = earlier.Count(post => post.PostedAt > at - SaturationWindow);
        return new PostContext(at, FollowersLocked(at), sameFormat, hoursSincePrevious, isReply, previousDay);
    }

    private long FollowersLocked(DateTimeOffset at)
    {
        var fromPosts = _posts.Where(post => post.PostedAt <= at).Sum(post => Audience.NetFollowsAt(post.Outcome, at - post.PostedAt));
        var leftOnTheirOwn = _leaveTicks.Values.Sum(ticks => (long)PostFollowerTimes.LeftBy(ticks, at));
        return Math.Max(0, Audience.Profile.Account.InitialFollowers + _drift.NetChange(at) + fromPosts - leftOnTheirOwn);
    }

    /// <summary>The roster at <paramref name="at"/>, built on first use (a benchmark that never lists followers never pays for it).</summary>
    private FollowerRoster RosterLocked(DateTimeOffset at)
    {
        if (_roster is null || at < _roster.Time)
        {
            _roster = new FollowerRoster(Audience, _drift, Epoch);
        }

        _roster.AdvanceTo(at, _posts);
        return _roster;
    }
}
