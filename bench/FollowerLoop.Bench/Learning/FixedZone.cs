namespace FollowerLoop.Bench.Learning;

/// <summary>
/// The IANA zone FollowerLoop is configured with for a sandbox audience: the audience's profile gives a fixed UTC
/// offset, the learner reads only <c>Account:TimeZone</c>, as it would for a real account.
/// </summary>
internal static class FixedZone
{
    /// <summary>
    /// A zone at <paramref name="offset"/> all through the bench's year ("Etc/GMT-1" is UTC+1: POSIX signs are reversed;
    /// a half-hour offset takes a named zone such as Asia/Kolkata, whose daylight saving ended in 1945).
    /// </summary>
    public static string For(TimeSpan offset)
    {
        if (offset == TimeSpan.Zero)
        {
            return "UTC";
        }

        if (offset.Minutes == 0)
        {
            return $"Etc/GMT{(offset > TimeSpan.Zero ? "-" : "+")}{Math.Abs(offset.Hours)}";
        }

        return TimeZoneInfo.GetSystemTimeZones()
            .Where(z => z.HasIanaId && Enumerable.Range(0, 12).All(m => z.GetUtcOffset(LearningSettings.Epoch.AddMonths(m)) == offset))
            .Select(z => z.Id)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault() ?? throw new ArgumentException($"No time zone is {offset} off UTC all year.", nameof(offset));
    }
}
