using Dapper;
using FollowerLoop.Tests.Infrastructure;

namespace FollowerLoop.Tests.Storage;

/// <summary>What the stores rely on when they hand Dapper a <see cref="DateTimeOffset"/> (DateTimeOffsetHandler).</summary>
public sealed class DateTimeOffsetParameterTests(PostgresDatabase db) : IClassFixture<PostgresDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AValueAtALocalOffset_IsWrittenAsItsInstant_AndReadBackInUtc()
    {
        var local = new DateTimeOffset(2026, 12, 6, 21, 30, 0, TimeSpan.FromHours(9));
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);

        var read = await connection.QuerySingleAsync<DateTimeOffset>(new CommandDefinition("select @at", new { at = local }, cancellationToken: Ct));

        Assert.Equal(local, read);
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }

    [Fact]
    public async Task ArraysAtLocalOffsets_AreWrittenAsTheirInstants_NullsKept()
    {
        var local = new DateTimeOffset(2026, 12, 6, 21, 30, 0, TimeSpan.FromHours(9));
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);

        var read = (await connection.QueryAsync<(DateTimeOffset At, DateTimeOffset? Maybe)>(new CommandDefinition(
            "select * from unnest(@ats, @maybes)",
            new { ats = new[] { local, local.AddHours(1) }, maybes = new DateTimeOffset?[] { null, local.ToOffset(TimeSpan.FromHours(-5)) } },
            cancellationToken: Ct))).ToList();

        Assert.Equal([(local, null), (local.AddHours(1), local)], read);
    }

    [Fact]
    public async Task ANullValue_KeepsItsTimestampType()
    {
        await using var connection = await db.DataSource.OpenConnectionAsync(Ct);

        // Untyped, `@at is null` gives Postgres nothing to infer the parameter's type from.
        var type = await connection.QuerySingleAsync<string>(new CommandDefinition(
            "select pg_typeof(@at)::text where @at is null", new { at = (DateTimeOffset?)null }, cancellationToken: Ct));
        var read = await connection.QuerySingleAsync<DateTimeOffset?>(new CommandDefinition("select @at", new { at = (DateTimeOffset?)null }, cancellationToken: Ct));

        Assert.Equal("timestamp with time zone", type);
        Assert.Null(read);
    }
}
