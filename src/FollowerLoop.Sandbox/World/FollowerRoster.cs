using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// The account's followers as individuals, kept in step with the follower count: those from before the epoch, each
/// organic hour's gains, each post's follows (dated where the count reaches them), minus each organic hour's losses
/// and each post's unfollows (someone who was not going to leave on their own, drawn at random) and the followers
/// who leave on their own. Built lazily and moved forward in time only; not thread-safe (the world locks around it).
/// </summary>
internal sealed class FollowerRoster
{
    private readonly AudienceModel _audience;
    private readonly OrganicDrift _drift;
    private readonly PriorityQueue<RosterEvent, (long Ticks, int Order, long Key)> _pending = new();
    private readonly Dictionary<long, SandboxFollower> _byIndex = [];
    private readonly Dictionary<long, DateTimeOffset> _leftAt = [];
    private readonly Dictionary<string, List<long>> _byPost = new(StringComparer.Ordinal);
    private readonly HashSet<long> _present = [];
    private readonly List<long> _removable = [];
    private readonly Dictionary<long, int> _removablePosition = [];
    private long _nextIndex;
    private int _organicHoursQueued;
    private int _postsQueued;
    private SandboxFollower[]? _newestFirst;

    public FollowerRoster(AudienceModel audience, OrganicDrift drift, DateTimeOffset epoch)
    {
        _audience = audience;
        _drift = drift;
        var account = audience.Profile.Account;
        var span = epoch - account.Joined;
        for (var i = 0L; i < account.InitialFollowers; i++)
        {
            var followedAt = account.Joined + (span * ((i + 0.5) / account.InitialFollowers));
            Arrive(FollowerDraws.Draw(new DeterministicRandom(audience.Seed, "follower/base", i), _nextIndex++, NoLeaving, 0, followedAt, broughtBy: null));
        }

        Time = DateTimeOffset.MinValue;
    }

    /// <summary>The moment the roster stands at: every change up to it is applied.</summary>
    public DateTimeOffset Time { get; private set; }

    private FollowersProfile NoLeaving => _audience.Profile.Followers with { LeaveChance = new Dictionary<string, double>(), BotLeaveChance = 0 };

    /// <summary>Applies every change up to <paramref name="at"/> (not before <see cref="Time"/>), the posts' included.</summary>
    public void AdvanceTo(DateTimeOffset at, IReadOnlyList<SandboxPost> posts)
    {
        if (at < Time)
        {
            throw new InvalidOperationException($"The follower roster stands at {Time:O} and cannot go back to {at:O}.");
        }

        for (; _postsQueued < posts.Count; _postsQueued++)
        {
            Queue(posts[_postsQueued]);
        }

        while (_drift.EndOf(_organicHoursQueued) <= at)
        {
            QueueOrganicHour(_organicHoursQueued++);
        }

        while (_pending.TryPeek(out var next, out var when) && when.Ticks <= at.UtcTicks)
        {
            _pending.Dequeue();
            Apply(next);
        }

        Time = at;
    }

    /// <summary>The followers now, newest first (as X lists them).</summary>
    public IReadOnlyList<SandboxFollower> NewestFirst() =>
        _newestFirst ??= [.. _present.Select(index => _byIndex[index]).OrderByDescending(f => f.FollowedAt).ThenByDescending(f => f.Index)];

    public int Count => _present.Count;

    /// <summary>The followers <paramref name="postId"/> brought so far, with when those who left did.</summary>
    public IReadOnlyList<FollowerHistory> BroughtBy(string postId) =>
        _byPost.TryGetValue(postId, out var indexes)
            ? [.. indexes.Select(index => new FollowerHistory(_byIndex[index], _leftAt.TryGetValue(index, out var left) ? left : null))]
            : [];

    /// <summary>When a follower left, or null while they follow (or if the roster never saw them).</summary>
    public DateTimeOffset? LeftAt(long index) => _leftAt.TryGetValue(index, out var left) ? left : null;

