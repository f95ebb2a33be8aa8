using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace FollowerLoop.Cache;

/// <summary>
/// Runs Redis calls so that an outage never fails a job: a failed call returns "no answer" and the
/// caller uses Postgres. The outage is logged once when it starts and once when it ends.
/// </summary>
public sealed class FastLayer : IAsyncDisposable
{
    private readonly ILogger<FastLayer> _logger;
    private readonly Lazy<Task<ConnectionMultiplexer>> _connection;
    private int _down;

    public FastLayer(IOptions<RedisOptions> options, ILogger<FastLayer> logger)
    {
        _logger = logger;
        var timeout = (int)options.Value.OperationTimeout.TotalMilliseconds;
        var configuration = ConfigurationOptions.Parse(options.Value.Configuration);
        // Keep working without Redis: connect in the background, and fail calls at once while it is
        // down instead of queueing them until the timeout.
        configuration.AbortOnConnectFail = false;
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = Math.Max(timeout, 1000);
        configuration.AsyncTimeout = timeout;
        configuration.SyncTimeout = timeout;
        _connection = new Lazy<Task<ConnectionMultiplexer>>(() => ConnectionMultiplexer.ConnectAsync(configuration));
    }

    /// <summary>True while the last Redis call failed.</summary>
    public bool IsDown => Volatile.Read(ref _down) == 1;

    /// <summary>Runs a read; <see cref="Answer{T}.None"/> when Redis did not answer.</summary>
    public async Task<Answer<T>> TryAsync<T>(string operation, Func<IDatabase, Task<T>> call, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await _connection.Value.WaitAsync(cancellationToken);
            var value = await call(connection.GetDatabase()).WaitAsync(cancellationToken);
            MarkUp();
            return new Answer<T>(true, value);
        }
        catch (Exception ex) when (IsOutage(ex, cancellationToken))
        {
            MarkDown(operation, ex);
            return default;
        }
    }

    /// <summary>Runs a write; false when Redis did not take it (Postgres already has the truth).</summary>
    public async Task<bool> TryAsync(string operation, Func<IDatabase, Task> call, CancellationToken cancellationToken)
    {
        var answer = await TryAsync(
            operation,
            async db =>
            {
                await call(db);
                return true;
            },
            cancellationToken);
        return answer.Answered;
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection.IsValueCreated && _connection.Value.IsCompletedSuccessfully)
        {
            await _connection.Value.Result.DisposeAsync();
        }
    }

    private static bool IsOutage(Exception ex, CancellationToken cancellationToken) =>
        ex is RedisException or TimeoutException or System.Net.Sockets.SocketException or ObjectDisposedException
        || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested);

    private void MarkDown(string operation, Exception ex)
    {
        if (Interlocked.Exchange(ref _down, 1) == 0)
        {
            Log.RedisDown(_logger, operation, ex.GetType().Name);
        }
    }

    private void MarkUp()
    {
        if (Interlocked.Exchange(ref _down, 0) == 1)
        {
            Log.RedisBack(_logger);
        }
    }
}
