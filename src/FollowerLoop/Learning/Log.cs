using Microsoft.Extensions.Logging;

namespace FollowerLoop.Learning;

internal static partial class Log
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Learn: {Kind} model not trained, {Rows} usable rows of the {MinRows} needed")]
    public static partial void TooFewRows(ILogger logger, string kind, int rows, int minRows);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Information, Message = "Learn: {Kind} v{Version} trained on {TrainRows} rows; held-out MAE {Mae:0.00} followers on {HoldoutRows} rows vs the mean's {BarMae:0.00}; activated: {Activated} (the version stored was trained on {StoredRows} rows)")]
    public static partial void ModelTrained(ILogger logger, string kind, int version, int trainRows, int holdoutRows, double mae, double barMae, bool activated, int storedRows);

    [LoggerMessage(EventId = 7016, Level = LogLevel.Information, Message = "Learn: {Kind} v{Version} did not beat the mean but is the first to rank Plan's choices (random until now): activated")]
    public static partial void FirstRankingModel(ILogger logger, string kind, int version);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Attribution: {Rows} rows written; posts weighed by their {Exposure}; fit on {Intervals} follower intervals, drift {DriftPerHour:0.00}/h, follows lag by {LagHours}h, reach exponent {ReachExponent}")]
    public static partial void Attributed(ILogger logger, int rows, string exposure, int intervals, double driftPerHour, double lagHours, double reachExponent);

    [LoggerMessage(EventId = 7011, Level = LogLevel.Warning, Message = "Attribution: X's follows of post {PostId} could not be read ({Reason}); trying again on the next run")]
    public static partial void ReportedFollowsFailed(ILogger logger, string postId, string reason);

    [LoggerMessage(EventId = 7017, Level = LogLevel.Warning, Message = "Attribution: the likers of post {PostId} could not be read ({Reason}); trying again on the next run")]
    public static partial void LikersReadFailed(ILogger logger, string postId, string reason);

    [LoggerMessage(EventId = 7018, Level = LogLevel.Information, Message = "Attribution: {Matched:0.#} new followers had liked the posts out before they followed, over {Posts} posts whose likers were read: chances {LikedBringer:P0} that one liked the post that brought them, {LikedNext:P0} the post after it, {LikedFarther:P1} any other")]
    public static partial void LikedArrivalsMatched(ILogger logger, double matched, int posts, double likedBringer, double likedNext, double likedFarther);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information, Message = "Early call: post {PostId} should gain {Gain:0.0} followers by 48h (early-velocity v{Version}; Plan predicted {Planned})")]
    public static partial void EarlyCall(ILogger logger, string postId, double gain, int version, double? planned);
}
