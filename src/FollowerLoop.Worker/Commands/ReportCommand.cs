using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FollowerLoop.Content;
using FollowerLoop.Costs;
using FollowerLoop.Followers;
using FollowerLoop.Scheduling;
using FollowerLoop.Learning;
using FollowerLoop.Storage;
using Microsoft.Extensions.Options;
using Npgsql;

namespace FollowerLoop.Worker.Commands;

/// <summary><c>followerloop report</c>: the account's growth, what attribution credits its posts with, who the new followers are and whether they stay, the X API spend, the models, the strategy and the learned patterns.</summary>
internal static class ReportCommand
{
    private const int TopPosts = 5;

    public static Command Create()
    {
        var days = new Option<int>("--days")
        {
            Description = "The growth summary covers this many days up to now (1 to 365).",
            DefaultValueFactory = _ => 7,
            CustomParser = OptionValues.WholeNumber(1, 365),
        };
        var until = new Option<DateTimeOffset?>("--until")
        {
            Description = "The window ends here (UTC) instead of now: for a database filled on another clock, such as the demo's virtual one.",
            CustomParser = OptionValues.Moment(),
        };
        var database = new Option<string>("--database")
        {
            Description = "Read this database on Database:ConnectionString's server instead of the one it names (the demo's is followerloop_demo).",
            CustomParser = OptionValues.DatabaseName(),
        };
        var command = new Command("report", "Print a growth summary and the learned patterns (reads the database; changes nothing).") { days, until, database };
        command.SetAction((parse, cancellationToken) => HostFactory.RunAsync(
            parse,
            builder =>
            {
                if (parse.GetValue(database) is { } name)
                {
                    ReadDatabase(builder.Configuration, name);
                }

                // The jobs' settings too: the spend forecast is made from them.
                builder.AddFollowerLoopCore().AddJobs();
            },
            (services, token) => RunAsync(services, TimeSpan.FromDays(parse.GetValue(days)), Console.Out, token, parse.GetValue(until)),
            cancellationToken));
        return command;
    }

    /// <summary>Database:ConnectionString with another database; a string that does not parse is left for validation to name.</summary>
    private static void ReadDatabase(IConfigurationManager configuration, string name)
    {
        try
        {
            var connection = new NpgsqlConnectionStringBuilder(configuration[$"{DatabaseOptions.SectionName}:ConnectionString"]) { Database = name };
            configuration.AddInMemoryCollection(new Dictionary<string, string?> { [$"{DatabaseOptions.SectionName}:ConnectionString"] = connection.ConnectionString });
        }
        catch (ArgumentException)
        {
            // HostFactory's validation names Database:ConnectionString and what is wrong with it.
        }
    }

    internal static async Task<int> RunAsync(IServiceProvider services, TimeSpan window, TextWriter output, CancellationToken cancellationToken, DateTimeOffset? until = null)
    {
        var account = services.GetRequiredService<IOptions<AccountOptions>>().Value;
        var handle = account.Handle;
        var now = until ?? services.GetRequiredService<TimeProvider>().GetUtcNow();
        await WriteGrowthAsync(services, handle, now - window, now, output, cancellationToken);
        await WriteEarlyCallsAsync(services, handle, now, output, cancellationToken);
        // Made here, not resolved: the report reads the tables whatever the host registered.
        await ReportFollowersSection.WriteAsync(
            ActivatorUtilities.CreateInstance<FollowerStore>(services), ActivatorUtilities.CreateInstance<CreditedPosts>(services), handle, now - window, now, output, cancellationToken);
        await ReportSpendSection.WriteAsync(services.GetRequiredService<XApiSpendQuery>(), handle, now - window, now, output, cancellationToken);
        await WriteModelsAsync(services.GetRequiredService<ModelStore>(), handle, output, cancellationToken);
        await WriteStrategyAsync(services.GetRequiredService<StrategyStore>(), handle, account.TimeZone, output, cancellationToken);
        await WritePatternsAsync(services.GetRequiredService<PatternStore>(), handle, output, cancellationToken);
        return ExitCodes.Ok;
    }

