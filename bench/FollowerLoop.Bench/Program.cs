using System.CommandLine;
using FollowerLoop.Bench.Scrape;
using FollowerLoop.Bench.Tracking;

var root = new RootCommand("FollowerLoop benchmarks: each sub-command prints a table; --json adds one JSON line.")
{
    ScrapeCommand.Create(),
    TrackingCommand.Create(),
    TrackingWorkerCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
