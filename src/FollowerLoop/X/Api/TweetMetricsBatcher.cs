using System.Diagnostics.CodeAnalysis;
using FollowerLoop.X.Browser;
using FollowerLoop.X.Usage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>
/// The seam that makes single-post reads cheap: calls of <see cref="ReadAsync"/> arriving within
/// <see cref="XApiOptions.MetricsBatchWindow"/> of the first are answered by one
/// <c>GET /2/tweets?ids=</c> of up to 100 ids (a full batch leaves at once). Checkpoint jobs due
/// together therefore cost one request, not one each. Each caller gets its own post's metrics, or
/// its own failure when X lists that id under <c>errors</c>; a failed request fails every caller in it.
/// </summary>
/// <remarks>
/// The window is real time on purpose (<see cref="Task.Delay(TimeSpan, CancellationToken)"/>, not the
/// business clock): it waits for concurrent calls, and an accelerated clock would shrink it to nothing.
/// A batch is sent on behalf of all its callers, so one caller's cancellation stops only its own wait.
/// Calls are batched apart by owner (the account's own posts are priced apart) and by the job of
/// <see cref="XUsageScope"/> (so each request is charged to the job that asked): X bills per post, so
/// a split costs no more, only a request more.
/// </remarks>
internal sealed class TweetMetricsBatcher : IDisposable
{
    public const int MaxIds = 100;
    private const string PublicFields = "public_metrics,created_at";
    private const string OwnerFields = "public_metrics,non_public_metrics,organic_metrics,created_at";

    private readonly XApiConnection _connection;
    private readonly XApiOptions _options;
    private readonly string _handle;
    private readonly TimeProvider _time;
    private readonly ILogger<TweetMetricsBatcher> _logger;
    private readonly Lock _lock = new();
    private readonly Dictionary<BatchKey, Batch> _open = [];
    private readonly CancellationTokenSource _stopping = new();
    private volatile bool _ownerFieldsRefused;

    public TweetMetricsBatcher(XApiConnection connection, IOptions<XApiOptions> options, IOptions<XClientOptions> account, TimeProvider time, ILogger<TweetMetricsBatcher> logger)
    {
        _connection = connection;
        _options = options.Value;
        _handle = account.Value.Handle;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// <paramref name="ownRecentPost"/>: the account's own post under 30 days, for which X may give
    /// exact impressions (non-public metrics) if the token allows; a 403 on those fields turns them off.
    /// </summary>
    public Task<TweetMetrics> ReadAsync(string handle, string tweetId, bool ownRecentPost, CancellationToken cancellationToken)
    {
        var withOwnerFields = ownRecentPost && _options.ReadNonPublicMetrics && !_ownerFieldsRefused;
        var key = new BatchKey(withOwnerFields, string.Equals(handle, _handle, StringComparison.OrdinalIgnoreCase), XUsageScope.Current);
        Batch batch;
        Task<TweetMetrics> result;
        var first = false;
        lock (_lock)
        {
            if (!_open.TryGetValue(key, out batch!))
            {
                batch = new Batch(key);
                _open[key] = batch;
                first = true;
            }

            result = batch.Add(handle, tweetId);
            if (batch.Count == MaxIds)
            {
                _open.Remove(key);
                batch.Full.TrySetResult();
            }
        }

        if (first)
        {
            // Started from the first caller's flow, so the request runs in its job's usage scope.
            _ = SendWhenReadyAsync(batch);
        }

        return result.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [SuppressMessage("Design", "CA1031", Justification = "Nobody awaits this task: every failure must reach the waiting callers.")]
    private async Task SendWhenReadyAsync(Batch batch)
    {
        try
        {
            await Task.WhenAny(Task.Delay(_options.MetricsBatchWindow, _stopping.Token), batch.Full.Task);
            lock (_lock)
            {
                if (_open.TryGetValue(batch.Key, out var open) && open == batch)
                {
                    _open.Remove(batch.Key);
                }
            }

            batch.Complete(await SendAsync(batch), _logger);
        }
        catch (Exception ex)
        {
            batch.Fail(ex);
        }
    }

    private async Task<Dictionary<string, XApiTweetResult>> SendAsync(Batch batch)
    {
        if (batch.Key.WithOwnerFields && !_ownerFieldsRefused)
        {
            try
            {
                return await LookUpAsync(batch, OwnerFields);
            }
            catch (XApiForbiddenException ex)
            {
                _ownerFieldsRefused = true;
                Log.NonPublicMetricsRefused(_logger, ex.Message);
            }
        }

        return await LookUpAsync(batch, PublicFields);
    }

    private async Task<Dictionary<string, XApiTweetResult>> LookUpAsync(Batch batch, string fields)
    {
        const string endpoint = "GET /2/tweets";
        var ids = string.Join(",", batch.HandlesById.Keys);
        var root = await _connection.SendAsync(
            new XApiRequest(HttpMethod.Get, $"2/tweets?ids={ids}&tweet.fields={Uri.EscapeDataString(fields)}", endpoint, ReadsOwnData: batch.Key.OwnPosts),
            _stopping.Token);
        return XApiResponses.Tweets(root, batch.HandlesById, _time.GetUtcNow(), endpoint);
    }

    /// <summary>The calls gathered for one request; the same id asked twice shares one answer.</summary>
    /// <summary>What calls must share to share a request.</summary>
    private readonly record struct BatchKey(bool WithOwnerFields, bool OwnPosts, string Job);

    private sealed class Batch(BatchKey key)
    {
        private readonly Dictionary<string, TaskCompletionSource<TweetMetrics>> _waiters = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _handles = new(StringComparer.Ordinal);

        public BatchKey Key { get; } = key;

        public TaskCompletionSource Full { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Count => _waiters.Count;

        public IReadOnlyDictionary<string, string> HandlesById => _handles;

        public Task<TweetMetrics> Add(string handle, string tweetId)
        {
            if (!_waiters.TryGetValue(tweetId, out var waiter))
            {
                waiter = new TaskCompletionSource<TweetMetrics>(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters[tweetId] = waiter;
                _handles[tweetId] = handle;
            }

            return waiter.Task;
        }

        public void Complete(Dictionary<string, XApiTweetResult> results, ILogger logger)
        {
            foreach (var (id, waiter) in _waiters)
            {
                var result = results[id];
                if (result.Metrics is { } metrics)
                {
                    waiter.TrySetResult(metrics);
                }
                else
                {
                    waiter.TrySetException(XApiErrors.TweetMissing(id, result.Error!));
                }
            }

            Log.MetricsBatchRead(logger, _waiters.Count, results.Count(result => result.Value.Metrics is null));
        }

        public void Fail(Exception error)
        {
            foreach (var waiter in _waiters.Values)
            {
                waiter.TrySetException(error);
            }
        }
    }
}
