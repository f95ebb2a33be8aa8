using Dapper;
using FollowerLoop.Storage;
using Npgsql;

namespace FollowerLoop.Content;

/// <summary>Which of some posts the account already replied to (or planned a reply to), so no post gets two replies.</summary>
public sealed class RepliedTargets(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlySet<string>> AmongAsync(string account, IReadOnlyCollection<string> tweetIds, CancellationToken cancellationToken)
    {
        if (tweetIds.Count == 0)
        {
            return new HashSet<string>();
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            """
            select distinct reply_to_tweet_id from content_metadata
            where account = @account and kind = @kind and reply_to_tweet_id = any(@tweetIds) and status <> 'cancelled'
            """,
            new { account, kind = ContentKind.Reply, tweetIds = tweetIds.ToArray() },
            cancellationToken: cancellationToken));
        return rows.ToHashSet(StringComparer.Ordinal);
    }
}
