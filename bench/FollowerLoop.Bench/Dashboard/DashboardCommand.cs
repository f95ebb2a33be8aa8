using System.CommandLine;

namespace FollowerLoop.Bench.Dashboard;

/// <summary><c>dashboard</c>: page load times of the dashboards on a database holding 10k tracked posts.</summary>
internal static class DashboardCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "End with one JSON line of the results." };
        var posts = new Option<int>("--posts") { Description = "Posts in the database, ten a day (each with six checkpoints and attribution; the timer jobs' runs cover the same days).", DefaultValueFactory = _ => 10_000 };
        var runs = new Option<int>("--runs") { Description = "Timed loads of each page, after two warm-up loads.", DefaultValueFactory = _ => 9 };
        foreach (var option in new[] { posts, runs })
        {
            option.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"{option.Name} must be at least 1.");
                }
            });
        }

        var command = new Command("dashboard", "Fills a scratch database (Npgsql binary COPY) and times each dashboard page over HTTP, warm (needs Postgres and Azurite: Database__ConnectionString, DurableTask__Storage).")
        {
            json,
            posts,
            runs,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var result = await DashboardBench.RunAsync(BenchEnvironment.Postgres, BenchEnvironment.Redis, parseResult.GetValue(posts), parseResult.GetValue(runs), output, cancellationToken);
            await result.WriteTableAsync(output);
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(result.ToJson());
            }

            return 0;
        });
        return command;
    }
}
