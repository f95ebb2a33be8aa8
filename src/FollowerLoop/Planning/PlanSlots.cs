using System.Text.Json;
using FollowerLoop.Storage;

namespace FollowerLoop.Planning;

/// <summary>Where new posts can go: the strategy's hours in the planning horizon, away from what is already posted or queued.</summary>
public static class PlanSlots
{
    /// <summary>
    /// The times on the hour in <paramref name="zone"/> in (<paramref name="now"/>, <paramref name="now"/> + <paramref name="horizon"/>]
    /// whose local hour is one of <paramref name="hours"/> and that are at least <paramref name="spacing"/> from every taken time,
    /// earliest first, in UTC. (A zone half an hour off UTC has its hours at half past, UTC.)
    /// </summary>
    public static IReadOnlyList<DateTimeOffset> Free(
        DateTimeOffset now, TimeSpan horizon, IReadOnlyCollection<int> hours, IReadOnlyCollection<DateTimeOffset> taken, TimeSpan spacing, TimeZoneInfo zone)
    {
        var free = new List<DateTimeOffset>();
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var slot = new DateTimeOffset(local.Year, local.Month, local.Day, local.Hour, 0, 0, local.Offset).AddHours(1).ToUniversalTime();
        for (; slot <= now + horizon; slot = slot.AddHours(1))
        {
            if (hours.Contains(TimeZoneInfo.ConvertTime(slot, zone).Hour) && taken.Concat(free).All(t => (t - slot).Duration() >= spacing))
            {
                free.Add(slot);
            }
        }

        return free;
    }

    /// <summary>Hours spread evenly over the day: the plan before anything is learned.</summary>
    public static IReadOnlyList<int> Evenly(int postsPerDay)
    {
        var gap = 24.0 / postsPerDay;
        return [.. Enumerable.Range(0, postsPerDay).Select(i => (int)Math.Floor((gap / 2) + (i * gap)) % 24).Distinct().Order()];
    }

    /// <summary>The hours Plan uses: the strategy's, or hours spread over the day until a strategy exists.</summary>
    public static IReadOnlyList<int> InForce(PostingStrategy? strategy, int postsPerDay) =>
        strategy is null || JsonSerializer.Deserialize<int[]>(strategy.BestHours) is not { Length: > 0 } hours ? Evenly(postsPerDay) : hours;
}
