namespace FollowerLoop.Tracking;

/// <summary>When a checkpoint whose read failed is tried again: one rule for every engine.</summary>
public static class CheckpointRetry
{
    /// <summary>
    /// The base delay doubled per attempt already made, but never before a rate limit's reset:
    /// asking again before it only spends another request on a refusal.
    /// </summary>
    /// <param name="awaitingLogin">A wait for a login: its own interval (<paramref name="retryAfter"/>), no backoff, which is for X's failures.</param>
    public static TimeSpan Delay(TimeSpan baseDelay, int attempt, TimeSpan? retryAfter, bool awaitingLogin = false)
    {
        if (awaitingLogin && retryAfter is { } interval)
        {
            return interval;
        }

        var backoff = baseDelay * Math.Pow(2, attempt - 1);
        return retryAfter is { } reset && reset > backoff ? reset : backoff;
    }

    /// <summary>The next try's attempt number: a wait for a login is not an attempt (X said nothing about the post).</summary>
    public static int NextAttempt(int attempt, bool awaitingLogin) => awaitingLogin ? attempt : attempt + 1;
}
