namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// Counts the requests an HTTP client sends, from the client's side (the sandbox keeps no record of its X API calls):
/// <see cref="CreateHandler"/> goes into the client's handler pipeline, each handler it makes counting into this one total.
/// </summary>
internal sealed class RequestCount
{
    private int _value;

    public int Value => Volatile.Read(ref _value);

    public DelegatingHandler CreateHandler() => new Counting(this);

    private sealed class Counting(RequestCount count) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref count._value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
