namespace FollowerLoop.Bench.Scrape;

/// <summary>One figure of a day's reads before issue #14 (one page per post at every Analytics run) and after it.</summary>
internal sealed record DailyFigure(string Name, string Key, double Before, double After);
