using System.Text.Json.Nodes;

namespace FollowerLoop.Sandbox.Tests;

/// <summary>The profiles in <c>bench/audiences</c>: each loads and runs, and together they exercise every structure key.</summary>
public sealed class BenchAudiencesTests
{
    private static readonly string[] StructureKeys =
    [
        "appeal.lengthCurve", "appeal.hourCurve", "appeal.topicDaypart", "appeal.emojiCap", "appeal.hashtagCap", "appeal.drift",
        "appeal.saturation", "appeal.viral", "engagement.followLagHours", "engagement.unfollowsPerView",
        "engagement.followsPerProfileVisit", "engagement.profileClicksPerView", "engagement.linkClicksPerView", "engagement.followersWhoLiked",
        "engagement.followersWhoLikedNext",
        "appeal.crowdingHours", "appeal.fatigueWindowHours", "account.utcOffsetHours",
    ];

    public static TheoryData<string> Files() => [.. Directory.GetFiles(Folder(), "*.json").Select(Path.GetFileName).OfType<string>()];

    [Theory]
    [MemberData(nameof(Files))]
    public void Profile_LoadsAndRunsForThreeWeeks(string file)
    {
        var (world, clock) = WorldFactory.Create(seed: 1, audienceFile: Path.Combine(Folder(), file));

        var posts = WorldFactory.PostAll(world, clock, rounds: 28);
        clock.Advance(TimeSpan.FromHours(48));

        Assert.Equal(252, posts.Count);
        Assert.All(posts, post => Assert.True(double.IsFinite(post.Outcome.Appeal)));
        Assert.True(world.GetFollowers() > 0);
    }

    [Fact]
    public void TheProfiles_TogetherExerciseEveryStructureKey()
    {
        var used = Directory.GetFiles(Folder(), "*.json")
            .Select(file => JsonNode.Parse(File.ReadAllText(file))!.AsObject())
            .SelectMany(profile => profile.SelectMany(section => section.Value is JsonObject keys ? keys.Select(key => $"{section.Key}.{key.Key}") : []))
            .ToHashSet();

        Assert.Empty(StructureKeys.Except(used));
    }

    /// <summary>The repository's <c>bench/{name}</c> folder, found above the test's output folder.</summary>
    internal static string Folder(string name = "audiences")
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "bench", name);
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"bench/{name} not found above {AppContext.BaseDirectory}.");
    }
}
