namespace FollowerLoop.Bench;

/// <summary>The local services' connection strings, as scripts/bench exports them (with their passwords).</summary>
internal static class BenchEnvironment
{
    public static string Postgres => Required("Database__ConnectionString");

    public static string Redis => Required("Redis__Configuration");

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the benchmarks through scripts/bench (it starts the local services and sets it), or run `. .local/env` first.");
}
