using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FollowerLoop.Harness;

namespace FollowerLoop.Bench.Attribution;

/// <summary>
/// <c>attribution</c>: engagement share alone, offline (<see cref="AttributionReplay"/>: 8 template posts a day, the
/// Attribution job's estimates as it last computes them), on every audience and seed: its error, by views and by
/// profile visits, and the floor's, each over overlap-shared's, issue #15's yardstick for attribution; and engagement
/// share's bias, its mean signed error per post: the level (organic drift against the posts' overall conversion, which
/// steady posting barely tells apart) as against each post's part. No database and no learner: an estimate's change
/// is measured in two minutes where the learning yardstick takes twenty, on a schedule the learner did not choose.
/// </summary>
internal static class AttributionCommand
{
    private const double Target = 0.5;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "End with one JSON line of the results." };
        var files = BenchAudiences.MoreFilesOption();
        var seeds = BenchAudiences.SeedsOption();
        var days = new Option<int>("--days") { Description = "Days of posting replayed (8 posts a day).", DefaultValueFactory = _ => 38 };
        var schedule = new Option<ReplaySchedule>("--schedule") { Description = "When the posts go out: Evenly (every 3 hours, the hardest case for the drift) or WakingHours (8 a day at random local hours from 7 to 22, more like the loop).", DefaultValueFactory = _ => ReplaySchedule.Evenly };
        days.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 10)
            {
                result.AddError("--days must be at least 10: a post is credited from the third day on, a week after it went out.");
            }
        });

        var command = new Command("attribution", "Engagement share replayed offline on every audience and seed: its error over overlap-shared's (issue #15's attribution target), by views and by profile visits, beside the floor; run from the repository root, as scripts/bench does.")
        {
            json,
            files,
            seeds,
            days,
            schedule,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            IReadOnlyList<string?> audiences = [.. BenchAudiences.InRepository(), .. (parse.GetValue(files) ?? []).Select(f => f.FullName)];
            var runs = new List<ReplayRun>();
            foreach (var audience in audiences)
            {
                for (var seed = 1; seed <= parse.GetValue(seeds); seed++)
                {
                    var watch = Stopwatch.StartNew();
                    var posts = await AttributionReplay.RunAsync(audience, seed, parse.GetValue(days), parse.GetValue(schedule), cancellationToken);
                    runs.Add(new ReplayRun(audience is null ? "built-in" : Path.GetFileNameWithoutExtension(audience), seed, posts, watch.Elapsed.TotalSeconds));
                }
            }

            await output.WriteLineAsync(Line($"{"audience",-22}{"seed",5}{"posts",7}{"true gain",11}{"shared MAE",12}{"share/shared",14}{"bias",7}{"visits/shared",15}{"bias",7}{"floor/shared",14}{"s",6}"));
            foreach (var r in runs)
            {
                await output.WriteLineAsync(Line($"{r.Audience,-22}{r.Seed,5}{r.Posts.Count,7}{r.Posts.Average(p => p.Truth),11:0.0}{r.Shared,12:0.00}{Mark(r.ShareRatio),14}{r.ShareBias,7:0.00}{Mark(r.VisitsRatio),15}{r.VisitsBias,7:0.00}{r.FloorRatio,14:0.00}{r.Seconds,6:0}"));
            }

            await output.WriteLineAsync(Line($"share ≤ {Target} × shared on {runs.Count(r => r.ShareRatio <= Target)} of {runs.Count} (mean {runs.Average(r => r.ShareRatio):0.000}); by profile visits on {runs.Count(r => r.VisitsRatio <= Target)} (mean {runs.Average(r => r.VisitsRatio):0.000}); the floor's mean {runs.Average(r => r.FloorRatio):0.000}"));
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["bench"] = "attribution",
                    ["days"] = parse.GetValue(days),
                    ["schedule"] = parse.GetValue(schedule).ToString(),
                    ["runs"] = runs.Select(r => new Dictionary<string, object>
                    {
                        ["audience"] = r.Audience,
                        ["seed"] = r.Seed,
                        ["posts"] = r.Posts.Count,
                        ["mae_shared"] = Math.Round(r.Shared, 3),
                        ["share_over_shared"] = Math.Round(r.ShareRatio, 3),
                        ["share_bias"] = Math.Round(r.ShareBias, 3),
                        ["visits_over_shared"] = Math.Round(r.VisitsRatio, 3),
                        ["visits_bias"] = Math.Round(r.VisitsBias, 3),
                        ["floor_over_shared"] = Math.Round(r.FloorRatio, 3),
                        ["seconds"] = Math.Round(r.Seconds, 1),
                    }).ToList(),
                    ["share_met"] = runs.Count(r => r.ShareRatio <= Target),
                    ["visits_met"] = runs.Count(r => r.VisitsRatio <= Target),
                    ["share_over_shared_mean"] = Math.Round(runs.Average(r => r.ShareRatio), 3),
                }));
            }

            return 0;
        });
        return command;
    }

    private static string Mark(double ratio) => Line($"{ratio:0.00}{(ratio <= Target ? " " : "*")}");

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// One audience and seed replayed: each method's mean absolute error over the posts all of them credited, and
    /// engagement share's mean signed error per post (followers credited over the truth).
    /// </summary>
    private sealed record ReplayRun(string Audience, int Seed, IReadOnlyList<ReplayedPost> Posts, double Seconds)
    {
        public double Shared => Posts.Average(p => Math.Abs(p.Shared - p.Truth));

        public double ShareRatio => Posts.Average(p => Math.Abs(p.Share - p.Truth)) / Shared;

        public double VisitsRatio => Posts.Average(p => Math.Abs(p.ByVisits - p.Truth)) / Shared;

        public double ShareBias => Posts.Average(p => p.Share - p.Truth);

        public double VisitsBias => Posts.Average(p => p.ByVisits - p.Truth);

        public double FloorRatio => Posts.Average(p => Math.Abs(p.Due - p.Truth)) / Shared;
    }
}
