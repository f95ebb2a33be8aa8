namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// What 100 checkpoints due together cost in calls to X and wall time: through the warm browser
/// (estimated: one page load per post, as measured, plus one profile read), and through the API
/// client measured against the sandbox's X API, batched (as the worker runs it) and one call per post.
/// </summary>
internal sealed record CheckpointCosts(
    int Checkpoints,
    TimeSpan ApiLatency,
    int BrowserCalls,
    double BrowserMilliseconds,
    int ApiRequests,
    double ApiMilliseconds,
    int ApiUnbatchedRequests,
    double ApiUnbatchedMilliseconds);