    private void Queue(SandboxPost post)
    {
        var chance = PostFollowerTimes.LeaveChance(_audience, post);
        var k = 0L;
        foreach (var arrival in PostFollowerTimes.Arrivals(_audience, post.PostedAt, post.Outcome.Follows))
        {
            k++;
            var follower = FollowerDraws.Draw(PostFollowerTimes.StreamOf(_audience, post, k), _nextIndex++, _audience.Profile.Followers, chance, arrival, post.Id);
            Enqueue(new RosterEvent(RosterEventKind.Arrival, follower, PostKey(post, k), arrival));
        }

        k = 0;
        foreach (var departure in PostFollowerTimes.Arrivals(_audience, post.PostedAt, post.Outcome.Unfollows))
        {
            Enqueue(new RosterEvent(RosterEventKind.Removal, null, PostKey(post, ++k), departure));
        }
    }

    private void QueueOrganicHour(int hour)
    {
        var (gains, losses) = _drift.Hour(hour);
        var at = _drift.EndOf(hour);
        for (var k = 0L; k < gains; k++)
        {
            var follower = FollowerDraws.Draw(new DeterministicRandom(_audience.Seed, "follower/organic", hour, k), _nextIndex++, NoLeaving, 0, at, broughtBy: null);
            Enqueue(new RosterEvent(RosterEventKind.Arrival, follower, OrganicKey(hour, k), at));
        }

        for (var k = 0L; k < losses; k++)
        {
            Enqueue(new RosterEvent(RosterEventKind.Removal, null, OrganicKey(hour, k), at));
        }
    }

    // Keys name an event by where it comes from, so the order of equal times and the removals' draws do not depend on
    // when the roster was asked: a post's k-th event, or (negative) an organic hour's k-th.
    private static long PostKey(SandboxPost post, long k) => (post.Sequence << 24) | k;

    private static long OrganicKey(int hour, long k) => -(((long)hour << 24) | k) - 1;

    private void Enqueue(RosterEvent change) => _pending.Enqueue(change, (change.At.UtcTicks, (int)change.Kind, change.Key));

    private void Apply(RosterEvent change)
    {
        _newestFirst = null;
        switch (change.Kind)
        {
            case RosterEventKind.Arrival:
                Arrive(change.Follower!);
                break;
            case RosterEventKind.Leave:
                Depart(change.Follower!.Index, change.At);
                break;
            default:
                RemoveSomeone(change.Key, change.At);
                break;
        }
    }

    private void Arrive(SandboxFollower follower)
    {
        _byIndex[follower.Index] = follower;
        _present.Add(follower.Index);
        if (follower.BroughtBy is { } postId)
        {
            (_byPost.TryGetValue(postId, out var list) ? list : _byPost[postId] = []).Add(follower.Index);
        }

        if (follower.LeavesAt is { } leaves)
        {
            Enqueue(new RosterEvent(RosterEventKind.Leave, follower, follower.Index, leaves));
        }
        else
        {
            _removablePosition[follower.Index] = _removable.Count;
            _removable.Add(follower.Index);
        }
    }

    /// <summary>An unfollow that is not anyone's own plan (an organic loss, a post that put people off): someone who would have stayed.</summary>
    private void RemoveSomeone(long key, DateTimeOffset at)
    {
        if (_removable.Count == 0)
        {
            return;
        }

        var position = new DeterministicRandom(_audience.Seed, "follower/removal", key).NextInt(_removable.Count);
        var index = _removable[position];
        var last = _removable[^1];
        _removable[position] = last;
        _removablePosition[last] = position;
        _removable.RemoveAt(_removable.Count - 1);
        _removablePosition.Remove(index);
        Depart(index, at);
    }

    private void Depart(long index, DateTimeOffset at)
    {
        _present.Remove(index);
        _leftAt[index] = at;
    }

    private enum RosterEventKind
    {
        Arrival = 0,
        Removal = 1,
        Leave = 2,
    }

    private sealed record RosterEvent(RosterEventKind Kind, SandboxFollower? Follower, long Key, DateTimeOffset At);
}
