using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using FollowerLoop.X;
using FollowerLoop.X.Api;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// The API rows: <see cref="Checkpoints"/> metrics reads due together plus one profile read, through the X API client
/// wired as the worker wires it (<c>XClient:Provider=Api</c>) against the sandbox's X API (<see cref="ScrapeSandbox"/>,
/// the account's own posts of the last <see cref="Checkpoints"/> minutes), each request answered after
/// <see cref="SimulatedLatency"/>. Batched: the reads arrive together and share requests of up to 100 ids; one by one:
/// the batch window off and the reads made in turn, as a naive client would. The requests are counted as they leave the
/// client (<see cref="RequestCount"/>).
/// </summary>
internal static class ApiScrapeBench
{
    public const int Checkpoints = 100;

    /// <summary>A plausible round trip to api.x.com from a cloud region; loopback alone would hide what requests cost.</summary>
    public static readonly TimeSpan SimulatedLatency = TimeSpan.FromMilliseconds(100);

    public static async Task<(ApiCost Batched, ApiCost Unbatched)> RunAsync(DirectoryInfo directory, CancellationToken cancellationToken)
    {
        await using var sandbox = await ScrapeSandbox.StartAsync(
            Checkpoints, TimeSpan.FromMinutes(Checkpoints), (int)SimulatedLatency.TotalMilliseconds, cancellationToken);
        // As a worker with XApi:UserId set (or past its first profile read): the profile read is one request.
        var userId = await AccountIdAsync(sandbox, cancellationToken);
        var batched = await MeasureAsync(sandbox, userId, batched: true, Path.Combine(directory.FullName, "api-token-batched.json"), cancellationToken);
        var unbatched = await MeasureAsync(sandbox, userId, batched: false, Path.Combine(directory.FullName, "api-token-unbatched.json"), cancellationToken);
        return (batched, unbatched);
    }

    private static async Task<ApiCost> MeasureAsync(ScrapeSandbox sandbox, string userId, bool batched, string tokenStorePath, CancellationToken cancellationToken)
    {
        var requests = new RequestCount();
        using var host = BuildClientHost(sandbox, userId, batched, tokenStorePath, requests);
        var client = host.Services.GetRequiredService<IXClient>();

        var started = Stopwatch.GetTimestamp();
        if (batched)
        {
            await Task.WhenAll(sandbox.PostIds.Select(id => client.GetTweetMetricsAsync(ScrapeSandbox.Handle, id, cancellationToken)));
        }
        else
        {
            foreach (var id in sandbox.PostIds)
            {
                await client.GetTweetMetricsAsync(ScrapeSandbox.Handle, id, cancellationToken);
            }
        }

        await client.GetProfileAsync(ScrapeSandbox.Handle, cancellationToken);
        return new ApiCost(requests.Value, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The account's id as its owner reads it once from X (<c>GET /2/users/me</c>), outside the measured requests.</summary>
    private static async Task<string> AccountIdAsync(ScrapeSandbox sandbox, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", sandbox.Options.ApiToken);
        var me = await http.GetFromJsonAsync<JsonObject>("2/users/me", cancellationToken);
        return me?["data"]?["id"]?.GetValue<string>() ?? throw new InvalidOperationException("the sandbox's /2/users/me gave no id");
    }

    private static IHost BuildClientHost(ScrapeSandbox sandbox, string userId, bool batched, string tokenStorePath, RequestCount requests)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["XClient:Provider"] = "Api",
            ["XClient:Handle"] = ScrapeSandbox.Handle,
            ["XApi:BaseUrl"] = sandbox.BaseAddress.ToString(),
            ["XApi:UserId"] = userId,
            ["XApi:OAuth2:AccessToken"] = sandbox.Options.ApiToken,
            ["XApi:OAuth2:RefreshToken"] = "bench-refresh",
            ["XApi:OAuth2:ClientId"] = "bench-client",
            ["XApi:OAuth2:TokenStorePath"] = tokenStorePath,
            ["XApi:MetricsBatchWindow"] = batched ? "00:00:00.050" : "00:00:00",
        });
        builder.AddXClient();
        builder.Services.AddHttpClient(XApiHttp.ClientName).AddHttpMessageHandler(requests.CreateHandler);
        return builder.Build();
    }
}
