using FollowerLoop.Planning;
using FollowerLoop.Sandbox;

namespace FollowerLoop.Bench.Learning;

/// <summary>What one `learning` run compares: the audience, how many posts each policy makes, and how FollowerLoop explores.</summary>
/// <param name="Overrides">FollowerLoop settings for its run (<c>--set Learn:HalfLife=42.00:00:00</c>), over the bench's own.</param>
/// <param name="Reads">What FollowerLoop's X client reads: the pages' counts, or the API's owner metrics too.</param>
/// <param name="Followers">Whether the Followers job runs (arrivals, credited to posts by Attribution) and kept followers are scored.</param>
/// <param name="Compare">Sets of engagement share's rules replayed on the run's data beside the job's (<c>--compare</c>); null or empty: none.</param>
internal sealed record LearningSettings(
    int AudienceSeed,
    string? AudienceFile,
    int Posts,
    ExplorationMode Exploration,
    string ConnectionString,
    string Redis,
    IReadOnlyDictionary<string, string?> Overrides,
    BenchReads Reads,
    bool Followers,
    IReadOnlyList<ComparedRules>? Compare = null)
{
    /// <summary>A follower counts as kept when still following this long after they came (Learn's Retained7d).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromDays(7);

    public const string Handle = "fl_bench";

    /// <summary>The sandbox's default epoch, a Monday.</summary>
    public static readonly DateTimeOffset Epoch = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Plan's settings, the same for every policy: candidates per round, posts per day, spacing, horizon.</summary>
    public static PlanOptions Plan { get; } = new();

    public SandboxOptions Sandbox => new()
    {
        Handle = Handle,
        AudienceSeed = AudienceSeed,
        AudienceFile = AudienceFile,
        Clock = SandboxClockMode.Stepped,
        Epoch = Epoch,
    };
}
