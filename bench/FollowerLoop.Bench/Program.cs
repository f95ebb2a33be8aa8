using System.CommandLine;
using FollowerLoop.Bench.Attribution;
using FollowerLoop.Bench.Dashboard;
using FollowerLoop.Bench.Faults;
using FollowerLoop.Bench.Learning;
using FollowerLoop.Bench.Scrape;
using FollowerLoop.Bench.Tracking;
using FollowerLoop.Bench.Trainers;

var root = new RootCommand("FollowerLoop benchmarks: each sub-command prints a table; --json adds one JSON line.")
{
    ScrapeCommand.Create(),
    LearningCommand.Create(),
    YardstickCommand.Create(),
    AttributionCommand.Create(),
    TrainersCommand.Create(),
    TrackingCommand.Create(),
    TrackingWorkerCommand.Create(),
    DashboardCommand.Create(),
    FaultsCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
