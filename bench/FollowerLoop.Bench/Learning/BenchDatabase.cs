using FollowerLoop.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FollowerLoop.Bench.Learning;

/// <summary>A fresh, migrated database for one run on the configured Postgres server, dropped afterwards.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _admin;
    private readonly string _name;

    private BenchDatabase(string admin, string name, string connectionString)
    {
        _admin = admin;
        _name = name;
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public static async Task<BenchDatabase> CreateAsync(string serverConnectionString, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = "postgres" }.ConnectionString;
        var name = $"fl_bench_learning_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync(cancellationToken);
            await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        DateTimeOffsetHandler.Register();
        var database = new BenchDatabase(admin, name, new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = name }.ConnectionString);
        await new MigrationRunner(database.DataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(cancellationToken);
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{_name}\" with (force)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