    private static async Task WriteGrowthAsync(IServiceProvider services, string handle, DateTimeOffset from, DateTimeOffset to, TextWriter output, CancellationToken cancellationToken)
    {
        var snapshots = (await services.GetRequiredService<AccountSnapshotStore>().GetRangeAsync(handle, from, to, cancellationToken)).Where(s => s.Followers is not null).ToList();
        var posted = await services.GetRequiredService<PostStore>().GetPostedSinceAsync(handle, from, cancellationToken);
        var finished = (await services.GetRequiredService<TrainingStore>().GetAllAsync(handle, cancellationToken)).Where(r => r.PostedAt >= from).ToList();
        var attributed = finished.Where(r => r.AttributedFollowers is not null).ToList();

        await output.WriteLineAsync(Text($"@{handle}: growth from {from:yyyy-MM-dd HH:mm} to {to:yyyy-MM-dd HH:mm} UTC"));
        await output.WriteLineAsync(snapshots.Count == 0
            ? "  followers      unknown (no account snapshot in the window)"
            : Text($"  followers      {snapshots[0].Followers:N0} → {snapshots[^1].Followers:N0} ({snapshots[^1].Followers - snapshots[0].Followers:+#,0;-#,0;0})"));
        await output.WriteLineAsync(Text($"  posts          {posted.Count} posted, {finished.Count} with their 48 hours done"));
        var reported = await services.GetRequiredService<AttributionStore>().GetErrorsAgainstReportedAsync(handle, from, to, cancellationToken);
        if (attributed.Count > 0)
        {
            var naive = finished.Where(r => r.FollowersGainedNaive is not null).ToList();
            var naiveNote = naive.Count > 0 ? Text($"; the naive method would say {naive.Average(r => r.FollowersGainedNaive!.Value):+0.0;-0.0}") : "";
            var method = reported.Posts > 0 ? Text($"X's counts for {reported.Posts}, engagement share for the rest") : "engagement share";
            await output.WriteLineAsync(Text(
                $"  attributed     {attributed.Sum(r => r.AttributedFollowers!.Value):+0;-0} followers to {attributed.Count} posts, {attributed.Average(r => r.AttributedFollowers!.Value):+0.0;-0.0} per post ({method}){naiveNote}"));
            await output.WriteLineAsync("  best posts by attributed followers:");
            var content = services.GetRequiredService<ContentStore>();
            foreach (var row in attributed.OrderByDescending(r => r.AttributedFollowers).Take(TopPosts))
            {
                var text = (await content.GetAsync(row.DecisionId, cancellationToken))?.Text ?? "";
                await output.WriteLineAsync(Text($"    {row.AttributedFollowers,7:+0.0;-0.0}  {row.PostedAt:MMM dd HH:mm}  {$"{row.Format}/{row.Topic}",-22} {PostExcerpt.Of(text, 60)}"));
            }
        }

        if (reported.Posts > 0)
        {
            await output.WriteLineAsync(Text(
                $"  X's own counts {reported.Posts} posts with follows reported by X; the estimates were off by (followers per post): engagement share {Error(reported.EngagementShare)}, overlap-shared {Error(reported.OverlapShared)}, naive {Error(reported.Naive)}"));
        }

        await output.WriteLineAsync();
    }

    private static string Error(double? error) => error is { } e ? Text($"{e:0.0}") : "n/a";

