using System.Globalization;

namespace FollowerLoop.X.Browser;

/// <summary>How long a rate-limited answer asks to wait: <c>retry-after</c> (seconds or a date) or x.com's <c>x-rate-limit-reset</c> (Unix seconds).</summary>
internal static class RetryAfterHeader
{
    public static TimeSpan? Read(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        if (headers.TryGetValue("retry-after", out var retryAfter))
        {
            if (int.TryParse(retryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParseExact(retryAfter, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                return NotNegative(date - now);
            }
        }

        return headers.TryGetValue("x-rate-limit-reset", out var reset)
            && long.TryParse(reset, NumberStyles.None, CultureInfo.InvariantCulture, out var unixSeconds)
            ? NotNegative(DateTimeOffset.FromUnixTimeSeconds(unixSeconds) - now)
            : null;
    }

    private static TimeSpan NotNegative(TimeSpan wait) => wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
}
