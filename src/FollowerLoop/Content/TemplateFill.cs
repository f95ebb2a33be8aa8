namespace FollowerLoop.Content;

/// <summary>The words and numbers a template is filled with: three distinct things of one topic and a few numbers.</summary>
internal sealed record TemplateFill(TopicVocabulary.TopicWords Words, IReadOnlyList<string> Things, int N, int Percent, int Multiplier)
{
    public string Name => Words.Name;

    public string Goal => Words.Goal;

    /// <summary>The first thing, as it reads mid-sentence.</summary>
    public string Thing => Things[0];

    /// <summary>The things as list items or sentence starts (capitalised).</summary>
    public string Item1 => Capitalize(Things[0]);

    public string Item2 => Capitalize(Things[1]);

    public string Item3 => Capitalize(Things[2]);

    private static string Capitalize(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
