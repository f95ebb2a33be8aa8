using System.CommandLine;

namespace FollowerLoop.Bench.Scrape;

/// <summary><c>scrape</c>: how long a metrics and a profile read take on a warm browser against a cold one, and the browser's memory.</summary>
internal static class ScrapeCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "End with one JSON line of the results." };
        var reads = new Option<int>("--reads") { Description = "Reads of each kind (metrics, profile) in each mode (warm, cold).", DefaultValueFactory = _ => 8 };
        reads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--reads must be at least 1.");
            }
        });
        var command = new Command("scrape", "Metrics and profile reads through the Playwright X client against the in-process sandbox: warm (one long-lived browser) vs cold (a browser launched per read).")
        {
            json,
            reads,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var result = await ScrapeBench.RunAsync(parseResult.GetValue(reads), output, cancellationToken);
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
