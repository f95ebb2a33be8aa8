using System.ComponentModel.DataAnnotations;

namespace FollowerLoop.Content;

/// <summary>Section <c>Content</c>: the guards every generated text passes before it is queued.</summary>
public sealed class ContentOptions
{
    public const string SectionName = "Content";

    /// <summary>Phrases a post must never contain (compared case- and punctuation-insensitively).</summary>
    public IList<string> BannedPhrases { get; set; } = [];

    /// <summary>A text at least this similar (word-bigram Jaccard) to a recent post is a near-duplicate.</summary>
    [Range(0.3, 1.0, ErrorMessage = "Content:NearDuplicateSimilarity must be between 0.3 and 1.")]
    public double NearDuplicateSimilarity { get; set; } = 0.8;

    /// <summary>How many of the latest posts a new text is compared with.</summary>
    [Range(1, 5000, ErrorMessage = "Content:RecentPostsCompared must be between 1 and 5000.")]
    public int RecentPostsCompared { get; set; } = 200;
}
