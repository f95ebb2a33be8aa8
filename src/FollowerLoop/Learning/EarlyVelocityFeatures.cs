using FollowerLoop.Content;

namespace FollowerLoop.Learning;

/// <summary>
/// The early-velocity model's row: what a post did in its first two hours (per 10,000 followers, on a log
/// scale) with its format, topic and local hour (a daily cycle). It predicts the 48-hour gain from the 2-hour checkpoint.
/// </summary>
public static class EarlyVelocityFeatures
{
    private static readonly FeatureLayout Layout = new FeatureLayout()
        .OneHot("format", ContentLabels.Formats)
        .OneHot("topic", ContentLabels.Topics)
        .Values("likes_2h", "reposts_2h", "replies_2h", "views_2h")
        .Cycle("hour", 24, knots: 8);

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
        var local = TimeZoneInfo.ConvertTime(postedAt, zone);
        Layout.SetCycle(v, "hour", local.Hour + (local.Minute / 60.0));
        return v;
    }

    private static double PerTenThousandLog(long count, long followers) => Math.Log(1 + (count * ModelLabel.Scale / Math.Max(1, followers)));
}
