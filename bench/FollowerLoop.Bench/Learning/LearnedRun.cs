using System.Diagnostics;
using System.Globalization;
using FollowerLoop.Content;
using FollowerLoop.Jobs;
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
/// X client that reads only what x.com shows (or, with <see cref="BenchReads.Api"/>, what the API adds for own posts).
/// Reply and Viral thread do not run: the benchmark compares planned posts.
/// </summary>
internal sealed class LearnedRun(LearningSettings settings, CandidateBank bank)
{
    private static readonly string[] LoopJobs =
    [
        nameof(JobSchedules.Plan), nameof(JobSchedules.Posting), nameof(JobSchedules.DataCollection), nameof(JobSchedules.Attribution),
        nameof(JobSchedules.Outcomes), nameof(JobSchedules.Learn), nameof(JobSchedules.Strategy),
    ];

    private static readonly string[] TrackingJobs = [nameof(JobSchedules.DataCollection), nameof(JobSchedules.Attribution), nameof(JobSchedules.Outcomes)];

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

        // Slots are on the hour: posting every quarter hour posts them on time and saves two thirds of the runs.
        var all = TimerJobs.All(new JobSchedules { Posting = "*/15 * * * *" });
        var timeline = new VirtualTimeline(host.Services, clock, host.Services.GetRequiredService<VirtualCheckpointScheduler>());
        var posts = () => world.GetPosts().Where(p => !p.IsReply).ToList();
        var lastReport = 0;
        await timeline.RunAsync(
            [.. all.Where(j => LoopJobs.Contains(j.Name))],
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
        await timeline.RunAsync([.. all.Where(j => TrackingJobs.Contains(j.Name))], mine[^1].PostedAt + Settle, () => false, cancellationToken);

        var attribution = await AttributionErrorAsync(database, world, mine, cancellationToken);
        var models = (await new ModelStore(database.DataSource).ListAsync(LearningSettings.Handle, cancellationToken)).Where(m => m.Kind == ModelKinds.Gain).ToList();
        var policies = new List<string?>();
        var content = new ContentStore(database.DataSource);
        var postStore = new PostStore(database.DataSource);
        foreach (var post in mine)
        {
            var record = await postStore.GetByTweetIdAsync(post.Id, cancellationToken);
            policies.Add(record is null ? null : (await content.GetAsync(record.DecisionId, cancellationToken))?.Policy);
        }

        var withModel = policies.Count(p => p is "exploit" or "explore");
        var outcome = PolicyOutcome.Of("learned", world, mine, wall.Elapsed);
        return new LearnedOutcome(
            outcome,
            attribution,
            models.Count,
            models.Count(m => m.ActivatedAt is not null),
            withModel == 0 ? 0 : policies.Count(p => p == "exploit") / (double)withModel);
    }

    /// <summary>Every method's rows against the sandbox's true 48-hour gain, over the posts they all attributed.</summary>
    private static async Task<AttributionError> AttributionErrorAsync(BenchDatabase database, SandboxWorld world, IReadOnlyList<SandboxPost> posts, CancellationToken cancellationToken)
    {
        var store = new AttributionStore(database.DataSource);
        var errors = new List<(double Naive, double Shared, double Share)>();
        foreach (var post in posts)
        {
            var rows = (await store.GetForPostAsync(post.Id, cancellationToken)).ToDictionary(r => r.Method, r => r.AttributedFollowers);
            if (rows.GetValueOrDefault(AttributionMethod.Naive) is { } naive
                && rows.GetValueOrDefault(AttributionMethod.OverlapShared) is { } shared
                && rows.GetValueOrDefault(AttributionMethod.EngagementShare) is { } share)
            {
                var truth = world.TrueFollowerGain(post.Id).At48h;
                errors.Add((Math.Abs(naive - truth), Math.Abs(shared - truth), Math.Abs(share - truth)));
            }
        }

        return errors.Count == 0
            ? new AttributionError(double.NaN, double.NaN, double.NaN, 0)
            : new AttributionError(errors.Average(e => e.Naive), errors.Average(e => e.Shared), errors.Average(e => e.Share), errors.Count);
    }

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
        });
        builder.Configuration.AddInMemoryCollection(settings.Overrides);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace).SetMinimumLevel(LogLevel.Warning);
        builder.AddFollowerLoopCore().AddJobs();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IXClient>(new WorldXClient(world, settings.Reads));
        builder.Services.AddSingleton<IReportedFollowsReader, NoReportedFollows>();
        builder.Services.AddSingleton<VirtualCheckpointScheduler>();
        builder.Services.AddSingleton<ICheckpointScheduler>(sp => sp.GetRequiredService<VirtualCheckpointScheduler>());
        builder.Services.AddSingleton<IContentGenerator>(new BankGenerator(bank, clock));
        return builder.Build();
    }
}
