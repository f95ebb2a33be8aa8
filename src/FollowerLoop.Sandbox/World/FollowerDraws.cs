using FollowerLoop.Sandbox.Audience;

namespace FollowerLoop.Sandbox.World;

/// <summary>
/// Draws a follower from their own random stream. The first draws decide bot-likeness and leaving, so the world can
/// date a post's leavers (for the follower count) without drawing the rest; the facts come after.
/// </summary>
internal static class FollowerDraws
{
    private const int FollowerWorker = 40;

    // Followers' ids take workers 40 to 539; likers who never followed take the next 400, so no two people share an id.
    private const int LikerWorker = 540;

    private static readonly string[] FirstNames =
    [
        "alex", "sara", "jon", "mia", "raj", "lena", "tariq", "emma", "kofi", "yuki", "diego", "anna", "ravi", "chloe",
        "marco", "aisha", "ben", "nina", "hugo", "lucia", "felix", "ines", "omar", "jade", "pavel", "rosa", "dev", "elif",
    ];

    private static readonly string[] Interests =
    [
        "builds", "codes", "writes", "ships", "designs", "learns", "reads", "makes", "grows", "data", "ops", "dev", "ai", "ux",
    ];

    private static readonly string[] Bios =
    [
        "Software engineer. Coffee, code and long walks.", "Building a tiny SaaS in public.", "Product designer. Opinions my own.",
        "Learning in public: AI, startups, habits.", "Writer. Newsletter on focus and deep work.", "Data scientist by day, runner by night.",
        "Founder @ a small startup. Ex-big tech.", "Marketing nerd. Growth experiments every week.", "Student. CS, ML and too many side projects.",
        "Indie hacker. 3 products, 1 that pays.",
    ];

    /// <summary>When a follower a post brought leaves on their own, or null (consumes the stream's first three draws).</summary>
    public static DateTimeOffset? LeavesAt(DeterministicRandom random, FollowersProfile profile, double leaveChance, DateTimeOffset followedAt, out bool isBotLike)
    {
        isBotLike = random.NextDouble() < profile.BotShare;
        var stay = (1 - leaveChance) * (isBotLike ? 1 - profile.BotLeaveChance : 1);
        var leaves = random.NextDouble() >= stay;
        var days = -profile.MeanDaysBeforeLeaving * Math.Log(1 - random.NextDouble());
        return leaves ? followedAt.AddDays(days) : null;
    }

    /// <summary>A whole follower: <see cref="LeavesAt"/>'s draws, then who they are.</summary>
    public static SandboxFollower Draw(DeterministicRandom random, long index, FollowersProfile profile, double leaveChance, DateTimeOffset followedAt, string? broughtBy)
    {
        var leavesAt = LeavesAt(random, profile, leaveChance, followedAt, out var isBotLike);
        var first = Pick(random, FirstNames);
        var facts = isBotLike ? BotFacts(random, followedAt) : PersonFacts(random, followedAt);
        var handle = isBotLike ? $"{first}{random.NextInt(90_000_000) + 10_000_000}" : PersonHandle(random, first);
        var id = SnowflakeId.Create(facts.CreatedAt.AddMilliseconds(random.NextInt(1000)), FollowerWorker + random.NextInt(500), random.NextInt(4096));
        return new SandboxFollower(index, id.ToString(System.Globalization.CultureInfo.InvariantCulture), handle, DisplayName(first), followedAt, broughtBy, isBotLike, leavesAt, facts);
    }

    /// <summary>Someone who liked a post and did not follow: a person who joined before <paramref name="likedAt"/>.</summary>
    public static PostLiker Liker(DeterministicRandom random, DateTimeOffset likedAt)
    {
        var first = Pick(random, FirstNames);
        var createdAt = likedAt.AddDays(-(30 + (random.NextDouble() * 5400)));
        var id = SnowflakeId.Create(createdAt.AddMilliseconds(random.NextInt(1000)), LikerWorker + random.NextInt(400), random.NextInt(4096));
        return new PostLiker(id.ToString(System.Globalization.CultureInfo.InvariantCulture), PersonHandle(random, first), DisplayName(first));
    }

    private static string PersonHandle(DeterministicRandom random, string first) =>
        $"{first}_{Pick(random, Interests)}{(random.NextDouble() < 0.5 ? (random.NextInt(98) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "")}";

    private static string DisplayName(string first) => char.ToUpperInvariant(first[0]) + first[1..];

    private static FollowerFacts BotFacts(DeterministicRandom random, DateTimeOffset followedAt) => new(
        CreatedAt: followedAt.AddDays(-(1 + (random.NextDouble() * 89))),
        DefaultProfileImage: random.NextDouble() < 0.8,
        Bio: random.NextDouble() < 0.1 ? Pick(random, Bios) : "",
        FollowersCount: random.NextInt(16),
        FollowingCount: 800 + random.NextInt(4200),
        PostsCount: random.NextInt(31),
        Protected: false,
        Verified: false);

    private static FollowerFacts PersonFacts(DeterministicRandom random, DateTimeOffset followedAt) => new(
        CreatedAt: followedAt.AddDays(-(30 + (random.NextDouble() * 5400))),
        DefaultProfileImage: random.NextDouble() < 0.05,
        Bio: random.NextDouble() < 0.85 ? Pick(random, Bios) : "",
        FollowersCount: LogNormal(random, 180, 1.5),
        FollowingCount: LogNormal(random, 350, 1.0),
        PostsCount: LogNormal(random, 900, 1.5),
        Protected: random.NextDouble() < 0.04,
        Verified: random.NextDouble() < 0.02);

    private static long LogNormal(DeterministicRandom random, double median, double sd) =>
        (long)Math.Round(Math.Exp(Math.Log(median) + random.NextNormal(0, sd)));

    private static string Pick(DeterministicRandom random, string[] from) => from[random.NextInt(from.Length)];
}
