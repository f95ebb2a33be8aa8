using System.Diagnostics.CodeAnalysis;

namespace FollowerLoop.X.Browser;

/// <summary>
/// Checkpoints due together share a page: metrics reads wait here for one of <see cref="XClientOptions.MaxPages"/>
/// readers, and a reader takes every waiting read of the same account at once, as one timeline read when there are
/// several (a post the timeline does not show is then read from its own page). A read that finds a reader free goes out
/// alone at once, so batching costs an isolated read nothing.
/// </summary>
/// <remarks>A read serves every caller in it, so one caller's cancellation stops only its own wait.</remarks>
internal sealed class MetricsQueue(
    int readers,
    Func<string, string, Task<TweetMetrics>> readAlone,
    Func<string, IReadOnlyCollection<string>, Task<IReadOnlyList<TweetMetrics>>> readTogether)
{
    private readonly Lock _lock = new();
    private readonly List<Waiter> _waiting = [];
    private int _busy;

    public Task<TweetMetrics> ReadAsync(string handle, string tweetId, CancellationToken cancellationToken)
    {
        var waiter = new Waiter(handle, tweetId, new TaskCompletionSource<TweetMetrics>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            _waiting.Add(waiter);
        }

        _ = PumpAsync();
        return waiter.Result.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Becomes a reader if one is free, and reads batches until nobody waits.</summary>
    private async Task PumpAsync()
    {
        while (TakeBatch() is { } batch)
        {
            await ReadAsync(batch);
            lock (_lock)
            {
                _busy--;
            }
        }
    }

    /// <summary>The waiting reads of the first waiter's account, claiming a reader; null when none wait or no reader is free.</summary>
    private List<Waiter>? TakeBatch()
    {
        lock (_lock)
        {
            if (_waiting.Count == 0 || _busy == readers)
            {
                return null;
            }

            var handle = _waiting[0].Handle;
            var batch = _waiting.Where(w => string.Equals(w.Handle, handle, StringComparison.OrdinalIgnoreCase)).ToList();
            _waiting.RemoveAll(batch.Contains);
            _busy++;
            return batch;
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "Nobody awaits the pump: every failure must reach the waiting callers.")]
    private async Task ReadAsync(List<Waiter> batch)
    {
        try
        {
            var read = batch.Count == 1
                ? []
                : (await readTogether(batch[0].Handle, [.. batch.Select(w => w.TweetId).Distinct(StringComparer.Ordinal)])).ToDictionary(m => m.TweetId, StringComparer.Ordinal);
            foreach (var waiter in batch)
            {
                await ServeAsync(waiter, read.GetValueOrDefault(waiter.TweetId));
            }
        }
        catch (Exception ex)
        {
            foreach (var waiter in batch)
            {
                waiter.Result.TrySetException(ex);
            }
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "The failure belongs to that caller alone.")]
    private async Task ServeAsync(Waiter waiter, TweetMetrics? fromTimeline)
    {
        try
        {
            waiter.Result.TrySetResult(fromTimeline ?? await readAlone(waiter.Handle, waiter.TweetId));
        }
        catch (Exception ex)
        {
            waiter.Result.TrySetException(ex);
        }
    }

    private sealed record Waiter(string Handle, string TweetId, TaskCompletionSource<TweetMetrics> Result);
}
