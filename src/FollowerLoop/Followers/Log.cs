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

    [LoggerMessage(EventId = 8104, Level = LogLevel.Information, Message = "Credited the {Arrivals} arrival(s) of the last {Lookback}: {Certain} to the posts whose likers named them, the others shared over {Windows} window(s) by the attribution's weights ({Posts} post(s) in all) and the organic rate")]
    public static partial void ArrivalsCredited(ILogger logger, int arrivals, TimeSpan lookback, int certain, int windows, int posts);
}
