using System.Globalization;
using Dapper;
using FollowerLoop.Storage;
using FollowerLoop.Tests.Infrastructure;
using Npgsql;

namespace FollowerLoop.Tests.Storage;

/// <summary>
/// The apps' role: it reads and writes every table's rows and can change no schema. The local server
/// trusts loopback connections, so logging in proves nothing about the password: the stored verifier is
/// checked against the one PostgreSQL itself computes instead.
/// </summary>
public sealed class AppRoleTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>, IAsyncLifetime
{
    // Quotes, a backslash, '$$' and ';': what would break or inject into a hand-quoted literal.
    private const string Password = "it's \"a\" \\ $$; drop role x; --";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await new AppRole(db.DataSource).EnableLoginAsync(Password, Ct);

    // The role belongs to the whole local server: leave it without a login, as the migration made it.
    public async ValueTask DisposeAsync()
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(CancellationToken.None);
        await connection.ExecuteAsync($"alter role {AppRole.Name} nologin password null");
    }

    [Fact]
    public async Task ScramVerifier_IsTheOnePostgresComputesForTheSamePasswordAndSalt()
    {
        var serverMade = await ServerVerifierAsync(Password);
        var (iterations, salt) = ParseVerifier(serverMade);

        Assert.Equal(serverMade, AppRole.ScramVerifier(Password, salt, iterations));
    }

    [Fact]
    public async Task EnableLogin_StoresOnlyAVerifierOfThePassword_AndTheRoleLogsIn()
    {
        await using (var admin = await db.DataSource.OpenConnectionAsync(Ct))
        {
            var (canLogin, stored) = await admin.QuerySingleAsync<(bool, string)>(
                "select rolcanlogin, rolpassword from pg_authid where rolname = @Name", new { AppRole.Name });
            var (iterations, salt) = ParseVerifier(stored);

            Assert.True(canLogin);
            Assert.DoesNotContain(Password, stored, StringComparison.Ordinal);
            Assert.Equal(stored, AppRole.ScramVerifier(Password, salt, iterations));
        }

        await using var app = await OpenAsAppAsync();
        Assert.Equal(AppRole.Name, await app.ExecuteScalarAsync<string>("select current_user"));
    }

    [Fact]
    public void ProblemWith_RefusesEmptyAndNonAsciiPasswords()
    {
        Assert.Null(AppRole.ProblemWith(Password));
        Assert.NotNull(AppRole.ProblemWith(""));
        Assert.NotNull(AppRole.ProblemWith("pässwort"));
        Assert.Throws<ArgumentException>(() => AppRole.ScramVerifier("pässwort", new byte[16], 4096));
    }

    [Fact]
    public async Task AppRole_WritesAndReadsRowsThroughTheStores_AndPlainDml()
    {
        var item = Samples.Content();
        await using (var appSource = NpgsqlDataSource.Create(AppConnectionString()))
        {
            var store = new ContentStore(appSource);
            Assert.True(await store.EnqueueAsync(item, Ct));
            Assert.Equal(item.Text, (await store.GetAsync(item.DecisionId, Ct))!.Text);
        }

        await using var app = await OpenAsAppAsync();
        var args = new { Account = $"app_{Guid.NewGuid():N}", At = Samples.Start };
        await app.ExecuteAsync("insert into reply_cursors (account, newest_tweet_id, updated_at) values (@Account, '1', @At)", args);
        await app.ExecuteAsync("update reply_cursors set newest_tweet_id = '2' where account = @Account", args);
        Assert.Equal("2", await app.ExecuteScalarAsync<string>("select newest_tweet_id from reply_cursors where account = @Account", args));
        Assert.Equal(1, await app.ExecuteAsync("delete from reply_cursors where account = @Account", args));
        // An identity column takes its value from a sequence.
        Assert.True(await app.ExecuteScalarAsync<long>(
            "insert into strategy (account, content_mix, best_hours, created_at) values (@Account, '{}', '[]', @At) returning id", args) > 0);
        Assert.Equal(0, await app.ExecuteScalarAsync<long>("select count(*) from follower_attribution where account = @Account", args));
        Assert.Equal(0, await app.ExecuteScalarAsync<long>("select count(*) from follower_credit where account = @Account", args));
        Assert.Equal(0, await app.ExecuteScalarAsync<long>("select count(*) from followers_seen where account = @Account", args));
    }

    [Fact]
    public async Task EveryTable_GrantsTheAppRoleRowRightsAndAPolicy_AndNothingMore()
    {
        await using var admin = await db.DataSource.OpenConnectionAsync(Ct);
        var tables = (await admin.QueryAsync<(string Name, bool Dml, bool Other, bool Policy)>(
            """
            select c.relname,
                   has_table_privilege(@Name, c.oid, 'select') and has_table_privilege(@Name, c.oid, 'insert') and
                   has_table_privilege(@Name, c.oid, 'update') and has_table_privilege(@Name, c.oid, 'delete'),
                   -- true when any one of them is held
                   has_table_privilege(@Name, c.oid, 'truncate, references, trigger'),
                   exists (select 1 from pg_policy p where p.polrelid = c.oid and p.polroles @> array[@Name::regrole::oid])
            from pg_class c
            where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
            order by c.relname
            """,
            new { AppRole.Name })).ToList();

        Assert.NotEmpty(tables);
        Assert.All(tables, table =>
        {
            Assert.True(table.Dml, $"{table.Name}: {AppRole.Name} lacks select/insert/update/delete");
            Assert.False(table.Other, $"{table.Name}: {AppRole.Name} may truncate, reference or add triggers");
            Assert.True(table.Policy, $"{table.Name}: no row level security policy for {AppRole.Name}, so it sees no row");
        });
    }

    [Fact]
    public async Task AppRole_HasNoAttributeOrOwnershipBeyondLogin()
    {
        await using var admin = await db.DataSource.OpenConnectionAsync(Ct);
        var role = await admin.QuerySingleAsync<(bool Super, bool CreateDb, bool CreateRole, bool BypassRls, bool Replication)>(
            "select rolsuper, rolcreatedb, rolcreaterole, rolbypassrls, rolreplication from pg_roles where rolname = @Name", new { AppRole.Name });
        var owned = await admin.ExecuteScalarAsync<long>(
            """
            select (select count(*) from pg_class where relowner = @Name::regrole)
                 + (select count(*) from pg_namespace where nspowner = @Name::regrole)
                 + (select count(*) from pg_proc where proowner = @Name::regrole)
            """,
            new { AppRole.Name });

        Assert.Equal((false, false, false, false, false), role);
        Assert.Equal(0, owned);
    }

    [Theory]
    [InlineData("create table public.app_made (id int)")]
    [InlineData("create schema app_made")]
    [InlineData("drop table public.reply_cursors")]
    [InlineData("alter table public.content_metadata add column app_made int")]
    [InlineData("truncate public.reply_cursors")]
    [InlineData("drop view public.follower_attribution")]
    [InlineData("alter table public.content_metadata disable row level security")]
    [InlineData("create index app_made on public.reply_cursors (updated_at)")]
    public async Task AppRole_CannotChangeTheSchema(string statement)
    {
        await using var app = await OpenAsAppAsync();

        var error = await Assert.ThrowsAsync<PostgresException>(() => app.ExecuteAsync(statement));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    private string AppConnectionString() =>
        new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = AppRole.Name, Password = Password, Pooling = false }.ConnectionString;

    private async Task<NpgsqlConnection> OpenAsAppAsync()
    {
        var connection = new NpgsqlConnection(AppConnectionString());
        await connection.OpenAsync(Ct);
        return connection;
    }

    // PostgreSQL hashes a plaintext password itself: a throwaway role gets one, and its verifier is read back.
    private async Task<string> ServerVerifierAsync(string password)
    {
        var probe = $"fl_scram_probe_{Guid.NewGuid():N}";
        await using var admin = await db.DataSource.OpenConnectionAsync(Ct);
        await admin.ExecuteAsync("set password_encryption = 'scram-sha-256'");
        await admin.ExecuteAsync($"create role {probe} nologin password '{password.Replace("'", "''", StringComparison.Ordinal)}'");
        try
        {
            return await admin.QuerySingleAsync<string>("select rolpassword from pg_authid where rolname = @Probe", new { Probe = probe });
        }
        finally
        {
            await admin.ExecuteAsync($"drop role {probe}");
        }
    }

    // SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>
    private static (int Iterations, byte[] Salt) ParseVerifier(string verifier)
    {
        Assert.StartsWith("SCRAM-SHA-256$", verifier, StringComparison.Ordinal);
        var parameters = verifier.Split('$')[1].Split(':');
        return (int.Parse(parameters[0], CultureInfo.InvariantCulture), Convert.FromBase64String(parameters[1]));
    }
}
