using System.Diagnostics;
using System.Globalization;
using FollowerLoop.Content;
using FollowerLoop.Followers;
using FollowerLoop.Scheduling;
using FollowerLoop.Learning;
using FollowerLoop.Sandbox.Clock;
using FollowerLoop.Sandbox.World;
using FollowerLoop.Storage;
using FollowerLoop.Tracking;
using FollowerLoop.X;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// FollowerLoop's policy: the library's own jobs (Plan, Posting, checkpoints, Data collection, Attribution,
/// Outcomes, Learn, Strategy) on a real database and Redis, in virtual time, against the sandbox through an
/// X client that reads only what x.com shows (or, with <see cref="BenchReads.Api"/>, what the API adds for own posts; with
/// <see cref="BenchReads.Enterprise"/>, also X's own follows of each post).
/// With followers, the Followers job reads the world's followers list every 3 hours (a full pass every 2 days) and the
/// Attribution job credits the arrivals to posts. Reply and Viral thread do not run: the benchmark compares planned posts.
/// </summary>
internal sealed class LearnedRun(LearningSettings settings, CandidateBank bank)
{
    private static readonly string[] LoopJobs =
    [
        nameof(JobSchedules.Plan), nameof(JobSchedules.Posting), nameof(JobSchedules.DataCollection), nameof(JobSchedules.Attribution),
        nameof(JobSchedules.Outcomes), nameof(JobSchedules.Learn), nameof(JobSchedules.Strategy),
    ];

    private static readonly string[] TrackingJobs = [nameof(JobSchedules.DataCollection), nameof(JobSchedules.Attribution), nameof(JobSchedules.Outcomes)];

    private static readonly string[] FollowersJobs = [nameof(JobSchedules.Followers)];

    // After the last post: its 48 hours, then the next attribution run.
    private static readonly TimeSpan Settle = TimeSpan.FromHours(51);

    public async Task<LearnedOutcome> RunAsync(TextWriter progress, CancellationToken cancellationToken)
    {
        var wall = Stopwatch.StartNew();
        var clock = new SteppedTimeProvider(LearningSettings.Epoch);
        var world = SandboxWorld.Create(settings.Sandbox, clock);
        await using var database = await BenchDatabase.CreateAsync(settings.ConnectionString, cancellationToken);
        using var host = BuildHost(database.ConnectionString, clock, world);
        host.Services.GetRequiredService<IStartupValidator>().Validate();

        // Slots are on the hour: posting every quarter hour posts them on time and saves two thirds of the runs; a
        // followers pass every 3 hours dates arrivals well enough and saves two thirds of the passes.
        var all = TimerJobs.All(new JobSchedules { Posting = "*/15 * * * *", Followers = "15 */3 * * *" });
        var loop = LoopJobs.Concat(settings.Followers ? FollowersJobs : []).ToList();
        var tracking = TrackingJobs.Concat(settings.Followers ? FollowersJobs : []).ToList();
        var timeline = new VirtualTimeline(host.Services, clock, host.Services.GetRequiredService<VirtualCheckpointScheduler>());
        var posts = () => world.GetPosts().Where(p => !p.IsReply).ToList();
        var lastReport = 0;
        await timeline.RunAsync(
            [.. all.Where(j => loop.Contains(j.Name))],
            DateTimeOffset.MaxValue,
            () =>
            {
                var count = posts().Count;
                if (count >= lastReport + 50)
                {
                    lastReport = count;
                    progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  learned: {count} posts by {clock.GetUtcNow():MMM d HH:mm} ({wall.Elapsed.TotalSeconds:0} s)"));
                }

                return count >= settings.Posts;
            },
            cancellationToken);

        var mine = posts().Take(settings.Posts).ToList();
        var settled = settings.Followers ? PolicyOutcome.KeptKnownAt(mine) + TimeSpan.FromDays(2) : mine[^1].PostedAt + Settle;
        await timeline.RunAsync([.. all.Where(j => tracking.Contains(j.Name))], settled, () => false, cancellationToken);

        var attribution = await AttributionErrorAsync(database, world, mine, likersSeen: settings.Followers && settings.Reads != BenchReads.Page, settings.Compare, cancellationToken);
        var models = (await new ModelStore(database.DataSource).ListAsync(LearningSettings.Handle, cancellationToken)).Where(m => m.Kind == ModelKinds.Gain).ToList();
        var items = new List<ContentItem?>();
        var content = new ContentStore(database.DataSource);
        var postStore = new PostStore(database.DataSource);
        foreach (var post in mine)
        {
            var record = await postStore.GetByTweetIdAsync(post.Id, cancellationToken);
            items.Add(record is null ? null : await content.GetAsync(record.DecisionId, cancellationToken));
        }

        // A pick with a model has a prediction; before one, Plan picks at random (recorded as exploration).
        static bool PickedWithModel(ContentItem? item) => item?.PredictedGain is not null;
        var policies = items.Where(PickedWithModel).Select(i => i!.Policy).ToList();
        var withModel = policies.Count;
        var firstWithModel = items.FindIndex(PickedWithModel);
        var outcome = PolicyOutcome.Of("learned", world, mine, wall.Elapsed, settings.Followers);
        return new LearnedOutcome(
            outcome,
            attribution,
            models.Count,
            models.Count(m => m.ActivatedAt is not null),
            withModel == 0 ? 0 : policies.Count(p => p == "exploit") / (double)withModel,
            withModel,
            firstWithModel < 0 ? mine.Count : firstWithModel,
            [.. timeline.Spent.OrderByDescending(j => j.Value.Elapsed)],
            settings.Followers ? await ArrivalsErrorAsync(database, world, mine, cancellationToken) : null);
    }

