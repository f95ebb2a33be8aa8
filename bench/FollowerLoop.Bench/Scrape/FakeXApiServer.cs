using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// A stand-in for api.x.com on a free loopback port answering the reads a checkpoint makes
/// (<c>GET /2/tweets?ids=</c>, <c>/2/users/me</c>, <c>/2/users/:id</c>) in X's documented shapes,
/// each after <see cref="Latency"/> (a simulated round trip), counting the requests.
/// </summary>
internal sealed class FakeXApiServer : IAsyncDisposable
{
    private const string User = """{"data":{"id":"6253282","name":"Bench","username":"bench_account","public_metrics":{"followers_count":1234,"following_count":56,"tweet_count":78,"listed_count":0}}}""";

    private readonly WebApplication _app;
    private int _requests;

    private FakeXApiServer(WebApplication app, TimeSpan latency)
    {
        _app = app;
        Latency = latency;
        _app.Run(AnswerAsync);
    }

    public TimeSpan Latency { get; }

    public int Requests => Volatile.Read(ref _requests);

    public Uri BaseAddress => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<FakeXApiServer> StartAsync(TimeSpan latency, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new FakeXApiServer(builder.Build(), latency);
        await server._app.StartAsync(cancellationToken);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        await Task.Delay(Latency, context.RequestAborted);
        context.Response.ContentType = "application/json; charset=utf-8";
        var path = context.Request.Path.Value ?? "";
        if (path == "/2/tweets")
        {
            var ids = context.Request.Query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries);
            var posts = ids.Select(id => $$"""{"id":"{{id}}","text":"bench","public_metrics":{"retweet_count":3,"reply_count":2,"like_count":40,"quote_count":1,"bookmark_count":5,"impression_count":900} }""");
            await context.Response.WriteAsync($$"""{"data":[{{string.Join(",", posts)}}]}""", context.RequestAborted);
        }
        else if (path.StartsWith("/2/users/", StringComparison.Ordinal))
        {
            await context.Response.WriteAsync(User, context.RequestAborted);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsync("""{"title":"Not Found Error","type":"about:blank","status":404}""", context.RequestAborted);
        }
    }
}
