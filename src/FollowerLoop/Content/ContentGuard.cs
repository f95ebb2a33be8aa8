using FollowerLoop.X;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Content;

/// <summary>
/// The checks a text passes before it may be queued: x.com's length limit, the banned phrases, and no
/// near-duplicate of a recent post. Each refusal says why, in words a person can act on.
/// </summary>
public sealed class ContentGuard(IOptions<ContentOptions> options)
{
    /// <summary>Why <paramref name="text"/> must not be posted, or null when it may.</summary>
    public string? Check(string text, RecentTexts recentTexts)
    {
        ArgumentNullException.ThrowIfNull(recentTexts);
        var length = TweetLength.Check(text);
        if (!length.IsAcceptable)
        {
            return length.Problem;
        }

        var normalized = $" {TextNormalizer.Normalize(text)} ";
        var banned = options.Value.BannedPhrases
            .Where(p => TextNormalizer.Normalize(p).Length > 0)
            .FirstOrDefault(p => normalized.Contains($" {TextNormalizer.Normalize(p)} ", StringComparison.Ordinal));
        if (banned is not null)
        {
            return $"it contains the banned phrase \"{banned}\" (Content:BannedPhrases)";
        }

        var shingles = TextSimilarity.Shingles(text);
        foreach (var (recent, recentShingles) in recentTexts.WithShingles)
        {
            var similarity = TextSimilarity.Jaccard(shingles, recentShingles);
            if (similarity >= options.Value.NearDuplicateSimilarity)
            {
                return similarity >= 1
                    ? $"the same text was already planned or posted: \"{PostExcerpt.Of(recent, 60)}\""
                    : $"it is a near-duplicate ({similarity:P0} alike) of a recent post: \"{PostExcerpt.Of(recent, 60)}\"";
            }
        }

        return null;
    }
}
