using System.Reflection;
using Dapper;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary>
/// Applies <c>supabase/migrations</c> (built into this assembly) in version order, each in its own
/// transaction, and records them in <c>supabase_migrations.schema_migrations</c> — the table the
/// Supabase CLI uses, so <c>supabase db push</c> and <c>followerloop migrate</c> agree on what is applied.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    // Any fixed number: serialises concurrent runners (two replicas starting at once).
    private const long AdvisoryLockKey = 0x466F6C6C6F774C;

    public static IReadOnlyList<Migration> BuiltIn { get; } = LoadBuiltIn();

    /// <summary>Applies what is missing; returns the versions applied by this call.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken) =>
        await MigrateAsync(BuiltIn, cancellationToken);

    public async Task<IReadOnlyList<string>> MigrateAsync(IReadOnlyList<Migration> migrations, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_lock(@AdvisoryLockKey)", new { AdvisoryLockKey }, cancellationToken: cancellationToken));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                create schema if not exists supabase_migrations;
                create table if not exists supabase_migrations.schema_migrations (
                    version text primary key, statements text[], name text);
                """,
                cancellationToken: cancellationToken));

            var applied = (await connection.QueryAsync<string>(new CommandDefinition(
                "select version from supabase_migrations.schema_migrations order by version", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);

            var known = migrations.Select(m => m.Version).ToHashSet(StringComparer.Ordinal);
            var unknown = applied.Where(v => !known.Contains(v)).Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
            {
                throw new MigrationException(
                    $"The database holds migration(s) {string.Join(", ", unknown)} that this build of FollowerLoop does not know. " +
                    "It was migrated by a newer version: upgrade FollowerLoop instead of running an older one against it.");
            }

            var done = new List<string>();
            foreach (var migration in migrations.OrderBy(m => m.Version, StringComparer.Ordinal).Where(m => !applied.Contains(m.Version)))
            {
                await ApplyAsync(connection, migration, cancellationToken);
                done.Add(migration.Version);
            }

            Log.MigrationsDone(logger, done.Count, applied.Count);
            return done;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("select pg_advisory_unlock(@AdvisoryLockKey)", new { AdvisoryLockKey }, cancellationToken: CancellationToken.None));
        }
    }

    /// <summary>The built-in migrations the database does not have yet (empty when it is up to date).</summary>
    public async Task<IReadOnlyList<string>> GetPendingAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var tracked = await connection.ExecuteScalarAsync<bool>(new CommandDefinition(
            "select to_regclass('supabase_migrations.schema_migrations') is not null", cancellationToken: cancellationToken));
        var applied = tracked
            ? (await connection.QueryAsync<string>(new CommandDefinition(
                "select version from supabase_migrations.schema_migrations", cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal)
            : [];
        return BuiltIn.Select(m => m.Version).Where(v => !applied.Contains(v)).ToList();
    }

    private async Task ApplyAsync(NpgsqlConnection connection, Migration migration, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(migration.Sql, transaction: transaction, cancellationToken: cancellationToken));
            await connection.ExecuteAsync(new CommandDefinition(
                "insert into supabase_migrations.schema_migrations (version, statements, name) values (@Version, array[@Sql], @Name)",
                migration,
                transaction,
                cancellationToken: cancellationToken));
            await transaction.CommitAsync(cancellationToken);
            Log.MigrationApplied(logger, migration.Version, migration.Name);
        }
        catch (PostgresException ex)
        {
            throw new MigrationException($"Migration {migration.Version}_{migration.Name} failed and was rolled back: {ex.MessageText}", ex);
        }
    }

    private static List<Migration> LoadBuiltIn()
    {
        var assembly = typeof(MigrationRunner).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal))
            .Select(n => Migration.FromFileName(n["migrations/".Length..], ReadResource(assembly, n)))
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .ToList();
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
