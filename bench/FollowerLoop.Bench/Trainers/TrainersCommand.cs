using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using FollowerLoop.Learning;
using MathNet.Numerics.Statistics;

namespace FollowerLoop.Bench.Trainers;

/// <summary>
/// <c>trainers</c>: the gain model's trainers side by side on the same rows (random picks on each audience, the
/// sandbox's true gains as labels): held-out error in followers and how well each ranks the held-out posts
/// (Spearman), the part the planner lives on. No database: it measures the learner alone.
/// </summary>
internal static class TrainersCommand
{
    private const int Holdout = 100;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "End with one JSON line of the results." };
        var files = new Option<FileInfo[]>("--audience-file") { Description = "Audience profiles to compare on (repeatable); default: the built-in one and every file in bench/audiences (run from the repository root, as scripts/bench does)." };
        var seeds = new Option<int>("--seeds") { Description = "Audience seeds per profile (1..N).", DefaultValueFactory = _ => 3 };
        var posts = new Option<int>("--posts") { Description = $"Posts per history; the last {Holdout} are held out.", DefaultValueFactory = _ => 300 };
        var command = new Command("trainers", "The gain model's trainers on the same rows: held-out error and ranking, per audience and seed.") { json, files, seeds, posts };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var audiences = parse.GetValue(files) is { Length: > 0 } given
                ? given.Select(f => (string?)f.FullName).ToList()
                : BenchAudiences.InRepository();
            var trainers = Trainer.All(new LearnOptions());
            var results = new List<(string Audience, int Seed, string Trainer, double Mae, double Rank, double RankExpected, double Seconds)>();
            foreach (var audience in audiences)
            {
                for (var seed = 1; seed <= parse.GetValue(seeds); seed++)
                {
                    var (rows, expected) = await RandomHistory.CreateAsync(audience, seed, parse.GetValue(posts));
                    var train = rows.Take(rows.Count - Holdout).ToList();
                    var test = rows.Skip(train.Count).ToList();
                    var testExpected = expected.Skip(train.Count).ToList();
                    foreach (var trainer in trainers)
                    {
                        var watch = Stopwatch.StartNew();
                        var predicted = trainer.Fit(train)([.. test.Select(r => r.Features)]);
                        var mae = test.Select((r, i) => Math.Abs(ModelLabel.ToGain(predicted[i] - r.Label, r.FollowersAtPost))).Average();
                        results.Add((audience is null ? "built-in" : Path.GetFileNameWithoutExtension(audience), seed, trainer.Name, mae, RankCorrelation(predicted, [.. test.Select(r => (double)r.Label)]), RankCorrelation(predicted, testExpected), watch.Elapsed.TotalSeconds));
                    }
                }
            }

            await output.WriteLineAsync(Line($"{"audience",-18}{"seed",5}  {"trainer",-32}{"MAE (followers)",16}{"rank corr.",12}{"vs expected",12}{"fit s",8}"));
            foreach (var r in results)
            {
                await output.WriteLineAsync(Line($"{r.Audience,-18}{r.Seed,5}  {r.Trainer,-32}{r.Mae,16:0.00}{r.Rank,12:0.00}{r.RankExpected,12:0.00}{r.Seconds,8:0.0}"));
            }

            await output.WriteLineAsync(Line($"mean over {results.Select(r => (r.Audience, r.Seed)).Distinct().Count()} histories:"));
            foreach (var trainer in results.GroupBy(r => r.Trainer))
            {
                await output.WriteLineAsync(Line($"  {trainer.Key,-32} MAE {trainer.Average(r => r.Mae),8:0.00}  rank corr. {trainer.Average(r => r.Rank),5:0.00}  vs expected {trainer.Average(r => r.RankExpected),5:0.00}"));
            }

            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["bench"] = "trainers",
                    ["results"] = results.Select(r => new Dictionary<string, object>
                    {
                        ["audience"] = r.Audience, ["seed"] = r.Seed, ["trainer"] = r.Trainer, ["mae"] = Math.Round(r.Mae, 3), ["rank_correlation"] = Math.Round(r.Rank, 3), ["rank_correlation_expected"] = Math.Round(r.RankExpected, 3), ["seconds"] = Math.Round(r.Seconds, 2),
                    }).ToList(),
                }));
            }

            return 0;
        });
        return command;
    }

    /// <summary>Spearman's rank correlation; 0 for a constant prediction, which ranks nothing (MathNet gives NaN there).</summary>
    private static double RankCorrelation(IReadOnlyList<double> predicted, IReadOnlyList<double> actual) =>
        Correlation.Spearman(predicted, actual) is var r && !double.IsNaN(r) ? r : 0;

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
