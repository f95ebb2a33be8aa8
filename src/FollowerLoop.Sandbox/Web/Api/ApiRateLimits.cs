using System.Collections.Concurrent;
using System.Globalization;

namespace FollowerLoop.Sandbox.Web.Api;

/// <summary>
/// X's per-endpoint windows, generous here: <see cref="Limit"/> calls per endpoint per 15 minutes of sandbox time,
/// reported on every answer as <c>x-rate-limit-limit/remaining/reset</c> (reset in Unix seconds); a call over it gets 429.
/// </summary>
internal sealed class ApiRateLimits(TimeProvider clock)
{
    public const int Limit = 10_000;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private readonly ConcurrentDictionary<string, int> _used = new(StringComparer.Ordinal);

    /// <summary>Counts the call, writes the headers, and says whether it is within the limit.</summary>
    public bool TryTake(string endpoint, HttpResponse response)
    {
        var now = clock.GetUtcNow();
        var window = now.ToUnixTimeSeconds() / (long)Window.TotalSeconds;
        var used = _used.AddOrUpdate($"{endpoint} {window}", 1, (_, count) => count + 1);
        var reset = (window + 1) * (long)Window.TotalSeconds;
        response.Headers["x-rate-limit-limit"] = Limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-rate-limit-remaining"] = Math.Max(0, Limit - used).ToString(CultureInfo.InvariantCulture);
        response.Headers["x-rate-limit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        return used <= Limit;
    }
}
