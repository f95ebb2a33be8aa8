using System.Net;
using System.Net.Http.Headers;
using System.Text;
using FollowerLoop.Harness;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Tests.Engine;

/// <summary>
/// <c>followerloop run</c> as a real process, logging at Debug, given a known value for every secret it reads: it
/// logs in to X and posts, and its dashboards are visited with wrong and right credentials. No secret is in its output.
/// </summary>
public sealed class SecretsInLogsTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task TheWorkersWholeLog_HoldsNoSecret()
    {
        await using var rig = await LoopRig.StartAsync(db);
        var secrets = new[]
        {
            "Dashboard__Password", "Llm__ApiKey", "XApi__BearerToken", "XApi__OAuth2__AccessToken", "XApi__OAuth2__RefreshToken",
            "XApi__OAuth2__ClientSecret", "XApi__OAuth1__ConsumerSecret", "XApi__OAuth1__AccessToken", "XApi__OAuth1__AccessTokenSecret",
        }.ToDictionary(key => key, key => $"secret{key.Replace("__", "", StringComparison.Ordinal)}{Guid.NewGuid():N}");
        // The local services' own passwords (scripts/setup made them): the worker must use them and log neither.
        var databasePassword = new Npgsql.NpgsqlConnectionStringBuilder(db.ConnectionString).Password;
        var redisPassword = StackExchange.Redis.ConfigurationOptions.Parse(TestEnvironment.Redis).Password;
        Assert.False(string.IsNullOrEmpty(databasePassword) || string.IsNullOrEmpty(redisPassword), "the local services have passwords");
        var port = FreePort.Next();
        var environment = rig.WorkerEnvironment(TestEnvironment.Redis);
        environment["urls"] = $"http://127.0.0.1:{port}";
        foreach (var category in new[] { "Default", "Microsoft.AspNetCore", "Npgsql", "System.Net.Http.HttpClient" })
        {
            environment[$"Logging__LogLevel__{category}"] = "Debug";
        }

        foreach (var (key, value) in secrets)
        {
            environment[key] = value;
        }

        await using var worker = ChildProcess.Worker(environment);
        worker.Start();
        var item = await rig.QueueAsync("Secrets belong in a vault, never in a log line.");
        await Eventually.TrueAsync(
            async () => (await new PostStore(db.DataSource).GetPostedSinceAsync(rig.Account, DateTimeOffset.MinValue, CancellationToken.None)).Any(p => p.DecisionId == item.DecisionId),
            Timeout,
            $"the post, through the browser's login; worker said:{Environment.NewLine}{worker.Tail}");

        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        foreach (var password in new[] { "wrong-password", secrets["Dashboard__Password"] })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/jobs");
            request.Headers.Add("X-Forwarded-For", "203.0.113.7");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Basic(password));
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(password == "wrong-password" ? HttpStatusCode.Unauthorized : HttpStatusCode.OK, response.StatusCode);
        }

        await worker.KillAsync();
        var log = await File.ReadAllTextAsync(worker.OutputLog, TestContext.Current.CancellationToken);

        Assert.Contains("/dashboard/jobs", log, StringComparison.Ordinal);
        Assert.DoesNotContain(databasePassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain(redisPassword, log, StringComparison.Ordinal);
        Assert.DoesNotContain(rig.SandboxOptions.Password, log, StringComparison.Ordinal);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret.Value, log, StringComparison.Ordinal));
        Assert.DoesNotContain(Basic(secrets["Dashboard__Password"]), log, StringComparison.Ordinal);
    }

    private static string Basic(string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes($"admin:{password}"));
}
