using System.Collections;

namespace FollowerLoop.Content;

/// <summary>
/// The account's recent texts, each with its word pairs worked out once: a Plan round checks every candidate against
/// the same recent posts, and working them out again for each candidate was the largest allocation of a bench run.
/// </summary>
public sealed class RecentTexts : IEnumerable<string>
{
    private readonly List<(string Text, IReadOnlySet<string> Shingles)> _texts = [];

    public RecentTexts()
    {
    }

    public RecentTexts(IEnumerable<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        foreach (var text in texts)
        {
            Add(text);
        }
    }

    /// <summary>Adds a text later ones must not repeat (an item queued a moment ago).</summary>
    public void Add(string text) => _texts.Add((text, TextSimilarity.Shingles(text)));

    /// <summary>Each text with its word pairs (<see cref="TextSimilarity.Shingles"/>).</summary>
    internal IReadOnlyList<(string Text, IReadOnlySet<string> Shingles)> WithShingles => _texts;

    public IEnumerator<string> GetEnumerator() => _texts.Select(t => t.Text).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
