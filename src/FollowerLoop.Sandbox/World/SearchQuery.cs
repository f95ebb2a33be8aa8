namespace FollowerLoop.Sandbox.World;

/// <summary>
/// The subset of x.com's search syntax the sandbox understands: words (all must appear, or any with OR),
/// "-word" to exclude, "from:handle". Other operators (lang:en, min_faves:10, -filter:replies) are accepted and ignored.
/// </summary>
internal sealed class SearchQuery
{
    private readonly List<string> _terms = [];
    private readonly List<string> _excluded = [];
    private readonly bool _any;

    public SearchQuery(string query)
    {
        foreach (var token in query.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var word = token.Trim('"').ToLowerInvariant();
            if (token == "OR")
            {
                _any = true;
            }
            else if (word.StartsWith("from:", StringComparison.Ordinal))
            {
                From = word["from:".Length..].TrimStart('@');
            }
            else if (word.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }
            else if (word.StartsWith('-') && word.Length > 1)
            {
                _excluded.Add(word[1..].TrimStart('#'));
            }
            else if (word.Length > 0)
            {
                _terms.Add(word.TrimStart('#'));
            }
        }
    }

    public string? From { get; }

    public bool Matches(string handle, IReadOnlySet<string> words)
    {
        if (From is not null && !string.Equals(From, handle, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (_excluded.Any(words.Contains))
        {
            return false;
        }

        return _terms.Count == 0 || (_any ? _terms.Any(words.Contains) : _terms.All(words.Contains));
    }
}
