using FollowerLoop.Tests.Infrastructure;
using Npgsql;
using StackExchange.Redis;

namespace FollowerLoop.Tests.Storage;

/// <summary>The local services scripts/setup starts let in the project only: a password over TCP, no world-open socket.</summary>
public sealed class LocalServicesAuthTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Postgres_RefusesAConnectionWithoutThePassword_AndItsSocketIsTheOwnersOnly()
    {
        var withoutPassword = new NpgsqlConnectionStringBuilder(TestEnvironment.PostgresAdmin) { Password = null, Passfile = "/dev/null" };
        await using (var stranger = new NpgsqlConnection(withoutPassword.ConnectionString))
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
