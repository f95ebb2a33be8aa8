using Dapper;
using Npgsql;

namespace FollowerLoop.Storage;

/// <summary><c>account_snapshots</c>: the account's follower time series.</summary>
public sealed class AccountSnapshotStore(NpgsqlDataSource dataSource)
{
    private const string Columns =
        "account as Account, taken_at as TakenAt, followers as Followers, followers_exact as FollowersExact, following as Following, post_count as PostCount";

    public async Task UpsertAsync(AccountSnapshot snapshot, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            insert into account_snapshots (account, taken_at, followers, followers_exact, following, post_count)
            values (@Account, @TakenAt, @Followers, @FollowersExact, @Following, @PostCount)
            on conflict (account, taken_at) do update set
                followers = excluded.followers, followers_exact = excluded.followers_exact,
                following = excluded.following, post_count = excluded.post_count
            """,
            snapshot,
            cancellationToken: cancellationToken));
    }

    /// <summary>Snapshots taken in [from, to], oldest first.</summary>
    public async Task<IReadOnlyList<AccountSnapshot>> GetRangeAsync(string account, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<AccountSnapshot>(new CommandDefinition(
            $"select {Columns} from account_snapshots where account = @account and taken_at between @from and @to order by taken_at",
            new { account, from, to },
            cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<AccountSnapshot?> GetLatestAsync(string account, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<AccountSnapshot>(new CommandDefinition(
            $"select {Columns} from account_snapshots where account = @account order by taken_at desc limit 1",
            new { account },
            cancellationToken: cancellationToken));
    }
}