    /// <summary>Each post's credited arrivals against the followers it truly brought, and those kept a week where the passes saw it.</summary>
    private static async Task<ArrivalsError> ArrivalsErrorAsync(BenchDatabase database, SandboxWorld world, IReadOnlyList<SandboxPost> posts, CancellationToken cancellationToken)
    {
        var credited = (await new CreditedPosts(database.DataSource).LoadAsync(LearningSettings.Handle, postedSince: null, cancellationToken)).ToDictionary(p => p.PostId);
        var gained = posts.Select(p => (Credited: credited.GetValueOrDefault(p.Id)?.Gained ?? 0, True: (double)world.TrueFollowersBroughtBy(p.Id).Count)).ToList();
        var kept = posts.Where(p => credited.GetValueOrDefault(p.Id)?.Kept is not null)
            .Select(p => (Credited: credited[p.Id].Kept!.Value, True: (double)world.TrueFollowersKept(p.Id, LearningSettings.KeptFor)))
            .ToList();
        return new ArrivalsError(
            gained.Average(g => Math.Abs(g.Credited - g.True)),
            gained.Average(g => g.True),
            gained.Count,
            kept.Count == 0 ? double.NaN : kept.Average(k => Math.Abs(k.Credited - k.True)),
            kept.Count == 0 ? double.NaN : kept.Average(k => k.True),
            kept.Count);
    }

