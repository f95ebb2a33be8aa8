using System.Diagnostics;
using Dapper;
using FollowerLoop.Sandbox.World;
using FollowerLoop.Storage;
using FollowerLoop.Time;
using Npgsql;

namespace FollowerLoop.Demo;

/// <summary>
/// Keeps the demo's readings true to their names. At 1200x a real second is 20 virtual minutes, and the engine
/// takes a second or more to wake a timer and run a read: left alone, a "2h" reading was taken at 2h40 and a
/// baseline an hour after the post. So each post the account publishes holds the shared clock where it is (its
/// baseline's moment) and, once Posting has recorded it, at each checkpoint's due time from the recorded
/// <c>posted_at</c> (the very moment the checkpoint waits for), each until Postgres has that reading; then the
/// clock catches up.
/// </summary>
internal sealed class DemoPacer : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    private readonly AcceleratedTimeProvider _clock;
    private readonly SandboxWorld _world;
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeSpan _maxHold;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string PostId, string Phase), Pending> _pending = [];
    private readonly HashSet<string> _unrecorded = [];
    private readonly List<ReleasedHold> _released = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <param name="maxHold">How long (real time) the clock may stand at one reading: past it, the hold is given up and named in the summary.</param>
    public DemoPacer(AcceleratedTimeProvider clock, SandboxWorld world, NpgsqlDataSource dataSource, TimeSpan maxHold)
    {
        _clock = clock;
        _world = world;
        _dataSource = dataSource;
        _maxHold = maxHold;
        _world.Published += OnPublished;
        _loop = Task.Run(() => ReleaseRecordedAsync(_stop.Token));
    }

    /// <summary>The holds given up because their reading did not arrive in time.</summary>
    public IReadOnlyList<ReleasedHold> GivenUp
    {
        get
        {
            lock (_lock)
            {
                return [.. _released];
            }
        }
    }

    /// <summary>Lets the clock run free (the dashboards stay up after the summary).</summary>
    public void ReleaseAll()
    {
        _world.Published -= OnPublished;
        lock (_lock)
        {
            foreach (var pending in _pending.Values)
            {
                pending.Hold.Dispose();
            }

            _pending.Clear();
            _unrecorded.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        ReleaseAll();
        await _stop.CancelAsync();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    /// <summary>Everything the account publishes went through Posting, which tracks each post, replies and thread parts too.</summary>
    private void OnPublished(SandboxPost post)
    {
        lock (_lock)
        {
            _pending[(post.Id, CheckpointPhase.Baseline.ToColumn())] = new Pending(_clock.Hold(post.PostedAt));
            _unrecorded.Add(post.Id);
        }
    }

    private async Task ReleaseRecordedAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(PollInterval);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            string[] posts;
            string[] unrecorded;
            lock (_lock)
            {
                posts = [.. _pending.Keys.Select(k => k.PostId).Distinct()];
                unrecorded = [.. _unrecorded];
            }

            if (posts.Length == 0 && unrecorded.Length == 0)
            {
                continue;
            }

            HashSet<(string PostId, string Phase)> recorded;
            try
            {
                await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
                await HoldCheckpointsAsync(connection, unrecorded, cancellationToken);
                recorded = (await connection.QueryAsync<(string PostId, string Phase)>(new CommandDefinition(
                    "select post_id, collection_phase from post_velocity_tracking where post_id = any(@posts)",
                    new { posts },
                    cancellationToken: cancellationToken))).ToHashSet();
            }
            catch (NpgsqlException)
            {
                // Postgres away for a moment: nothing is released this tick, but the holds still give up in time.
                recorded = [];
            }

            lock (_lock)
            {
                foreach (var (key, pending) in _pending.ToList())
                {
                    if (recorded.Contains(key))
                    {
                        Release(key, pending);
                    }
                    else if (pending.StandingFor() > _maxHold)
                    {
                        Release(key, pending);
                        _released.Add(new ReleasedHold(key.PostId, key.Phase, _maxHold));
                    }
                }
            }
        }
    }

    /// <summary>Holds the clock at the checkpoints of each post Posting has recorded since the last look.</summary>
    private async Task HoldCheckpointsAsync(NpgsqlConnection connection, string[] unrecorded, CancellationToken cancellationToken)
    {
        if (unrecorded.Length == 0)
        {
            return;
        }

        var recorded = await connection.QueryAsync<(string PostId, DateTimeOffset PostedAt)>(new CommandDefinition(
            "select tweet_id, posted_at from posted_decisions where tweet_id = any(@unrecorded)",
            new { unrecorded },
            cancellationToken: cancellationToken));
        lock (_lock)
        {
            foreach (var (postId, postedAt) in recorded.Where(r => _unrecorded.Remove(r.PostId)))
            {
                foreach (var phase in CheckpointPhases.Scheduled)
                {
                    _pending[(postId, phase.ToColumn())] = new Pending(_clock.Hold(postedAt + phase.Offset()));
                }
            }
        }
    }

    private void Release((string PostId, string Phase) key, Pending pending)
    {
        pending.Hold.Dispose();
        _pending.Remove(key);
    }

    /// <summary>A hold and when (real time) the clock first stood at it.</summary>
    private sealed class Pending(ClockHold hold)
    {
        private long? _reachedAt;

        public ClockHold Hold { get; } = hold;

        public TimeSpan StandingFor()
        {
            if (!Hold.IsReached)
            {
                return TimeSpan.Zero;
            }

            _reachedAt ??= Stopwatch.GetTimestamp();
            return Stopwatch.GetElapsedTime(_reachedAt.Value);
        }
    }
}
