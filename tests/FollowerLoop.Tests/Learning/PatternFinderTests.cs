using FollowerLoop.Learning;
using FollowerLoop.Storage;

namespace FollowerLoop.Tests.Learning;

/// <summary>Patterns are controlled for false discoveries across every comparison (Benjamini–Hochberg), and say so.</summary>
public sealed class PatternFinderTests
{
    private static readonly string[] Formats = ["tip", "list", "story", "question", "thread"];
    private static readonly string[] Topics = ["ai", "startups", "careers", "productivity"];

    [Fact]
    public void QValues_AreBenjaminiHochbergs_InTheOrderGiven()
    {
        var q = FalseDiscovery.QValues([0.01, 0.04, 0.03, 0.005]);

        Assert.Equal([0.02, 0.04, 0.04, 0.02], q.Select(v => Math.Round(v, 10)));
    }

    [Fact]
    public void Find_OnPureNoise_CallsNothingAFinding_ThoughSomeGroupsLookApart()
    {
        var patterns = PatternFinder.Find(Rows(seed: 2, formatEffect: 0), "me", null, DateTimeOffset.UnixEpoch);

        Assert.True(patterns.Count >= 20, $"{patterns.Count} comparisons");
        Assert.All(patterns, p => Assert.Contains("not told from chance", p.Finding, StringComparison.Ordinal));
        // Uncorrected, some 95% intervals of pure noise leave 0: the correction is what keeps them from being findings.
        Assert.Contains(patterns, p => p.CiLow > 0 || p.CiHigh < 0);
    }

    [Fact]
    public void Find_ARealEffect_IsAFinding_NamingItsQValue()
    {
        var patterns = PatternFinder.Find(Rows(seed: 7, formatEffect: 12), "me", null, DateTimeOffset.UnixEpoch);

        var thread = Assert.Single(patterns, p => p is { Category: "format" } && p.Finding.StartsWith("thread:", StringComparison.Ordinal));
        Assert.Contains("a finding at a 5% false discovery rate (Benjamini–Hochberg q = ", thread.Finding, StringComparison.Ordinal);
    }

    /// <summary>200 posts whose gain is noise, plus <paramref name="formatEffect"/> followers for threads.</summary>
    private static List<TrainingRow> Rows(int seed, double formatEffect)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, 200).Select(i =>
        {
            var format = Formats[i % Formats.Length];
            var noise = Enumerable.Range(0, 12).Sum(_ => random.NextDouble()) - 6;
            return new TrainingRow
            {
                PostId = i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                DecisionId = Guid.NewGuid(),
                Account = "me",
                Kind = ContentKind.Post,
                Format = format,
                Topic = Topics[random.Next(Topics.Length)],
                Hook = i % 2 == 0 ? "number" : "question",
                PostedAt = DateTimeOffset.UnixEpoch.AddHours(i * 5),
                HourOfDay = (short)((i * 5) % 24),
                DayOfWeek = (short)((i * 5 / 24) % 7),
                LearnedFollowers = 20 + (5 * noise) + (format == "thread" ? formatEffect : 0),
                ComputedAt = DateTimeOffset.UnixEpoch,
            };
        })];
    }
}
