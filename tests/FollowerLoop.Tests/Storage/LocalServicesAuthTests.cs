using FollowerLoop.Tests.Infrastructure;
using Npgsql;
using StackExchange.Redis;

namespace FollowerLoop.Tests.Storage;

/// <summary>The local services scripts/setup starts let in the project only: a password over TCP, no world-open socket.</summary>
public sealed class LocalServicesAuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_RefusesAConnectionWithAWrongPassword_AndItsSocketIsTheOwnersOnly()
    {
        // A wrong password rather than none: Npgsql would fall back to PGPASSWORD or a passfile, and trust takes any.
        var wrongPassword = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin) { Password = "not-the-password" };
        await using (var stranger = new NpgsqlConnection(wrongPassword.ConnectionString))
        {
            var refused = await Assert.ThrowsAnyAsync<NpgsqlException>(() => stranger.OpenAsync(Ct));
            Assert.Contains("password", refused.Message, StringComparison.OrdinalIgnoreCase);
        }

        await using var owner = new NpgsqlConnection(TestEnvironment.PostgresAdmin);
        await owner.OpenAsync(Ct);
        await using var show = new NpgsqlCommand("show unix_socket_permissions", owner);
        Assert.Equal("0700", await show.ExecuteScalarAsync(Ct));
    }

    [Fact]
    public async Task Redis_RefusesCommandsWithoutThePassword()
    {
        var options = ConfigurationOptions.Parse(TestEnvironment.Redis);
        options.Password = null;
        options.AbortOnConnectFail = false;
        await using var stranger = await ConnectionMultiplexer.ConnectAsync(options);

        var refused = await Assert.ThrowsAnyAsync<RedisException>(() => stranger.GetDatabase().StringGetAsync("any"));
        Assert.Matches("NOAUTH|Authentication", refused.ToString());
    }
}
