using System.CommandLine;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// <c>scrape</c>: how long a metrics and a profile read take on a warm browser against a cold one, the browser's memory, one
/// Analytics run's read of 30 posts, and what a day of reads costs before and after issue #14.
/// </summary>
internal static class ScrapeCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "End with one JSON line of the results." };
        var reads = new Option<int>("--reads") { Description = "Reads of each kind (metrics, profile) in each mode (warm, cold).", DefaultValueFactory = _ => 20 };
        reads.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--reads must be at least 1.");
            }
        });
        var command = new Command("scrape", "Metrics and profile reads through the Playwright X client against the in-process sandbox: warm (one long-lived browser and its pages) vs cold (a client and browser per read); one Analytics run's read of 30 posts; a day's page loads, bytes, browser CPU and API requests before and after issue #14.")
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
