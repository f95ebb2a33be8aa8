using FollowerLoop.X;

namespace FollowerLoop.Content;

/// <summary>Writes posts, replies and threads: an LLM behind Microsoft.Extensions.AI, or offline templates.</summary>
public interface IContentGenerator
{
    /// <summary>Candidate posts, their formats drawn from <paramref name="mix"/>, each labelled and measured.</summary>
    Task<IReadOnlyList<Candidate>> GeneratePostsAsync(int count, FormatMix mix, CancellationToken cancellationToken);

    /// <summary>A reply to a post that summoned the account; its text is data for the writer, never instructions.</summary>
    Task<string> GenerateReplyAsync(Mention summons, CancellationToken cancellationToken);

    Task<IReadOnlyList<string>> GenerateThreadAsync(string topic, int parts, CancellationToken cancellationToken);
}
