using FollowerLoop.Storage;

namespace FollowerLoop.Learning;

/// <summary>Turns comprehensive_metrics rows into model rows, oldest first; rows missing what a model needs are left out.</summary>
public static class TrainingExamples
{
    /// <summary>Planned posts with an engagement-share attribution: the gain model's rows, a label judged against its format's.</summary>
    /// <param name="zone">The account's time zone.</param>
    public static IReadOnlyList<TrainingExample> ForGain(IReadOnlyList<TrainingRow> rows, TimeZoneInfo zone)
    {
        var history = HistoryOf(rows);
        return [.. Usable(rows).Select(u => new TrainingExample(
            u.Row.PostId, u.Row.PostedAt, GainFeatures.Build(u.Post, history.TimingAt(u.Row.PostedAt, u.Row.Format, u.Row.Topic), zone), u.Label, u.Followers, u.Row.Format))];
    }

    /// <summary>The gain rows whose 2-hour checkpoint was measured: the early-velocity model's rows.</summary>
    /// <param name="zone">The account's time zone.</param>
    public static IReadOnlyList<TrainingExample> ForEarlyVelocity(IReadOnlyList<TrainingRow> rows, TimeZoneInfo zone) =>
    [
        .. Usable(rows)
            .Where(u => u.Row is { Likes2h: not null, Retweets2h: not null, Replies2h: not null, Views2h: not null })
            .Select(u => new TrainingExample(
                u.Row.PostId,
                u.Row.PostedAt,
                EarlyVelocityFeatures.Build(u.Post, u.Row.PostedAt, new EarlySignals(u.Row.Likes2h!.Value, u.Row.Retweets2h!.Value, u.Row.Replies2h!.Value, u.Row.Views2h!.Value, u.Followers, u.Row.ProfileViews2h), zone),
                u.Label,
                u.Followers)),
    ];

    /// <summary>The account's own posts (not replies) in the rows: the history repeats, load and spacing come from.</summary>
    public static PostingHistory HistoryOf(IEnumerable<TrainingRow> rows) =>
        new(rows.Where(r => r.Kind != ContentKind.Reply).Select(r => (r.PostedAt, r.Format, r.Topic)));

    private static IEnumerable<(TrainingRow Row, PostDescription Post, float Label, long Followers)> Usable(IReadOnlyList<TrainingRow> rows) =>
        rows.Where(r => r.Kind == ContentKind.Post)
            .OrderBy(r => r.PostedAt)
            .Select(r => (Row: r, Post: PostDescription.Of(r)))
            .Where(x => x.Post is not null && x.Row is { LearnedFollowers: not null, FollowersAtPost: > 0 })
            .Select(x => (x.Row, x.Post!, ModelLabel.FromGain(x.Row.LearnedFollowers!.Value, x.Row.FollowersAtPost!.Value), x.Row.FollowersAtPost!.Value));
}
