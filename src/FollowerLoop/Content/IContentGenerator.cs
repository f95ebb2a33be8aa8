using FollowerLoop.X;

namespace FollowerLoop.Content;

/// <summary>Writes posts, replies and threads: an LLM behind Microsoft.Extensions.AI, or offline templates.</summary>
public interface IContentGenerator
{
    /// <summary>Candidate posts, their formats drawn from <paramref name="mix"/>, each labelled and measured.</summary>
    Task<IReadOnlyList<Candidate>> GeneratePostsAsync(int count, FormatMix mix, CancellationToken cancellationToken);

    Task<string> GenerateReplyAsync(FoundTweet target, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GenerateThreadAsync(string topic, int parts, CancellationToken cancellationToken);
}
