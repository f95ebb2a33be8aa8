using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>
/// Each endpoint's rate-limit window as X last reported it (<c>x-rate-limit-remaining</c>,
/// <c>x-rate-limit-reset</c> in Unix seconds). A call into a used-up window waits for the reset when
/// it is near (<see cref="XApiOptions.MaxRateLimitWait"/>), else fails at once, retryable, with the
/// reset as <see cref="XClientException.RetryAfter"/>, so the job is rescheduled instead of spending a request on a 429.
/// </summary>
internal sealed class XApiRateLimits(IOptions<XApiOptions> options, TimeProvider time, ILogger<XApiRateLimits> logger)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    public async Task WaitForWindowAsync(string endpoint, CancellationToken cancellationToken)
    {
        if (!_windows.TryGetValue(endpoint, out var window) || window.Remaining > 0)
        {
            return;
        }

        var wait = window.Reset - time.GetUtcNow();
        if (wait <= TimeSpan.Zero)
        {
            _windows.TryRemove(KeyValuePair.Create(endpoint, window));
            return;
        }

        if (wait > options.Value.MaxRateLimitWait)
        {
            throw XApiErrors.RateLimited(endpoint, wait);
        }

        Log.WaitingForRateLimit(logger, endpoint, wait);
        // Measured again after each wake-up: the clock is the judge of the reset, not the timer.
        for (; wait > TimeSpan.Zero; wait = window.Reset - time.GetUtcNow())
        {
            await Task.Delay(wait, time, cancellationToken);
        }

        _windows.TryRemove(KeyValuePair.Create(endpoint, window));
    }

    public void Record(string endpoint, HttpResponseHeaders headers)
    {
        if (Number(headers, "x-rate-limit-remaining") is { } remaining && Number(headers, "x-rate-limit-reset") is { } reset)
        {
            _windows[endpoint] = new Window(remaining, DateTimeOffset.FromUnixTimeSeconds(reset));
        }
    }

    /// <summary>After a 429 the window is used up whatever the headers said.</summary>
    public void RecordExhausted(string endpoint, TimeSpan? retryAfter)
    {
        if (retryAfter is { } wait)
        {
            _windows[endpoint] = new Window(0, time.GetUtcNow() + wait);
        }
    }

    private static long? Number(HttpResponseHeaders headers, string name) =>
        headers.TryGetValues(name, out var values)
        && long.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : null;

    private sealed record Window(long Remaining, DateTimeOffset Reset);
}