    /// <summary>Posts still in their 48 hours that the early-velocity model has called from their 2-hour counts.</summary>
    private static async Task WriteEarlyCallsAsync(IServiceProvider services, string handle, DateTimeOffset now, TextWriter output, CancellationToken cancellationToken)
    {
        var content = services.GetRequiredService<ContentStore>();
        var calls = new List<(PostRecord Post, ContentItem Item)>();
        foreach (var post in await services.GetRequiredService<PostStore>().GetPostedSinceAsync(handle, now - TimeSpan.FromHours(48), cancellationToken))
        {
            if (await content.GetAsync(post.DecisionId, cancellationToken) is { PredictedGain2h: not null } item)
            {
                calls.Add((post, item));
            }
        }

        await output.WriteLineAsync("early calls (posts in their first 48 hours; followers by 48h predicted from the 2-hour counts, and by Plan before posting)");
        if (calls.Count == 0)
        {
            await output.WriteLineAsync("  none: no post of the last 48 hours has an early-velocity call yet");
        }

        foreach (var (post, item) in calls.OrderByDescending(c => c.Item.PredictedGain2h).Take(TopPosts))
        {
            var planned = item.PredictedGain is { } p ? Text($"{p,7:+0.0;-0.0}") : "      ?";
            await output.WriteLineAsync(Text($"    {item.PredictedGain2h,7:+0.0;-0.0} {planned}  {post.PostedAt:MMM dd HH:mm}  {$"{item.Format}/{item.Topic}",-22} {PostExcerpt.Of(item.Text, 60)}"));
        }

        await output.WriteLineAsync();
    }

    private static async Task WriteModelsAsync(ModelStore models, string handle, TextWriter output, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync("models");
        foreach (var kind in new[] { ModelKinds.Gain, ModelKinds.EarlyVelocity })
        {
            var active = await models.GetActiveAsync(handle, kind, cancellationToken);
            var metrics = active is null ? null : ModelMetrics.Parse(active.Metrics);
            await output.WriteLineAsync(active is null
                ? Text($"  {kind,-16}none active yet")
                : Text($"  {kind,-16}v{active.Version} ({active.Trainer}), active since {active.ActivatedAt:yyyy-MM-dd HH:mm}, trained on {active.TrainingRows} posts")
                    + (metrics is null ? "" : Text($"; held-out error {metrics.Mae:0.0} followers per post vs {metrics.BarMae:0.0} for {metrics.Bar} ({metrics.HoldoutRows} posts)")));
        }

        await output.WriteLineAsync();
    }

    private static async Task WriteStrategyAsync(StrategyStore strategies, string handle, string timeZone, TextWriter output, CancellationToken cancellationToken)
    {
        var strategy = await strategies.GetLatestAsync(handle, cancellationToken);
        await output.WriteLineAsync("strategy");
        if (strategy is null)
        {
            await output.WriteLineAsync("  none yet (Plan spreads posts over the day)");
        }
        else
        {
            var mix = JsonSerializer.Deserialize<Dictionary<string, double>>(strategy.ContentMix) ?? [];
            await output.WriteLineAsync(Text($"  posting hours  {string.Join(", ", JsonSerializer.Deserialize<int[]>(strategy.BestHours) ?? [])} ({timeZone})"));
            await output.WriteLineAsync(Text($"  content mix    {string.Join(", ", mix.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value:P0}"))}"));
            await output.WriteLineAsync(Text($"  basis          {strategy.Notes} ({strategy.CreatedAt:yyyy-MM-dd HH:mm})"));
        }

        await output.WriteLineAsync();
    }

    private static async Task WritePatternsAsync(PatternStore patterns, string handle, TextWriter output, CancellationToken cancellationToken)
    {
        var current = await patterns.GetCurrentAsync(handle, cancellationToken);
        await output.WriteLineAsync("learned patterns (followers per post against the rest, 95% intervals)");
        if (current.Count == 0)
        {
            await output.WriteLineAsync("  none yet: Learn needs finished posts with an attribution");
            return;
        }

        foreach (var category in current.GroupBy(p => p.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            await output.WriteLineAsync(Text($"  {category.Key}"));
            foreach (var pattern in category.OrderByDescending(p => p.EffectSize))
            {
                // An interval that excludes zero is worth acting on; the others are still open questions.
                var sure = pattern.CiLow > 0 || pattern.CiHigh < 0 ? "*" : " ";
                await output.WriteLineAsync(Text($"   {sure} {pattern.Finding}"));
            }
        }

        await output.WriteLineAsync("  (* the 95% interval excludes no effect)");
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