    /// <summary>
    /// Every method's rows against the sandbox's true 48-hour gain, over the posts they all attributed; with
    /// <paramref name="compare"/>, engagement share replayed on the same posts by the job's rules and by each set.
    /// </summary>
    private static async Task<AttributionError> AttributionErrorAsync(
        BenchDatabase database, SandboxWorld world, IReadOnlyList<SandboxPost> posts, bool likersSeen, IReadOnlyList<ComparedRules>? compare, CancellationToken cancellationToken)
    {
        var store = new AttributionStore(database.DataSource);
        var errors = new List<(double Naive, double Shared, double Share, double Floor, double? LikersFloor)>();
        var reportedErrors = new List<double>();
        var lastRuns = new List<(string PostId, DateTimeOffset ComputedAt, double Truth)>();
        foreach (var post in posts)
        {
            var rows = (await store.GetForPostAsync(post.Id, cancellationToken)).ToDictionary(r => r.Method);
            var truth = world.TrueFollowerGain(post.Id).At48h;
            if (rows.GetValueOrDefault(AttributionMethod.Naive)?.AttributedFollowers is { } naive
                && rows.GetValueOrDefault(AttributionMethod.OverlapShared)?.AttributedFollowers is { } shared
                && rows.GetValueOrDefault(AttributionMethod.EngagementShare) is { AttributedFollowers: { } share, ComputedAt: var computedAt })
            {
                var due = world.Audience.ExpectedNetGivenReach(post.Features, post.Context, post.Outcome);
                // Listing every liker of a post is costly (strangers drawn one by one): only where the run saw them.
                double? likersFloor = likersSeen ? Math.Abs(DueGivenLikes(world, post, due) - truth) : null;
                errors.Add((Math.Abs(naive - truth), Math.Abs(shared - truth), Math.Abs(share - truth), Math.Abs(due - truth), likersFloor));
                lastRuns.Add((post.Id, computedAt, truth));
            }

            if (rows.GetValueOrDefault(AttributionMethod.Reported)?.AttributedFollowers is { } reported)
            {
                reportedErrors.Add(Math.Abs(reported - truth));
            }
        }

        double? reportedMae = reportedErrors.Count == 0 ? null : reportedErrors.Average();
        var compared = compare is not { Count: > 0 } ? null : await AttributionComparison.ReplayAsync(database.DataSource, lastRuns, compare, cancellationToken);
        return errors.Count == 0
            ? new AttributionError(double.NaN, double.NaN, double.NaN, double.NaN, 0, reportedMae)
            : new AttributionError(
                errors.Average(e => e.Naive), errors.Average(e => e.Shared), errors.Average(e => e.Share), errors.Average(e => e.Floor), errors.Count, reportedMae,
                errors.Average(e => e.LikersFloor), compared);
    }

    /// <summary>What the post was due given its reach and, where X listed its likers in full, how many it brought liked it.</summary>
    private static double DueGivenLikes(SandboxWorld world, SandboxPost post, double due) =>
        world.GetLikingUsers(post.Id).Count <= SandboxWorld.LikersListedPerPost
            ? due + world.TrueFollowersBroughtWhoLiked(post.Id)
                - (world.Audience.Profile.Engagement.FollowersWhoLiked * world.Audience.ExpectedFollowsGivenReach(post.Features, post.Context, post.Outcome))
            : due;

    private IHost BuildHost(string database, SteppedTimeProvider clock, SandboxWorld world)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Account:Handle"] = LearningSettings.Handle,
            ["Account:TimeZone"] = FixedZone.For(TimeSpan.FromHours(world.Audience.Profile.Account.UtcOffsetHours)),
            ["Database:ConnectionString"] = database,
            ["Redis:Configuration"] = settings.Redis,
            ["Redis:KeyPrefix"] = $"bench-learning-{Guid.NewGuid():N}",
            ["Plan:Exploration"] = settings.Exploration.ToString(),
            ["Plan:Seed"] = settings.AudienceSeed.ToString(CultureInfo.InvariantCulture),
            // The world bills nothing; a full pass every 2 days sees departures soon after a week.
            ["Followers:FullPassEvery"] = "2.00:00:00",
            ["Followers:MaxFullPassUsd"] = "1000",
        });
        builder.Configuration.AddInMemoryCollection(settings.Overrides);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.AddFollowerLoopCore().AddJobs();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IXClient>(new WorldXClient(world, settings.Reads));
        builder.Services.AddSingleton<IReportedFollowsReader>(settings.Reads == BenchReads.Enterprise ? new WorldReportedFollows(world) : new NoReportedFollows());
        builder.Services.AddSingleton<ILikingUsersReader>(settings.Reads == BenchReads.Page ? new NoLikingUsers() : new WorldLikingUsers(world));
        builder.Services.AddSingleton<IFollowersReader>(new WorldFollowersReader(world));
        builder.Services.AddSingleton<VirtualCheckpointScheduler>();
        builder.Services.AddSingleton<ICheckpointScheduler>(sp => sp.GetRequiredService<VirtualCheckpointScheduler>());
        builder.Services.AddSingleton<IContentGenerator>(new BankGenerator(bank, clock));
        return builder.Build();
    }
}
