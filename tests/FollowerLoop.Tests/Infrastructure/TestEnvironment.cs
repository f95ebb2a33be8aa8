using FollowerLoop.Harness;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>Where the real services are: scripts/test exports these; loopback defaults match scripts/setup.</summary>
internal static class TestEnvironment
{
    public static string PostgresAdmin =>
        Environment.GetEnvironmentVariable("FOLLOWERLOOP_TEST_POSTGRES")
        ?? $"Host=127.0.0.1;Port=55432;Username=postgres;Password={Secret("postgres-password")};Database=postgres";

    public static string Redis =>
        Environment.GetEnvironmentVariable("FOLLOWERLOOP_TEST_REDIS") ?? $"127.0.0.1:56379,password={Secret("redis-password")}";

    /// <summary>The Azure Storage account of the Durable engine's task hubs: Azurite, started by scripts/setup.</summary>
    public static string Azurite =>
        Environment.GetEnvironmentVariable("FOLLOWERLOOP_TEST_AZURITE") ?? "UseDevelopmentStorage=true";

    public static string RedisServerBinary =>
        Environment.GetEnvironmentVariable("FOLLOWERLOOP_REDIS_SERVER") is { Length: > 0 } path ? path : "redis-server";

    /// <summary>A loopback port nothing listens on: Redis "down" without stopping the shared server.</summary>
    public static string DeadRedis => $"127.0.0.1:{FreePort.Next()}";

    /// <summary>A local service's password as scripts/setup made it (.local/secrets), for a test run without scripts/test.</summary>
    private static string Secret(string name) =>
        File.ReadAllText(Path.Combine(RepoRoot.Path, ".local", "secrets", name)).Trim();
}
