using System.Collections.Frozen;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
namespace FollowerLoop.Worker.Dashboard.Posts;

/// <summary>
/// The sortable columns of the posts page and their SQL, over <c>b</c> (the filtered posts) and
/// <c>r</c> (their recorded phases). Only these fixed fragments ever reach the SQL text. Values of a
/// phase or a method come through joins on their primary keys, so one hash join serves every post.
/// </summary>
public static class PostSort
{
    public const string Default = "posted";

    /// <summary>Sorting by phases done needs the per-phase summary of every filtered post.</summary>
    public const string Done = "done";

    /// <summary>The attributed gain by the best method a post has (<see cref="AttributionMethod.BestFirst"/>).</summary>
    public const string Gain = "gain";

    private static readonly FrozenDictionary<string, SortColumn> Columns = Build();

    public static IEnumerable<string> Keys => Columns.Keys.Order(StringComparer.Ordinal);

    public static bool IsKnown(string key) => Columns.ContainsKey(key);

    public static SortColumn Sql(string key) => Columns[key];

    public static string Likes(CheckpointPhase phase) => $"likes_{phase.ToColumn()}";

    public static string Views(CheckpointPhase phase) => $"views_{phase.ToColumn()}";

    public static string FollowerGain(CheckpointPhase phase) => $"followers_{phase.ToColumn()}";

    public static string Attribution(string method) => method;

    private static FrozenDictionary<string, SortColumn> Build()
    {
        var columns = new Dictionary<string, SortColumn>(StringComparer.Ordinal)
        {
            [Default] = new("b.posted_at"),
            ["kind"] = new("b.kind"),
            ["format"] = new("b.format"),
            ["topic"] = new("b.topic"),
            [Done] = new("coalesce(r.done, 0)"),
            // One primary-key probe per method and post, in the order the methods are trusted.
            [Gain] = new(
                $"""
                (select sg.attributed_followers from post_attribution sg
                 where sg.post_id = b.tweet_id and sg.attributed_followers is not null
                 order by array_position(array['{string.Join("', '", AttributionMethod.BestFirst)}'], sg.method) limit 1)
                """),
        };
        foreach (var phase in CheckpointPhases.All)
        {
            columns[Likes(phase)] = new(
                "sv.likes",
                $"left join post_velocity_tracking sv on sv.post_id = b.tweet_id and sv.collection_phase = '{phase.ToColumn()}'");
            columns[Views(phase)] = new(
                "sv.views",
                $"left join post_velocity_tracking sv on sv.post_id = b.tweet_id and sv.collection_phase = '{phase.ToColumn()}'");
        }

        foreach (var phase in CheckpointPhases.Scheduled)
        {
            columns[FollowerGain(phase)] = new(
                "sf.followers - sb.followers",
                $"""
                left join post_follower_tracking sf on sf.post_id = b.tweet_id and sf.collection_phase = '{phase.ToColumn()}'
                left join post_follower_tracking sb on sb.post_id = b.tweet_id and sb.collection_phase = 'baseline'
                """);
        }

        foreach (var method in AttributionMethod.BestFirst)
        {
            columns[Attribution(method)] = new(
                "sa.attributed_followers",
                $"left join post_attribution sa on sa.post_id = b.tweet_id and sa.method = '{method}'");
        }

        return columns.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
