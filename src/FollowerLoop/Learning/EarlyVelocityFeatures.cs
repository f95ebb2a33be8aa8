using FollowerLoop.Content;

namespace FollowerLoop.Learning;

/// <summary>
/// The early-velocity model's row: what a post did in its first two hours (per 10,000 followers, on a log
/// scale) with its format, topic and local hour (a daily cycle). It predicts the 48-hour gain from the 2-hour checkpoint.
/// Profile visits, the step before a follow, enter where X gave them, beside a flag saying so: a post without them
/// (read from the page) is not taken for one nobody visited.
/// </summary>
public static class EarlyVelocityFeatures
{
    private static readonly FeatureLayout Layout = new FeatureLayout()
        .OneHot("format", ContentLabels.Formats)
        .OneHot("topic", ContentLabels.Topics)
        .Values("likes_2h", "reposts_2h", "replies_2h", "views_2h", "profile_visits_2h", "profile_visits_known")
        .Cycle("hour", 24, knots: 8);

    public static IReadOnlyList<string> Names => Layout.Names;

    /// <summary>Stored with every model: a model trained on another layout is never loaded against this one.</summary>
    public static string Schema { get; } = Layout.Schema("early");

    /// <param name="zone">The account's time zone: the hour is the audience's.</param>
    public static float[] Build(PostDescription post, DateTimeOffset postedAt, EarlySignals early, TimeZoneInfo zone)
    {
        var v = Layout.NewVector();
        Layout.SetOneHot(v, "format", post.Format);
        Layout.SetOneHot(v, "topic", post.Topic);
        Layout.Set(v, "likes_2h", PerTenThousandLog(early.Likes, early.FollowersAtPost));
        Layout.Set(v, "reposts_2h", PerTenThousandLog(early.Reposts, early.FollowersAtPost));
        Layout.Set(v, "replies_2h", PerTenThousandLog(early.Replies, early.FollowersAtPost));
        Layout.Set(v, "views_2h", PerTenThousandLog(early.Views, early.FollowersAtPost));
        if (early.ProfileVisits is { } visits)
        {
            Layout.Set(v, "profile_visits_2h", PerTenThousandLog(visits, early.FollowersAtPost));
            Layout.Set(v, "profile_visits_known", 1);
        }

        var local = TimeZoneInfo.ConvertTime(postedAt, zone);
        Layout.SetCycle(v, "hour", local.Hour + (local.Minute / 60.0));
        return v;
    }

    private static double PerTenThousandLog(long count, long followers) => Math.Log(1 + (count * ModelLabel.Scale / Math.Max(1, followers)));
}
