using FollowerLoop.Content;
using FollowerLoop.Learning;

namespace FollowerLoop.Tests.Learning;

/// <summary>Model rows with a planted effect: lists gain far more than questions, everything else in between.</summary>
internal static class SyntheticRows
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    public const long Followers = 10_000;

    public static double ExpectedGain(string format) => format switch
    {
        "list" => 40,
        "question" => 4,
        _ => 12,
    };

    /// <param name="inverted">Give questions the lists' gain and lists the questions' (a misleading history).</param>
    public static async Task<IReadOnlyList<TrainingExample>> CreateAsync(int count, int seed, bool inverted = false, int offsetHours = 0)
    {
        var random = new Random(seed);
        var candidates = await new TemplateGenerator(new Random(seed)).GeneratePostsAsync(count, FormatMix.Even, CancellationToken.None);
        return [.. candidates.Select((c, i) =>
        {
            var at = Start.AddHours(offsetHours + (3 * i));
            var format = inverted ? c.Format switch { "list" => "question", "question" => "list", var f => f } : c.Format;
            var gain = ExpectedGain(format) * Math.Exp((random.NextDouble() - 0.5) * 0.4);
            return new TrainingExample($"post-{seed}-{i}", at, GainFeatures.Build(PostDescription.Of(c), PostTiming.Alone(at), TimeZoneInfo.Utc), ModelLabel.FromGain(gain, Followers), Followers, format);
        })];
    }
}
