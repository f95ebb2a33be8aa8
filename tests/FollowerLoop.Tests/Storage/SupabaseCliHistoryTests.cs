using Dapper;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowerLoop.Tests.Storage;

/// <summary>
/// <c>followerloop migrate</c> and <c>supabase db push</c> share one history, either tool first. The CLI's side is
/// its own SQL, copied from Supabase CLI 2.117.0 (the version scripts/setup installs); scripts/test runs the CLI itself.
/// </summary>
public sealed class SupabaseCliHistoryTests : IAsyncLifetime
{
    // What `supabase db push` runs before its first migration.
    private const string CliCreatesHistory = """
        CREATE SCHEMA IF NOT EXISTS supabase_migrations;
        CREATE TABLE IF NOT EXISTS supabase_migrations.schema_migrations (version text NOT NULL PRIMARY KEY);
        ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS statements text[];
        ALTER TABLE supabase_migrations.schema_migrations ADD COLUMN IF NOT EXISTS name text;
        """;

    // What it records for each migration it pushed: the file's statements one by one.
    private const string CliRecords = """
        INSERT INTO supabase_migrations.schema_migrations(version, name, statements) VALUES(@Version, @Name, @Statements)
        """;

    // How it decides the history table is complete; when it is not, it alters the table before pushing.
    private const string CliFindsHistoryProvisioned = """
        SELECT count(*) = 3 AS provisioned FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
        WHERE a.attrelid = pg_catalog.to_regclass('supabase_migrations.schema_migrations') AND c.relkind IN ('r', 'p')
          AND NOT a.attisdropped AND a.attname IN ('version', 'name', 'statements')
        """;

    // What `supabase migration list` reads, and what `supabase migration fetch` writes files from.
    private const string CliLists = "SELECT version FROM supabase_migrations.schema_migrations ORDER BY version";
    private const string CliReadsHistory = "SELECT version, coalesce(name, '') as name, statements FROM supabase_migrations.schema_migrations ORDER BY version";

    private static readonly Migration One = new("20000101000000", "one", "create table t_one (id int);\ncreate index on t_one (id);\n");
    private static readonly Migration Two = new("20000101000001", "two", "create table t_two (id int);\n");

    private readonly PostgresDatabase _db = new();

    public async ValueTask InitializeAsync() => await _db.CreateEmptyAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private MigrationRunner Runner => new(_db.DataSource, NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task Migrate_AfterSupabaseDbPush_AppliesOnlyWhatThePushDidNot()
    {
        var token = TestContext.Current.CancellationToken;
        await using (var connection = await _db.DataSource.OpenConnectionAsync(token))
        {
            await connection.ExecuteAsync(CliCreatesHistory);
            await connection.ExecuteAsync(One.Sql);
            await connection.ExecuteAsync(CliRecords, new { One.Version, One.Name, Statements = new[] { "create table t_one (id int)", "create index on t_one (id)" } });
        }

        var applied = await Runner.MigrateAsync([One, Two], token);

        // Applying One again would fail on t_one: the runner reads the CLI's record of it.
        Assert.Equal([Two.Version], applied);
        await using var check = await _db.DataSource.OpenConnectionAsync(token);
        Assert.Equal([One.Version, Two.Version], await check.QueryAsync<string>(CliLists));
    }

    [Fact]
    public async Task GetPendingAndMigrate_AfterSupabaseDbPushOfEveryFile_FindNothingToDo()
    {
        var token = TestContext.Current.CancellationToken;
        await using (var connection = await _db.DataSource.OpenConnectionAsync(token))
        {
            // Only the history: the runner decides from it alone, as the CLI does.
            await connection.ExecuteAsync(CliCreatesHistory);
            foreach (var migration in MigrationRunner.BuiltIn)
            {
                await connection.ExecuteAsync(CliRecords, new { migration.Version, migration.Name, Statements = new[] { migration.Sql } });
            }
        }

        Assert.Empty(await Runner.GetPendingAsync(token));
        Assert.Empty(await Runner.MigrateAsync(token));
    }

    [Fact]
    public async Task Migrate_KeepsAHistoryTheSupabaseCliTakesAsItIs_AndPushesAfter()
    {
        var token = TestContext.Current.CancellationToken;
        await Runner.MigrateAsync([One], token);

        await using var connection = await _db.DataSource.OpenConnectionAsync(token);
        Assert.True(await connection.ExecuteScalarAsync<bool>(CliFindsHistoryProvisioned));
        var history = (await connection.QueryAsync<(string Version, string Name, string[] Statements)>(CliReadsHistory)).ToList();
        var record = Assert.Single(history);
        Assert.Equal((One.Version, One.Name), (record.Version, record.Name));
        Assert.Equal(One.Sql, string.Concat(record.Statements));

        // The CLI pushes the next file into the runner's history; the runner then has nothing left to do.
        await connection.ExecuteAsync(CliCreatesHistory);
        await connection.ExecuteAsync(Two.Sql);
        await connection.ExecuteAsync(CliRecords, new { Two.Version, Two.Name, Statements = new[] { "create table t_two (id int)" } });
        Assert.Empty(await Runner.MigrateAsync([One, Two], token));
    }
}
