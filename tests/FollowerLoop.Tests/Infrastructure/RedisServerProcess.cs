using System.Globalization;
using FollowerLoop.Harness;
using StackExchange.Redis;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>A private redis-server on a free loopback port, which a test may stop (SIGKILL) and start to cause an outage.</summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly ChildProcess _server;

    public RedisServerProcess() =>
        _server = new ChildProcess(
            TestEnvironment.RedisServerBinary,
            ["--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no"],
            new Dictionary<string, string>());

    public int Port { get; } = FreePort.Next();

    public string Configuration => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        _server.Start();
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{Configuration},connectTimeout=200");
                return probe.IsConnected;
            }
            catch (RedisConnectionException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10), "private redis-server to accept connections");
    }

    public Task StopAsync() => _server.KillAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        File.Delete(_server.OutputLog);
    }
}
