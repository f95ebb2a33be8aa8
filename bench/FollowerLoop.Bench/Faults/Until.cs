namespace FollowerLoop.Bench.Faults;

/// <summary>Polls a condition until it holds; a timeout is an error that says what was awaited.</summary>
internal static class Until
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        if (await WithinAsync(condition, timeout, TimeSpan.FromMilliseconds(200), cancellationToken) is null)
        {
            throw new TimeoutException($"waited {timeout} for {what}");
        }
    }

    /// <summary>How long the condition took to hold, or null when it did not within <paramref name="timeout"/>.</summary>
    public static async Task<TimeSpan?> WithinAsync(Func<Task<bool>> condition, TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        while (DateTimeOffset.UtcNow - started < timeout)
        {
            if (await condition())
            {
                return DateTimeOffset.UtcNow - started;
            }

            await Task.Delay(poll, cancellationToken);
        }

        return null;
    }
}
