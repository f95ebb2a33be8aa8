using System.Globalization;
using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// Hangfire's job client for the benchmark: jobs the library enqueues or schedules (the checkpoints) are kept
/// in memory with their due time on the virtual clock, for <see cref="VirtualTimeline"/> to run in order.
/// </summary>
internal sealed class VirtualJobClient(TimeProvider clock) : IBackgroundJobClient
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<Job, (DateTimeOffset Due, long Sequence)> _queue = new();
    private long _sequence;

    public string Create(Job job, IState state)
    {
        // ScheduledState holds real times; only its delay matters here.
        var delay = state is ScheduledState scheduled ? TimeSpan.FromSeconds(Math.Round((scheduled.EnqueueAt - scheduled.ScheduledAt).TotalSeconds)) : TimeSpan.Zero;
        lock (_lock)
        {
            _queue.Enqueue(job, (clock.GetUtcNow() + delay, ++_sequence));
            return _sequence.ToString(CultureInfo.InvariantCulture);
        }
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => false;

    /// <summary>When the next job is due; null when none is waiting.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            lock (_lock)
            {
                return _queue.TryPeek(out _, out var priority) ? priority.Due : null;
            }
        }
    }

    /// <summary>The earliest job due by <paramref name="now"/>, removed from the queue.</summary>
    public Job? TakeDue(DateTimeOffset now)
    {
        lock (_lock)
        {
            return _queue.TryPeek(out var job, out var priority) && priority.Due <= now ? _queue.Dequeue() : null;
        }
    }
}
