using System.Diagnostics;
using FollowerLoop.Harness;

namespace FollowerLoop.Bench.Faults;

/// <summary>
/// The services the faults act on: the bench's own Redis and Azurite (stopped, flushed, restored, restarted without
/// touching the shared ones) and the local PostgreSQL, which one fault restarts (scripts/lib/restart-postgres).
/// </summary>
internal sealed class FaultServices : IAsyncDisposable
{
    private readonly string _repositoryRoot;

    private FaultServices(string repositoryRoot, string postgres)
    {
        _repositoryRoot = repositoryRoot;
        PostgresConnectionString = postgres;
        Azurite = new PrivateAzurite(repositoryRoot);
    }

    public string PostgresConnectionString { get; }

    public BenchRedis Redis { get; } = new();

    public PrivateAzurite Azurite { get; }

    public static async Task<FaultServices> StartAsync(string repositoryRoot, string postgres, CancellationToken cancellationToken)
    {
        var services = new FaultServices(repositoryRoot, postgres);
        await services.Redis.StartAsync(cancellationToken);
        await services.Azurite.StartAsync(cancellationToken);
        return services;
    }

    /// <summary>A fast shutdown of PostgreSQL (connections cut) and a start; returns when it accepts connections again.</summary>
    public async Task RestartPostgresAsync(CancellationToken cancellationToken)
    {
        using var restart = Process.Start(new ProcessStartInfo(Path.Combine(_repositoryRoot, "scripts", "lib", "restart-postgres")) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("scripts/lib/restart-postgres did not start");
        var errors = await restart.StandardError.ReadToEndAsync(cancellationToken);
        await restart.WaitForExitAsync(cancellationToken);
        if (restart.ExitCode != 0)
        {
            throw new InvalidOperationException($"restarting PostgreSQL failed: {errors}");
        }

        // The pooled connections of this process (the scratch databases' admin connection) died with the server.
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Azurite.DisposeAsync();
    }
}
