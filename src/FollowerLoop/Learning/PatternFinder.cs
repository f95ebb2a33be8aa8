using System.Globalization;
using FollowerLoop.Storage;

namespace FollowerLoop.Learning;

/// <summary>
/// Readable findings from the finished posts' gains (what Learn learns from, <see cref="TrainingRow.LearnedFollowers"/>):
/// per format, topic, hook, 3-hour block and weekday, the group's mean against the rest with a 95% interval and n; and
/// whether a fast start (many likes in the first 2 hours) goes with more followers. Each says whether it holds once all
/// the comparisons are controlled for false discoveries (<see cref="FalseDiscovery"/>).
/// </summary>
public static class PatternFinder
{
    private const int BlockHours = 3;

    private static readonly (string Category, Func<TrainingRow, string?> Group, string Others)[] Dimensions =
    [
        ("format", r => r.Format, "other formats"),
        ("topic", r => r.Topic, "other topics"),
        ("hook", r => r.Hook, "other hooks"),
        ("hour", r => HourBlock(r.HourOfDay), "other hours"),
        ("weekday", r => ((DayOfWeek)r.DayOfWeek).ToString(), "other days"),
    ];

    public static IReadOnlyList<LearnedPattern> Find(IReadOnlyList<TrainingRow> rows, string account, long? modelId, DateTimeOffset now)
    {
        var usable = rows.Where(r => r.Kind != ContentKind.Reply && r.LearnedFollowers is not null).ToList();
        var compared = new List<(string Category, string Finding, GroupEffect Effect)>();
        foreach (var (category, group, others) in Dimensions)
        {
            compared.AddRange(GroupEffect.Compute(usable, group, Gain).Select(e => (category, $"{e.Group}: {Describe(e)} vs {others}", e)));
        }

        if (FastStart(usable) is { } fast)
        {
            compared.Add(fast);
        }

        // Every comparison counts, whichever way it came out: the findings are controlled across all of them.
        var q = FalseDiscovery.QValues([.. compared.Select(c => c.Effect.P)]);
        return [.. compared.Select((c, i) => Pattern(account, c.Category, $"{c.Finding}; {Discovery(q[i], compared.Count)}", c.Effect, modelId, now))];
    }

    private const string Holds = "a finding at a 5% false discovery rate";

    /// <summary>The Benjamini–Hochberg verdict, in words.</summary>
    public static string Discovery(double q, int comparisons) => q <= FalseDiscovery.Rate
        ? string.Create(CultureInfo.InvariantCulture, $"{Holds} (Benjamini–Hochberg q = {q:0.000} over {comparisons} comparisons)")
        : string.Create(CultureInfo.InvariantCulture, $"not told from chance at a 5% false discovery rate (Benjamini–Hochberg q = {q:0.00} over {comparisons} comparisons)");

    /// <summary>
    /// Whether a stored finding held once every comparison was controlled for false discoveries: its verdict is the words
    /// <see cref="Discovery"/> appended (a finding stored without a verdict did not hold).
    /// </summary>
    public static bool IsDiscovery(string finding) => finding.Contains($"; {Holds} (", StringComparison.Ordinal);

    /// <summary>The start hour of a row's 3-hour block (rows hold the account's local hour), as "18–21h local".</summary>
    public static string HourBlock(int hour)
    {
        var start = hour / BlockHours * BlockHours;
        return string.Create(CultureInfo.InvariantCulture, $"{start:00}–{start + BlockHours:00}h local");
    }

    /// <summary>Posts above the top-third cut of 2-hour likes against the rest (ties at the cut go to the rest).</summary>
    private static (string Category, string Finding, GroupEffect Effect)? FastStart(IReadOnlyList<TrainingRow> rows)
    {
        var early = rows.Where(r => r is { Likes2h: not null, FollowersAtPost: > 0 }).ToList();
        if (early.Count < 9)
        {
            return null;
        }

        var threshold = early.Select(r => r.Likes2h!.Value).Order().ElementAt(early.Count * 2 / 3);
        var effect = GroupEffect.Compute(early, r => r.Likes2h > threshold ? "fast" : "rest", Gain).FirstOrDefault(e => e.Group == "fast");
        if (effect is null)
        {
            return null;
        }

        var fast = early.Where(r => r.Likes2h > threshold).Average(Gain);
        var rest = early.Where(r => r.Likes2h <= threshold).Average(Gain);
        var ratio = rest > 0 ? string.Create(CultureInfo.InvariantCulture, $"{fast / rest:0.0}× the followers of the rest, ") : "";
        return ("early_velocity", $"posts with more than {threshold} likes in the first 2h: {ratio}{Describe(effect)}", effect);
    }

    private static double Gain(TrainingRow row) => row.LearnedFollowers!.Value;

    private static string Describe(GroupEffect e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Effect:+0.0;-0.0} followers per post (95% CI {e.CiLow:0.0} to {e.CiHigh:0.0}, n = {e.N})");

    private static LearnedPattern Pattern(string account, string category, string finding, GroupEffect e, long? modelId, DateTimeOffset now) => new()
    {
        Account = account,
        Category = category,
        Finding = finding,
        EffectSize = e.Effect,
        CiLow = e.CiLow,
        CiHigh = e.CiHigh,
        SampleSize = e.N,
        ModelId = modelId,
        CreatedAt = now,
    };
}
