namespace FollowerLoop.Content;

/// <summary>A post shown in a line of text (a refusal reason, the report, a dashboard cell).</summary>
public static class PostExcerpt
{
    /// <summary>The first <paramref name="length"/> characters of <paramref name="text"/>, on one line.</summary>
    public static string Of(string text, int length)
    {
        var line = text.ReplaceLineEndings(" ");
        return line.Length <= length ? line : string.Concat(line.AsSpan(0, length - 1), "…");
    }
}
