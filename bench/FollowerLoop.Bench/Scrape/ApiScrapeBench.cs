using System.Diagnostics;
using FollowerLoop.X;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// The API rows: <see cref="Checkpoints"/> metrics reads due together plus one profile read, through
/// the X API client wired as the worker wires it (<c>XClient:Provider=Api</c>) against
/// <see cref="FakeXApiServer"/>. Batched: the reads arrive together and share requests of up to 100
/// ids; one by one: the batch window off and the reads made in turn, as a naive client would.
/// </summary>
internal static class ApiScrapeBench
{
    public const int Checkpoints = 100;
    private const string Handle = "bench_account";

    /// <summary>A plausible round trip to api.x.com from a cloud region; loopback alone would hide what requests cost.</summary>
    public static readonly TimeSpan SimulatedLatency = TimeSpan.FromMilliseconds(100);

    public static async Task<(int Requests, double Milliseconds)> RunAsync(bool batched, DirectoryInfo directory, CancellationToken cancellationToken)
    {
        await using var api = await FakeXApiServer.StartAsync(SimulatedLatency, cancellationToken);
        using var host = BuildClientHost(api.BaseAddress, batched, Path.Combine(directory.FullName, $"api-token-{batched}.json"));
        var client = host.Services.GetRequiredService<IXClient>();
        // Post ids as X makes them (snowflakes of the last hour): the account's own recent posts.
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = Enumerable.Range(0, Checkpoints).Select(n => ((now - 1288834974657L - (n * 1000L)) << 22).ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

        var started = Stopwatch.GetTimestamp();
        if (batched)
        {
            await Task.WhenAll(ids.Select(id => client.GetTweetMetricsAsync(Handle, id, cancellationToken)));
        }
        else
        {
            foreach (var id in ids)
            {
                await client.GetTweetMetricsAsync(Handle, id, cancellationToken);
            }
        }

        await client.GetProfileAsync(Handle, cancellationToken);
        return (api.Requests, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static IHost BuildClientHost(Uri baseUrl, bool batched, string tokenStorePath)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XClient:Provider"] = "Api",
            ["XClient:Handle"] = Handle,
            ["XApi:BaseUrl"] = baseUrl.ToString(),
            ["XApi:UserId"] = "6253282",
            ["XApi:OAuth2:AccessToken"] = "bench-access",
            ["XApi:OAuth2:RefreshToken"] = "bench-refresh",
            ["XApi:OAuth2:ClientId"] = "bench-client",
            ["XApi:OAuth2:TokenStorePath"] = tokenStorePath,
            ["XApi:MetricsBatchWindow"] = batched ? "00:00:00.050" : "00:00:00",
        });
        builder.AddXClient();
        return builder.Build();
    }
}
