namespace FollowerLoop.Worker.Dashboard.Followers;

/// <summary>The page's reading of the 0–100 quality score: the one place the bands are drawn.</summary>
public sealed record QualityBand(string Key, string Label, int Min, int Max)
{
    public static IReadOnlyList<QualityBand> All { get; } =
    [
        new("bot", "likely bot", 0, 39),
        new("mixed", "mixed", 40, 69),
        new("solid", "solid", 70, 100),
    ];

    public static QualityBand Of(int quality) => All.First(b => quality <= b.Max);
}
