using Npgsql;

namespace FollowerLoop.Worker.Demo;

/// <summary>The demo runs on a database of its own (<c>{name}_demo</c>), created afresh each run.</summary>
internal static class DemoDatabase
{
    public static async Task<string> RecreateAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        target.Database = $"{target.Database ?? "followerloop"}_demo";
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var sql in new[] { $"drop database if exists \"{target.Database}\" with (force)", $"create database \"{target.Database}\"" })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return target.ConnectionString;
    }
}
