namespace FollowerLoop.Worker.Dashboard.Charts;

/// <summary>
/// Room for the labels left of a chart's rows. SVG text does not wrap or clip itself, so a label is sized from its
/// length (12 px system-ui averages under 7 px a character) and shortened with "…" when it would not fit.
/// </summary>
public static class RowLabels
{
    private const double CharacterWidth = 7;
    private const int Gap = 16;

    /// <summary>The width that holds the longest of <paramref name="labels"/>, within [80, <paramref name="max"/>].</summary>
    public static int WidthFor(IEnumerable<string> labels, int max) =>
        Math.Clamp((int)Math.Ceiling((labels.Select(l => l.Length).DefaultIfEmpty(0).Max() * CharacterWidth) + Gap), 80, max);

    /// <summary>The label, shortened to what <paramref name="width"/> holds.</summary>
    public static string Fit(string label, int width) => FollowerLoop.Content.PostExcerpt.Of(label, Math.Max(4, (int)((width - Gap) / CharacterWidth)));
}
