using System.CommandLine;
using System.Diagnostics;
using FollowerLoop.Planning;

namespace FollowerLoop.Bench.Learning;

/// <summary>
/// <c>learning</c>: random, FollowerLoop's and the oracle's policies on the same sandbox audience, in virtual
/// time; cumulative true follower gain, the normalised score on the last 100 posts, and attribution error; then the
/// oracle again from FollowerLoop's first post with a model (the late-start bound).
/// </summary>
internal static class LearningCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "End with one JSON line of the results." };
        var seed = new Option<int>("--audience-seed") { Description = "Draws the sandbox's hidden audience (and all its luck).", DefaultValueFactory = _ => 1 };
        var file = new Option<FileInfo?>("--audience-file") { Description = "A JSON audience profile merged over the built-in one." };
        var posts = new Option<int>("--posts") { Description = "Posts each policy makes.", DefaultValueFactory = _ => 300 };
        var set = SetOption("A FollowerLoop setting for its run, key=value (repeatable): --set Learn:HalfLife=42.00:00:00.");
        var reads = new Option<BenchReads>("--reads") { Description = "What FollowerLoop reads: Page (x.com's counts), Api (also profile visits, link clicks and quotes of own posts, and who liked them) or Enterprise (also X's own follows and unfollows of each post, which attribution then takes as the truth).", DefaultValueFactory = _ => BenchReads.Page };
        var followers = new Option<bool>("--followers")
        {
            Description = "Also run the Followers job (arrivals, which Attribution credits to posts) and score the followers kept a week: against an oracle of kept followers; with --set Learn:Target=Retained7d FollowerLoop learns them.",
        };
        var compare = CompareOption.Create();
        var explore = new Option<ExplorationMode>("--explore") { Description = "How FollowerLoop's planner explores: Thompson or Ucb.", DefaultValueFactory = _ => ExplorationMode.Thompson };
        posts.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < LearningResult.Tail)
            {
                result.AddError($"--posts must be at least {LearningResult.Tail} (the score is taken on the last {LearningResult.Tail}).");
            }
        });
        file.Validators.Add(BenchAudiences.MustExist);

        var command = new Command("learning", "Random vs FollowerLoop vs the oracle on the sandbox, in virtual time (needs Postgres and Redis: Database__ConnectionString, Redis__Configuration).")
        {
            json,
            seed,
            file,
            posts,
            explore,
            set,
            reads,
            followers,
            compare,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var settings = new LearningSettings(
                parse.GetValue(seed),
                parse.GetValue(file)?.FullName,
                parse.GetValue(posts),
                parse.GetValue(explore),
                BenchEnvironment.Postgres,
                BenchEnvironment.Redis,
                (parse.GetValue(set) ?? []).Select(s => s.Split('=', 2)).ToDictionary(kv => kv[0], kv => (string?)kv[1]),
                parse.GetValue(reads),
                parse.GetValue(followers),
                CompareOption.Sets(parse.GetValue(compare)));
            var wall = Stopwatch.StartNew();
            var bank = new CandidateBank(settings.AudienceSeed, LearningSettings.Plan.CandidateCount);
            var random = await new BaselineRun(settings, bank, oracle: false).RunAsync(cancellationToken);
            var oracle = await new BaselineRun(settings, bank, oracle: true).RunAsync(cancellationToken);
            var keptOracle = settings.Followers ? await new BaselineRun(settings, bank, oracle: true, LearningSettings.KeptFor).RunAsync(cancellationToken) : null;
            var learned = await new LearnedRun(settings, bank).RunAsync(output, cancellationToken);
            var lateOracle = await new BaselineRun(settings, bank, oracle: true, randomFirst: learned.PostsBeforeModel).RunAsync(cancellationToken);
            var result = new LearningResult(settings, random, learned, oracle, lateOracle, wall.Elapsed, keptOracle);
            await result.WriteTableAsync(output);
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(result.ToJson());
            }

            return 0;
        });
        return command;
    }

    /// <summary><c>--set key=value</c> (repeatable), each key once: a FollowerLoop setting for the run.</summary>
    public static Option<string[]> SetOption(string description)
    {
        var set = new Option<string[]>("--set") { Description = description };
        set.Validators.Add(result =>
        {
            var given = result.GetValueOrDefault<string[]>() ?? [];
            foreach (var bad in given.Where(s => s.IndexOf('=', StringComparison.Ordinal) < 1))
            {
                result.AddError($"--set {bad}: expected key=value, such as Learn:HalfLife=42.00:00:00.");
            }

            foreach (var twice in given.Where(s => s.IndexOf('=', StringComparison.Ordinal) > 0).GroupBy(s => s.Split('=', 2)[0], StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                result.AddError($"--set {twice.Key} is given {twice.Count()} times.");
            }
        });
        return set;
    }
}
