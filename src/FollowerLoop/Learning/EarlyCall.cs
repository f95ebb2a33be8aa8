using FollowerLoop.Cache;
using FollowerLoop.Storage;
using FollowerLoop.X;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Learning;

/// <summary>
/// "Viral potential, early": at a post's 2-hour checkpoint the active early-velocity model predicts the
/// followers the post will have gained by 48 hours, from its first two hours' counts; the call is stored on
/// the post's content row beside Plan's own prediction. No active model, no baseline or a count that could
/// not be read means no call (unknown), never a guess.
/// </summary>
public sealed class EarlyCall(ContentStore content, TrackingCache tracking, ActiveModels models, IOptions<AccountOptions> account, TimeProvider time, ILogger<EarlyCall> logger)
{
    /// <summary>The predicted 48-hour gain, or null when no call could be made.</summary>
    public async Task<double?> MakeAsync(PostRecord post, TweetMetrics atTwoHours, CancellationToken cancellationToken)
    {
        if (atTwoHours is not { Likes: { } likes, Reposts: { } reposts, Replies: { } replies, Views: { } views })
        {
            return null;
        }

        var model = await models.GetAsync(post.Account, ModelKinds.EarlyVelocity, EarlyVelocityFeatures.Schema, cancellationToken);
        var item = model is null ? null : await content.GetAsync(post.DecisionId, cancellationToken);
        if (model is null || item is not { Kind: ContentKind.Post } || PostDescription.Of(item) is not { } description)
        {
            return null;
        }

        var followers = await tracking.GetFollowerCountsAsync(post.TweetId, cancellationToken);
        if (!followers.TryGetValue(CheckpointPhase.Baseline, out var atPost) || atPost <= 0)
        {
            return null;
        }

        var row = EarlyVelocityFeatures.Build(description, post.PostedAt, new EarlySignals(likes, reposts, replies, views, atPost, atTwoHours.ProfileClicks), account.Value.GetZone());
        var gain = ModelLabel.ToGain(model.Ensemble.PredictMean([row])[0], atPost);
        await content.SetPredictedGain2hAsync(post.DecisionId, gain, time.GetUtcNow(), cancellationToken);
        Log.EarlyCall(logger, post.TweetId, gain, model.Stored.Version, item.PredictedGain);
        return gain;
    }
}
