using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// <c>yardstick</c>: issue #15's "done when" in one command. The <c>learning</c> bench on every audience (the built-in
/// one, every file in bench/audiences, and any kept outside the repository) for seeds 1..N, each run in a process of its
/// own, a few at a time; one table, and how many runs meet each target.
/// </summary>
internal static class YardstickCommand
{
    private const double AttributionTarget = 0.5;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "End with one JSON line of the results." };
        var files = BenchAudiences.MoreFilesOption();
        var seeds = BenchAudiences.SeedsOption();
        var parallel = new Option<int>("--parallel") { Description = "Runs at a time (each takes about a core).", DefaultValueFactory = _ => 2 };
        var set = LearningCommand.SetOption("A FollowerLoop setting for every run, key=value (repeatable), passed to learning --set.");
        var reads = new Option<BenchReads>("--reads") { Description = "What FollowerLoop reads in every run, passed to learning --reads: Page, Api or Enterprise.", DefaultValueFactory = _ => BenchReads.Page };
        var followers = new Option<bool>("--followers") { Description = "Run the Followers job in every run (learning --followers): arrivals, and with Api reads the new followers who had liked a post." };
        var compare = CompareOption.Create();
        parallel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > 16)
            {
                result.AddError("--parallel must be between 1 and 16.");
            }
        });

        var command = new Command("yardstick", "The learning bench on every audience and seed (issue #15's targets), a few runs at a time; run from the repository root, as scripts/bench does.")
        {
            json,
            files,
            seeds,
            parallel,
            set,
            reads,
            followers,
            compare,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var progress = parse.InvocationConfiguration.Error;
            IReadOnlyList<string?> audiences = [.. BenchAudiences.InRepository(), .. (parse.GetValue(files) ?? []).Select(f => f.FullName)];
            var runs = audiences.SelectMany(a => Enumerable.Range(1, parse.GetValue(seeds)).Select(s => (Audience: a, Seed: s))).ToList();
            var settings = parse.GetValue(set) ?? [];
            string[] arguments =
            [
                .. settings.SelectMany(setting => new[] { "--set", setting }),
                "--reads", parse.GetValue(reads).ToString(),
                .. parse.GetValue(followers) ? ["--followers"] : Array.Empty<string>(),
                .. (parse.GetValue(compare) ?? []).SelectMany(rule => new[] { "--compare", rule }),
            ];
            using var slots = new SemaphoreSlim(parse.GetValue(parallel));
            var wall = Stopwatch.StartNew();
            var results = await Task.WhenAll(runs.Select(async run =>
            {
                await slots.WaitAsync(cancellationToken);
                try
                {
                    var result = await RunAsync(run.Audience, run.Seed, arguments, cancellationToken);
                    // Each run's JSON as it finishes: a yardstick cut short (a long --followers one) keeps the runs it made.
                    await progress.WriteLineAsync(Line($"  {result.Name} {result.Seed}: {(result.Json is null ? "FAILED" : "done")} ({result.Seconds:0} s) {result.Json?.ToJsonString() ?? result.Error}"));
                    return result;
                }
                finally
                {
                    slots.Release();
                }
            }));

            await WriteTableAsync(output, results, wall.Elapsed, parse.GetValue(compare) ?? []);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(ToJson(results, arguments));
            }

            return results.All(r => r.Json is not null) ? 0 : 1;
        });
        return command;
    }

    /// <summary>One learning run in its own process (its scratch database and Redis key prefix are its own too), with the arguments every run shares.</summary>
    private static async Task<Run> RunAsync(string? audience, int seed, string[] arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[typeof(YardstickCommand).Assembly.Location, "learning", "--audience-seed", seed.ToString(CultureInfo.InvariantCulture), "--json"])
        {
            start.ArgumentList.Add(argument);
        }

        if (audience is not null)
        {
            start.ArgumentList.Add("--audience-file");
            start.ArgumentList.Add(audience);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var name = audience is null ? "built-in" : Path.GetFileNameWithoutExtension(audience);
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the learning bench");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var last = process.ExitCode == 0 && lines.Length > 0 && lines[^1].StartsWith('{') ? JsonNode.Parse(lines[^1])!.AsObject() : null;
        var error = last is null ? $"exit {process.ExitCode}: {(await stderr).Trim().Split('\n').LastOrDefault()}" : null;
        return new Run(name, seed, last, error, watch.Elapsed.TotalSeconds);
    }

    private static async Task WriteTableAsync(TextWriter output, IReadOnlyList<Run> results, TimeSpan wall, IReadOnlyList<string> compareSets)
    {
        await output.WriteLineAsync(Line($"{"audience",-22}{"seed",5}{"score",8}{"expected",10}{"late bound",12}{"share/shared",14}{"floor/shared",14}{"given likes",13}{"s",6}"));
        foreach (var r in results)
        {
            if (r.Json is null)
            {
                await output.WriteLineAsync(Line($"{r.Name,-22}{r.Seed,5}  FAILED: {r.Error}"));
                continue;
            }

            await output.WriteLineAsync(Line($"{r.Name,-22}{r.Seed,5}{Mark(r.Score, r.Score >= LearningResult.ScoreTarget),8}{r.Value("expected_score"),10:0.00}{r.Value("late_oracle_score"),12:0.00}{Mark(r.ShareRatio, r.ShareRatio <= AttributionTarget),14}{r.FloorRatio,14:0.00}{(r.LikersFloorRatio is { } likers ? likers.ToString("0.00", CultureInfo.InvariantCulture) : "-"),13}{r.Value("seconds"),6:0}"));
        }

        var done = results.Where(r => r.Json is not null).ToList();
        await output.WriteLineAsync(Line($"score ≥ {LearningResult.ScoreTarget:0.0} on {done.Count(r => r.Score >= LearningResult.ScoreTarget)} of {results.Count} runs (sum {done.Sum(r => r.Score):0.00}, expected {done.Sum(r => r.Value("expected_score")):0.00}); attribution ≤ {AttributionTarget:0.0} × overlap-shared on {done.Count(r => r.ShareRatio <= AttributionTarget)} of {results.Count} (mean {(done.Count > 0 ? done.Average(r => r.ShareRatio) : double.NaN):0.000}); longest run {(done.Count > 0 ? done.Max(r => r.Value("seconds")) : 0):0} s; {wall.TotalMinutes:0.0} min in all"));
        await output.WriteLineAsync("(* marks a run that misses its target)");
        var compared = done.Where(r => r.ReplayedRatio is not null).ToList();
        if (compared.Count == 0)
        {
            return;
        }

        await output.WriteLineAsync(Line($"replayed on each run's own data (over overlap-shared's error): the job's rules within the target on {compared.Count(r => r.ReplayedRatio <= AttributionTarget)} of {compared.Count} (mean {compared.Average(r => r.ReplayedRatio!.Value):0.000})"));
        for (var set = 0; set < compared[0].ComparedRatios.Count; set++)
        {
            // Paired: both replays of a run share its posts and series, so their difference carries no luck of the loop's path.
            var ratios = compared.Select(r => r.ComparedRatios[set]).ToList();
            var differences = compared.Select((r, i) => ratios[i] - r.ReplayedRatio!.Value).ToList();
            var mean = differences.Average();
            var error = differences.Count > 1 ? Math.Sqrt(differences.Sum(d => (d - mean) * (d - mean)) / (differences.Count - 1) / differences.Count) : double.NaN;
            await output.WriteLineAsync(Line($"  {compareSets[set]}: within the target on {ratios.Count(r => r <= AttributionTarget)} (mean {ratios.Average():0.000}); against the job's rules {(mean < 0 ? "-" : "+")}{Math.Abs(mean):0.000} (standard error {error:0.000}), lower on {differences.Count(d => d < 0)} runs, higher on {differences.Count(d => d > 0)}"));
        }
    }

    private static string ToJson(IReadOnlyList<Run> results, string[] arguments) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["bench"] = "yardstick",
        ["arguments"] = arguments,
        ["runs"] = results.Select(r => new Dictionary<string, object?>
        {
            ["audience"] = r.Name,
            ["seed"] = r.Seed,
            ["error"] = r.Error,
            ["normalised_score"] = r.Json is null ? null : r.Score,
            ["expected_score"] = r.Json is null ? null : r.Value("expected_score"),
            ["posts_before_model"] = r.Json is null ? null : r.Value("posts_before_model"),
            ["late_oracle_score"] = r.Json is null ? null : r.Value("late_oracle_score"),
            ["share_over_shared"] = r.Json is null ? null : Math.Round(r.ShareRatio, 3),
            ["floor_over_shared"] = r.Json is null ? null : Math.Round(r.FloorRatio, 3),
            ["likers_floor_over_shared"] = r.LikersFloorRatio is { } likers ? Math.Round(likers, 3) : null,
            ["replayed_over_shared"] = r.ReplayedRatio is { } replayed ? Math.Round(replayed, 3) : null,
            ["compared_over_shared"] = r.ReplayedRatio is null ? null : r.ComparedRatios.Select(c => Math.Round(c, 3)).ToList(),
            ["seconds"] = r.Json is null ? null : r.Value("seconds"),
        }).ToList(),
        ["score_met"] = results.Count(r => r.Json is not null && r.Score >= LearningResult.ScoreTarget),
        ["attribution_met"] = results.Count(r => r.Json is not null && r.ShareRatio <= AttributionTarget),
        ["failed"] = results.Count(r => r.Json is null),
    });

    private static string Mark(double value, bool met) => Line($"{value:0.00}{(met ? " " : "*")}");

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private sealed record Run(string Name, int Seed, JsonObject? Json, string? Error, double Seconds)
    {
        public double Value(string key) => Json![key]!.GetValue<double>();

        public double Score => Value("normalised_score");

        public double ShareRatio => Value("attribution_mae") / Value("attribution_mae_shared");

        public double FloorRatio => Value("attribution_mae_floor") / Value("attribution_mae_shared");

        /// <summary>The floor given the likes over overlap-shared's error; null where the run did not see who liked (or failed).</summary>
        public double? LikersFloorRatio => Json?["attribution_mae_floor_likers"] is { } likers ? likers.GetValue<double>() / Value("attribution_mae_shared") : null;

        /// <summary>Engagement share replayed on the run's data by the job's rules (<c>--compare</c>), over overlap-shared's error; else null.</summary>
        public double? ReplayedRatio => Json?["attribution_mae_replayed"] is { } replayed ? replayed.GetValue<double>() / Value("attribution_mae_shared") : null;

        /// <summary>The same by each compared set of rules, in the order given; empty without them.</summary>
        public IReadOnlyList<double> ComparedRatios => Json?["attribution_mae_compared"] is JsonArray compared
            ? [.. compared.Select(c => c!.GetValue<double>() / Value("attribution_mae_shared"))]
            : [];
    }
}
