using Microsoft.Extensions.Logging;

namespace FollowerLoop.Followers;

internal static partial class Log
{
    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "Full followers pass: about {Followers} followers, {Requests} request(s), about {CostUsd} USD at the API's own-data price")]
    public static partial void FullPassEstimate(ILogger logger, long followers, long requests, decimal costUsd);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Full followers pass skipped: about {CostUsd} USD is over Followers:MaxFullPassUsd ({MaxUsd}); departures among older followers go unseen until it is raised")]
    public static partial void FullPassTooDear(ILogger logger, decimal costUsd, decimal maxUsd);

    [LoggerMessage(EventId = 8103, Level = LogLevel.Information, Message = "Followers pass ({Kind}): {Read} read in {Requests} request(s), {Arrivals} arrival(s), {Departures} departure(s)")]
    public static partial void PassDone(ILogger logger, string kind, int read, int requests, int arrivals, int departures);

    [LoggerMessage(EventId = 8104, Level = LogLevel.Information, Message = "Credited the arrivals of the last {Lookback}: {Liked} who had liked posts, by their likes too (likes weighed: {LikesWeighed}), the others over {Windows} window(s) by the attribution's weights and the organic rate ({Posts} post(s) in all)")]
    public static partial void ArrivalsCredited(ILogger logger, int liked, TimeSpan lookback, int windows, int posts, bool likesWeighed);
}
