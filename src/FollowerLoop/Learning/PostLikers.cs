using FollowerLoop.Storage;
using FollowerLoop.X;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>
/// The likers of the account's posts, read once a post's 48 hours are over (its likes, like its follows, have mostly
/// come in by then), and the new followers among them: what the Attribution job sharpens its estimates with
/// (<see cref="LikeEvidence"/>).
/// </summary>
public sealed class PostLikers(ILikingUsersReader reader, LikerStore store, IOptions<LearnOptions> options, TimeProvider time, ILogger<PostLikers> logger)
{
    /// <summary>
    /// Reads and stores the likers of <paramref name="finished"/> posts not read before; a read that fails is tried on the
    /// next run, and a rate limit ends this run's reads (the rest would meet it too).
    /// </summary>
    public async Task RecordAsync(IReadOnlyList<PostViews> finished, CancellationToken cancellationToken)
    {
        if (!reader.Available || !options.Value.ReadLikers || finished.Count == 0)
        {
            return;
        }

        var read = await store.GetReadAsync([.. finished.Select(p => p.PostId)], cancellationToken);
        foreach (var post in finished.Where(p => !read.ContainsKey(p.PostId)))
        {
            LikingUsers? likers;
            try
            {
                likers = await reader.ReadAsync(post.PostId, cancellationToken);
            }
            catch (XClientException ex)
            {
                Log.LikersReadFailed(logger, post.PostId, ex.Message);
                if (ex.Kind == XErrorKind.RateLimited)
                {
                    return;
                }

                continue;
            }

            if (likers is null)
            {
                return;
            }

            await store.SaveAsync(likers, time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>
    /// The arrivals first listed since <paramref name="since"/> weighed by the posts' expected follows and their likes
    /// (<see cref="LikeEvidence"/>; by the expected follows alone where no post's likers were listed in full): the posts'
    /// estimates sharpened (<see cref="LikeEvidence.Credit"/>) and each arrival's credit (<see cref="LikeEvidence.Arrivals"/>).
    /// </summary>
    public async Task<LikeEvidence> WeighAsync(
        string account, IReadOnlyList<PostViews> posts, AttributionEstimate estimate, DateTimeOffset since, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(posts);
        ArgumentNullException.ThrowIfNull(estimate);
        var listed = await ListedAsync(posts, cancellationToken);
        var postsSince = posts.Count > 0 ? posts.Min(p => p.PostedAt) : since;
        var (windows, liked) = await store.GetArrivalEvidenceAsync(account, since, postsSince, EngagementShareAttribution.Window, cancellationToken);
        var evidence = LikeEvidence.Weigh(estimate.Followers, posts, listed, estimate.Weights, windows, liked);
        if (evidence.Chances is { } chances)
        {
            Log.LikedArrivalsMatched(logger, evidence.Matched, evidence.ReadPosts, chances.Bringer, chances.Next, chances.Farther);
        }

        return evidence;
    }

    /// <summary>The posts whose likers were listed in full.</summary>
    private async Task<HashSet<string>> ListedAsync(IReadOnlyList<PostViews> posts, CancellationToken cancellationToken) =>
        posts.Count == 0
            ? new HashSet<string>(StringComparer.Ordinal)
            : (await store.GetReadAsync([.. posts.Select(p => p.PostId)], cancellationToken)).Where(r => r.Value).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
}
