using System.Net;
using System.Net.Sockets;
using System.Text;
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
        // A plain socket, no client library: a multiplexer without the password keeps reconnecting, and under a busy test
        // run its command could time out in the backlog before the refusal came back (seen once in a fresh clone).
        var endpoint = ConfigurationOptions.Parse(TestEnvironment.Redis).EndPoints.Single();
        var (host, port) = endpoint switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            _ => throw new InvalidOperationException($"Unexpected Redis endpoint {endpoint}."),
        };
        using var stranger = new TcpClient();
        await stranger.ConnectAsync(host, port, Ct);
        await using var stream = stranger.GetStream();
        await stream.WriteAsync("*2\r\n$3\r\nGET\r\n$3\r\nany\r\n"u8.ToArray(), Ct);
        using var reader = new StreamReader(stream, Encoding.ASCII);

        Assert.StartsWith("-NOAUTH", await reader.ReadLineAsync(Ct), StringComparison.Ordinal);
    }
}
