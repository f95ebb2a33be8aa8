using System.Globalization;
using FollowerLoop.Harness;
using StackExchange.Redis;

namespace FollowerLoop.Bench.Faults;

/// <summary>
/// A redis-server of the bench's own (free loopback port, data in a temporary directory) that a fault stops, flushes or
/// puts back to an older snapshot; no automatic saves, so a stop loses what was not snapshotted, as a crash would.
/// </summary>
internal sealed class BenchRedis : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("fl-faults-redis-").FullName;
    private readonly ChildProcess _server;

    public BenchRedis()
    {
        Port = FreePort.Next();
        _server = new ChildProcess(
            "redis-server",
            ["--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--dir", _directory, "--dbfilename", "dump.rdb", "--save", "", "--appendonly", "no"],
            new Dictionary<string, string>(),
            Path.Combine(_directory, "redis.log"));
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    private string Dump => Path.Combine(_directory, "dump.rdb");

    private string Snapshot => Path.Combine(_directory, "snapshot.rdb");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _server.Start();
        for (var waited = 0; waited < 100; waited++)
        {
            try
            {
                await using var probe = await ConnectionMultiplexer.ConnectAsync($"{Configuration},connectTimeout=200");
                if (probe.IsConnected)
                {
                    return;
                }
            }
            catch (RedisConnectionException)
            {
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new InvalidOperationException($"redis-server did not answer on {Configuration}, see {Path.Combine(_directory, "redis.log")}");
    }

    public Task StopAsync() => _server.KillAsync();

    public async Task FlushAsync()
    {
        await using var admin = await AdminAsync();
        await admin.GetServer(admin.GetEndPoints()[0]).FlushAllDatabasesAsync();
    }

    /// <summary>Saves what Redis holds now, to be put back later by <see cref="RestoreSnapshotAsync"/>.</summary>
    public async Task TakeSnapshotAsync()
    {
        await using (var admin = await AdminAsync())
        {
            // SAVE, not BGSAVE: the snapshot must be on disk before it is copied.
            await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("SAVE");
        }

        File.Copy(Dump, Snapshot, overwrite: true);
    }

    /// <summary>Stops Redis and starts it again from the older snapshot, as a restore from last night's backup would.</summary>
    public async Task RestoreSnapshotAsync(CancellationToken cancellationToken)
    {
        await StopAsync();
        File.Copy(Snapshot, Dump, overwrite: true);
        await StartAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private Task<ConnectionMultiplexer> AdminAsync() => ConnectionMultiplexer.ConnectAsync($"{Configuration},allowAdmin=true");

}
