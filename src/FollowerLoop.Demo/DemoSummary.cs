using System.Globalization;
using Dapper;
using FollowerLoop.Sandbox.World;
using Npgsql;

namespace FollowerLoop.Demo;

/// <summary>The demo's closing table: per post, what FollowerLoop measured beside the sandbox's truth.</summary>
internal static class DemoSummary
{
    private sealed record PostRow(string PostId, string Kind, string? Format, string? Topic, long? Likes48h, long? NaiveGain, double? AttributedGain, int Measured, int Failed);

    public static async Task<bool> PrintAsync(
        NpgsqlDataSource dataSource, SandboxWorld world, DemoSettings settings, IReadOnlyList<ReleasedHold> givenUp, TimeSpan wall, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var rows = (await connection.QueryAsync<PostRow>(new CommandDefinition(
            """
            select p.tweet_id as PostId, c.kind as Kind, c.format as Format, c.topic as Topic,
                   max(v.likes) filter (where v.collection_phase = '48h') as Likes48h,
                   max(f.total_followers_gained) as NaiveGain,
                   max(a.attributed_followers) as AttributedGain,
                   count(*) filter (where v.status = 'measured')::int as Measured,
                   count(*) filter (where v.status = 'failed')::int as Failed
            from posted_decisions p
            join content_metadata c using (decision_id)
            left join post_velocity_tracking v on v.post_id = p.tweet_id
            left join follower_attribution f on f.post_id = p.tweet_id
            left join post_attribution a on a.post_id = p.tweet_id and a.method = 'engagement_share'
            group by p.tweet_id, p.posted_at, c.kind, c.format, c.topic
            order by p.posted_at
            """,
            cancellationToken: cancellationToken))).ToList();

        Console.WriteLine();
        Console.WriteLine($"{"post",-20} {"kind",-11} {"format",-9} {"topic",-12} {"likes48h",8} {"gain(naive)",11} {"gain(attributed)",16} {"gain(true)",10} {"phases",7}");
        var errors = new List<(double Naive, double Attributed)>();
        foreach (var row in rows)
        {
            long? truth = world.FindPost(row.PostId) is null ? null : world.TrueFollowerGain(row.PostId).At48h;
            var attributed = row.AttributedGain?.ToString("0.0", CultureInfo.InvariantCulture) ?? "unknown";
            Console.WriteLine($"{row.PostId,-20} {row.Kind,-11} {row.Format ?? "-",-9} {row.Topic ?? "-",-12} {Show(row.Likes48h),8} {Show(row.NaiveGain),11} {attributed,16} {(truth is null ? "?" : Show(truth)),10} {row.Measured}/{row.Measured + row.Failed,-5}");
            if (truth is { } t && row is { NaiveGain: { } n, AttributedGain: { } a })
            {
                errors.Add((Math.Abs(n - t), Math.Abs(a - t)));
            }
        }

        var complete = rows.Count(r => r.Measured + r.Failed == 6);
        var measured = rows.Sum(r => r.Measured);
        var failed = rows.Sum(r => r.Failed);
        Console.WriteLine();
        Console.WriteLine($"posts: {rows.Count}, with all 6 phases: {complete}; checkpoints measured: {measured}, failed: {failed}");
        if (errors.Count > 0)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"attribution error against the true gain ({errors.Count} posts): naive {errors.Average(e => e.Naive):0.0}, engagement share {errors.Average(e => e.Attributed):0.0} followers per post"));
        }

        var followers = await connection.QuerySingleAsync<(int Passes, int Full, int Arrivals, int Departures, double Credited)>(new CommandDefinition(
            """
            select (select count(*) from follower_passes)::int, (select count(*) from follower_passes where kind = 'full')::int,
                   (select count(*) from followers where arrived_after is not null)::int, (select count(*) from followers where left_at is not null)::int,
                   (select coalesce(sum(share), 0) from follower_credit)::float8
            """,
            cancellationToken: cancellationToken));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"followers: {followers.Passes} passes ({followers.Full} full), {followers.Arrivals} arrivals and {followers.Departures} departures recorded, {followers.Credited:0} arrivals credited to posts (/dashboard/followers)"));
        await DemoLateness.PrintAsync(connection, givenUp, Console.Out, cancellationToken);
        Console.WriteLine($"wall time {wall:mm\\:ss} on the {settings.Factor:0}x clock");
        return complete >= settings.Posts;
    }

    private static string Show(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unknown";
}
