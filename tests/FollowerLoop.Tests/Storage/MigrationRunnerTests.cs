using Dapper;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace FollowerLoop.Tests.Storage;

public sealed class MigrationRunnerTests : IAsyncLifetime
{
    private readonly PostgresDatabase _db = new();

    public async ValueTask InitializeAsync() => await _db.CreateEmptyAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private MigrationRunner Runner => new(_db.DataSource, NullLogger<MigrationRunner>.Instance);

    [Fact]
    public async Task Migrate_OnEmptyDatabase_AppliesEveryMigrationThenNothingOnRerun()
    {
        var first = await Runner.MigrateAsync(TestContext.Current.CancellationToken);
        var second = await Runner.MigrateAsync(TestContext.Current.CancellationToken);

        Assert.Equal(MigrationRunner.BuiltIn.Select(m => m.Version), first);
        Assert.Empty(second);
        await using var connection = await _db.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var recorded = await connection.QueryAsync<string>("select version from supabase_migrations.schema_migrations order by version");
        Assert.Equal(first, recorded);
    }

    [Fact]
    public async Task Migrate_CreatesEveryTableAndViewOfTheDesign_WithRowLevelSecurity_AndOnlyTheAppRolesPolicy()
    {
        await Runner.MigrateAsync(TestContext.Current.CancellationToken);
        string[] tables =
        [
            "account_snapshots", "arrival_window_credit", "comprehensive_metrics", "content_metadata", "follower_passes", "follower_post_credit", "followers",
            "job_runs", "learned_patterns", "liked_arrivals", "ml_models",
            "post_attribution", "post_follower_tracking", "post_liker_reads", "post_likers", "post_velocity_tracking", "posted_decisions", "refused_candidates", "reply_cursors",
            "reply_opt_outs", "strategy", "unified_outcomes", "x_api_usage",
        ];

        await using var connection = await _db.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        var rls = (await connection.QueryAsync<(string Name, bool Rls)>(
            "select relname, relrowsecurity from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r' order by relname")).ToList();
        Assert.Equal(tables, rls.Select(r => r.Name));
        Assert.All(rls, r => Assert.True(r.Rls, $"{r.Name} has row level security off"));
        // The one policy per table is the app role's (20261201000200_app_role.sql): anon and authenticated get none.
        Assert.Equal(0, await connection.ExecuteScalarAsync<int>("select count(*) from pg_policies where schemaname = 'public' and policyname <> 'followerloop_app_all'"));
        Assert.Equal(tables.Length, await connection.ExecuteScalarAsync<int>("select count(*) from pg_policies where schemaname = 'public' and policyname = 'followerloop_app_all' and roles = '{followerloop_app}'"));
        var views = await connection.QueryAsync<string>("select viewname from pg_views where schemaname = 'public' order by viewname");
        Assert.Equal(["follower_attribution", "follower_credit", "followers_seen", "post_velocity_analysis"], views);
    }

    [Fact]
    public async Task Migrate_TheLearnedFollowersColumn_GivesTheRowsWrittenBeforeItTheirGainAsItStood()
    {
        var ct = TestContext.Current.CancellationToken;
        var due = MigrationRunner.BuiltIn.Single(m => m.Version == "20261210010000");
        await Runner.MigrateAsync([.. MigrationRunner.BuiltIn.Where(m => string.CompareOrdinal(m.Version, due.Version) < 0)], ct);
        var post = await Samples.PostedAsync(_db);
        await using var connection = await _db.DataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(
            """
            insert into comprehensive_metrics (post_id, decision_id, account, kind, posted_at, hour_of_day, day_of_week, attributed_followers, computed_at)
            values (@TweetId, @DecisionId, @Account, 'post', @PostedAt, 9, 1, 2.5, @PostedAt)
            """,
            post);

        await Runner.MigrateAsync(ct);

        Assert.Equal(2.5, await connection.ExecuteScalarAsync<double?>("select learned_followers from comprehensive_metrics where post_id = @TweetId", post));
    }

    [Fact]
    public async Task Migrate_RefusesADatabaseHoldingAnUnknownMigration()
    {
        await Runner.MigrateAsync(TestContext.Current.CancellationToken);
        await using (var connection = await _db.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken))
        {
            await connection.ExecuteAsync("insert into supabase_migrations.schema_migrations (version, name) values ('29990101000000', 'from_the_future')");
        }

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner.MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Contains("29990101000000", error.Message);
    }

    [Fact]
    public async Task Migrate_WhenAMigrationFails_RollsItBackAndRecordsNothingForIt()
    {
        var good = new Migration("20000101000000", "good", "create table t_good (id int)");
        var bad = new Migration("20000101000001", "bad", "create table t_bad (id int); select 1/0;");

        var error = await Assert.ThrowsAsync<MigrationException>(() => Runner.MigrateAsync([good, bad], TestContext.Current.CancellationToken));

        Assert.Contains("20000101000001_bad", error.Message);
        await using var connection = await _db.DataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["20000101000000"], await connection.QueryAsync<string>("select version from supabase_migrations.schema_migrations"));
        Assert.Null(await connection.ExecuteScalarAsync<string>("select to_regclass('t_bad')::text"));
        Assert.Equal("t_good", await connection.ExecuteScalarAsync<string>("select to_regclass('t_good')::text"));
    }

    [Fact]
    public void BuiltInMigrations_AreTheFilesOfSupabaseMigrations()
    {
        var folder = Path.Combine(RepoRoot.Path, "supabase", "migrations");
        var files = Directory.GetFiles(folder, "*.sql").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(files, MigrationRunner.BuiltIn.Select(m => $"{m.Version}_{m.Name}"));
    }
}
