namespace FollowerLoop.Content;

/// <summary>
/// How alike two posts read: the Jaccard overlap of their normalised word pairs (bigrams). Rewording a
/// template's topic word drops it well below 1; the same post with other punctuation or case stays at 1.
/// </summary>
public static class TextSimilarity
{
    public static double Jaccard(string a, string b) => Jaccard(Shingles(a), Shingles(b));

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0)
        {
            return 1;
        }

        var shared = a.Count(b.Contains);
        return shared / (double)(a.Count + b.Count - shared);
    }

    /// <summary>The text's word bigrams (its single word when it has only one).</summary>
    public static IReadOnlySet<string> Shingles(string text)
    {
        var words = TextNormalizer.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length < 2
            ? words.ToHashSet(StringComparer.Ordinal)
            : words.Zip(words.Skip(1), (x, y) => $"{x} {y}").ToHashSet(StringComparer.Ordinal);
    }
}
