namespace FollowerLoop.Sandbox.World;

/// <summary>
/// x.com-style post ids: milliseconds since Twitter's epoch in the high bits, then a 10-bit worker and a 12-bit
/// sequence. The sandbox uses the worker to say who wrote a post, so an id alone finds a seeded post again.
/// </summary>
internal static class SnowflakeId
{
    public const int OwnWorker = 1;
    public const int FanWorker = 31;
    public const int MentionWorker = 32;
    public const int QuoteWorker = 33;
    public const int PlantedWorker = 34;
    public const int FirstOtherAccountWorker = 2;

    private static readonly DateTimeOffset TwitterEpoch = DateTimeOffset.FromUnixTimeMilliseconds(1288834974657);

    public static long Create(DateTimeOffset at, int worker, long sequence)
    {
        var milliseconds = (long)(at - TwitterEpoch).TotalMilliseconds;
        return (milliseconds << 22) | ((long)(worker & 0x3FF) << 12) | (sequence & 0xFFF);
    }

    public static DateTimeOffset TimeOf(long id) => TwitterEpoch.AddMilliseconds(id >> 22);

    public static int WorkerOf(long id) => (int)((id >> 12) & 0x3FF);

    public static bool TryParse(string? text, out long id) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id) && id > 0;
}
