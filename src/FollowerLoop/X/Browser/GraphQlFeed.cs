using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>
/// Every answer to one GraphQL operation that a page makes while it is watched (UserTweets, called again with a cursor
/// each time the timeline is scrolled to its end): the bodies of those that succeeded, in arrival order.
/// </summary>
internal sealed class GraphQlFeed : IDisposable
{
    private readonly IPage _page;
    private readonly string _operation;
    private readonly TimeSpan _bodyTimeout;
    private readonly Lock _lock = new();
    private readonly List<Task<string?>> _bodies = [];

    private GraphQlFeed(IPage page, string operation, TimeSpan bodyTimeout)
    {
        (_page, _operation, _bodyTimeout) = (page, operation, bodyTimeout);
        page.Response += OnResponse;
    }

    /// <param name="bodyTimeout">How long after its answer came a body may take: one that takes longer is lost, and the page's own counts stand.</param>
    public static GraphQlFeed Watch(IPage page, string operation, TimeSpan bodyTimeout) => new(page, operation, bodyTimeout);

    /// <summary>The bodies received so far (a body still being read is awaited, within its time).</summary>
    public async Task<IReadOnlyList<string>> BodiesAsync()
    {
        Task<string?>[] pending;
        lock (_lock)
        {
            pending = [.. _bodies];
        }

        return (await Task.WhenAll(pending)).OfType<string>().ToList();
    }

    public void Dispose() => _page.Response -= OnResponse;

    private void OnResponse(object? sender, IResponse response)
    {
        if (response.Url.Contains($"/{_operation}?", StringComparison.Ordinal) && response.Ok)
        {
            lock (_lock)
            {
                // The page moved on before the body was read, or it never came: that answer is lost, the page's own counts stand.
                _bodies.Add(ResponseBody.ReadAsync(response, _bodyTimeout));
            }
        }
    }
}
