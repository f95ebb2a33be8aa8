using FollowerLoop.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>A fresh, migrated database on the real local Postgres, dropped afterwards: one per test class.</summary>
public sealed class PostgresDatabase : IAsyncLifetime
{
    public string Name { get; } = $"fl_test_{Guid.NewGuid():N}";

    public string ConnectionString { get; private set; } = "";

    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await CreateEmptyAsync();
        await new MigrationRunner(DataSource, NullLogger<MigrationRunner>.Instance).MigrateAsync(CancellationToken.None);
    }

    /// <summary>Creates the database without migrating it (for the migration tests).</summary>
    public async Task CreateEmptyAsync()
    {
        await using (var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"create database \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }

        ConnectionString = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin) { Database = Name }.ConnectionString;
        DateTimeOffsetHandler.Register();
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (DataSource is null)
        {
            return;
        }

        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"drop database if exists \"{Name}\" with (force)", admin);
        await drop.ExecuteNonQueryAsync();
    }
}
