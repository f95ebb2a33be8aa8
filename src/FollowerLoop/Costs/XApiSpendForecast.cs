using Cronos;
using FollowerLoop.Followers;
using FollowerLoop.Scheduling;
using FollowerLoop.Planning;
using FollowerLoop.Posting;
using FollowerLoop.Replies;
using FollowerLoop.Storage;
using FollowerLoop.X.Usage;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Costs;

/// <summary>
/// The X API requests a day each job makes at the configured schedules, volumes and prices, from
/// how the jobs use the client (an estimate: the assumptions are listed in <see cref="Assumptions"/>).
/// </summary>
public sealed class XApiSpendForecast(
    IOptions<JobsOptions> jobs,
    IOptions<PlanOptions> plan,
    IOptions<ReplyOptions> reply,
    IOptions<PostingOptions> posting,
    IOptions<FollowersOptions> followers,
    IOptions<XApiPrices> prices)
{
    /// <summary>A viral thread has 3–7 parts.</summary>
    public const double ThreadParts = 5;

    /// <summary>Cron runs are averaged over a week, so weekday-only schedules count right.</summary>
    private static readonly DateTime Week = new(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);

    private static int Checkpoints => CheckpointPhases.All.Count;

    private double PostsPerDay => Math.Min(plan.Value.PostsPerDay, posting.Value.DailyPostCap);

    private double ThreadPartsPerDay => RunsPerDay(jobs.Value.Schedules.ViralThread) * ThreadParts;

    private double RepliesPerDay => reply.Value.Mode == ReplyMode.Off ? 0 : posting.Value.DailyReplyCap;

    private bool Posts => posting.Value is { Enabled: true, DryRun: false };

    public string Assumptions =>
        FormattableString.Invariant(
            $"{(Posts ? $"{PostsPerDay:0.#} posts (Plan:PostsPerDay within Posting:DailyPostCap) + {ThreadPartsPerDay:0.#} viral-thread parts + {RepliesPerDay:0.#} replies (Posting:DailyReplyCap reached) a day, none with a URL" : "nothing posted (Posting:Enabled off or Posting:DryRun on)")}; ") +
        FormattableString.Invariant(
            $"{Checkpoints} checkpoints per post, each a post read and a profile read; Analytics reads every post under 48h at each run; one profile read per Data collection run; ") +
        FormattableString.Invariant(
            $"Reply reads the mentions once per run, each summoning post once (as many a day as the replies); ") +
        FormattableString.Invariant(
            $"Followers reads about Followers:PageMargin ({followers.Value.PageMargin}) followers a run plus the new ones, and counts a full pass at its cap (Followers:MaxFullPassUsd {followers.Value.MaxFullPassUsd:0.##} USD) every Followers:FullPassEvery ({followers.Value.FullPassEvery.TotalDays:0.#} days); ") +
        FormattableString.Invariant(
            $"schedules from Jobs:Schedules; XApi:Prices of {prices.Value.AsOf:yyyy-MM-dd}.");

    /// <summary>Jobs that call X, with their daily requests, resources and cost.</summary>
    public IReadOnlyList<XApiJobForecast> PerDay()
    {
        var schedules = jobs.Value.Schedules;
        var price = prices.Value;
        var created = Posts ? PostsPerDay + ThreadPartsPerDay + RepliesPerDay : 0;
        var mentionReads = RepliesPerDay > 0 ? RunsPerDay(schedules.Reply) : 0;
        var analyticsReads = RunsPerDay(schedules.Analytics) * created * 2;
        var profileReads = RunsPerDay(schedules.DataCollection);
        var followerPasses = RunsPerDay(schedules.Followers);
        var followersRead = followerPasses * followers.Value.PageMargin;
        var fullPassPerDay = followers.Value.MaxFullPassUsd / (decimal)followers.Value.FullPassEvery.TotalDays;
        XApiJobForecast[] all =
        [
            new("posting", created, created, (decimal)created * price.PostCreate),
            new("checkpoint", 2 * Checkpoints * created, 2 * Checkpoints * created, (decimal)(2 * Checkpoints * created) * price.OwnDataRead),
            new("analytics", analyticsReads, analyticsReads, (decimal)analyticsReads * price.OwnDataRead),
            new("data-collection", profileReads, profileReads, (decimal)profileReads * price.OwnDataRead),
            new("reply", mentionReads, RepliesPerDay, (decimal)RepliesPerDay * price.PostRead),
            new("followers", followerPasses, followersRead, ((decimal)followersRead * price.OwnDataRead) + fullPassPerDay),
        ];
        return [.. all.Where(f => f.RequestsPerDay > 0)];
    }

    private static double RunsPerDay(string cron) =>
        CronExpression.Parse(cron, CronFormat.Standard).GetOccurrences(Week, Week.AddDays(7), TimeZoneInfo.Utc, fromInclusive: true, toInclusive: false).Count() / 7.0;
}
