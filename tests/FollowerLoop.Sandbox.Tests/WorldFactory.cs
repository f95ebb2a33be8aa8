using FollowerLoop.Sandbox.Audience;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>In-process worlds on a stepped clock, and a fixed set of texts of different shapes.</summary>
internal static class WorldFactory
{
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<string> Texts { get; } =
    [
        "🧵 Everything I learned about AI agents in 3 years:",
        "5 rules for startup fundraising:\n1. Start small\n2. Measure\n3. Repeat",
        "How to build a deep work habit in 2 weeks",
        "Unpopular opinion: newsletter growth is overrated",
        "What is your best tip for a career promotion?",
        "73% of developers debug code the slow way, says a new survey",
        "I failed at investing for 4 years. Then index funds changed everything.",
        "Sleep is a skill.",
        "Some notes on weekend reading, nothing special, just thinking out loud about where it goes next.",
    ];

    public static (SandboxWorld World, SteppedTimeProvider Clock) Create(int seed = 1, string? audienceFile = null)
    {
        var clock = new SteppedTimeProvider(Epoch);
        return (SandboxWorld.Create(Options(seed, audienceFile), clock), clock);
    }

    /// <summary>A world with the built-in audience and <paramref name="audienceJson"/> merged over it.</summary>
    public static (SandboxWorld World, SteppedTimeProvider Clock) WithAudience(string audienceJson, int seed = 1)
    {
        var clock = new SteppedTimeProvider(Epoch);
        return (new SandboxWorld(Options(seed, null), AudienceProfileLoader.Parse(audienceJson, "test.json"), clock), clock);
    }

    private static SandboxOptions Options(int seed, string? audienceFile) =>
        new() { AudienceSeed = seed, AudienceFile = audienceFile, Clock = SandboxClockMode.Stepped };

    /// <summary>Posts every text once, two hours apart, numbered so no text repeats.</summary>
    public static List<SandboxPost> PostAll(SandboxWorld world, SteppedTimeProvider clock, int rounds = 1)
    {
        var posts = new List<SandboxPost>();
        for (var round = 0; round < rounds; round++)
        {
            foreach (var text in Texts)
            {
                clock.Advance(TimeSpan.FromHours(2));
                posts.Add(world.Publish(rounds == 1 ? text : $"{text} ({round + 1})"));
            }
        }

        return posts;
    }
}
