using System.Diagnostics;
using StackExchange.Redis;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>A private redis-server on a free loopback port, which a test may stop and start to cause an outage.</summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = FreePort.Next();

    public string Configuration => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        _process = Process.Start(new ProcessStartInfo(TestEnvironment.RedisServerBinary,
            ["--bind", "127.0.0.1", "--port", Port.ToString(), "--save", "", "--appendonly", "no"])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("redis-server did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
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

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
