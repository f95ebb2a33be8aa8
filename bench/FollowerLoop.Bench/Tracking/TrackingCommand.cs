using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace FollowerLoop.Bench.Tracking;

/// <summary>
/// <c>tracking</c>: checkpoint lateness and throughput of the engine for N concurrent posts, beside the
/// original plan's 30-minute polling tracker simulated on the same posts and the same worker crash.
/// </summary>
internal static class TrackingCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "End with one JSON line." };
        var sizes = new Option<string>("--sizes") { Description = "Comma-separated post counts.", DefaultValueFactory = _ => "10,100,1000" };
        var factor = new Option<double>("--max-factor") { Description = "The fastest clock (virtual seconds per real second).", DefaultValueFactory = _ => 3600 };
        var rate = new Option<double>("--max-rate") { Description = "Checkpoints per real second a run may ask for; the clock slows for large N.", DefaultValueFactory = _ => 60 };
        var spread = new Option<double>("--spread-hours") { Description = "Virtual hours over which the posts are made (48: N posts tracked at once).", DefaultValueFactory = _ => 48 };
        var readMs = new Option<int>("--read-ms") { Description = "Real milliseconds one (synthetic) X read takes.", DefaultValueFactory = _ => 20 };
        var pollingRead = new Option<double>("--polling-read-seconds") { Description = "Seconds one page read costs the polling tracker.", DefaultValueFactory = _ => 1.5 };
        var command = new Command("tracking", "Checkpoint lateness (p50/p99/max), throughput and crash recovery, against the 30-minute polling design.")
        {
            json, sizes, factor, rate, spread, readMs, pollingRead,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new TrackingSettings(
                parse.GetValue(sizes)!.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList(),
                parse.GetValue(factor),
                parse.GetValue(rate),
                TimeSpan.FromHours(parse.GetValue(spread)),
                parse.GetValue(readMs),
                TimeSpan.FromSeconds(parse.GetValue(pollingRead)),
                Environment.GetEnvironmentVariable("Database__ConnectionString") ?? "Host=127.0.0.1;Port=55432;Username=postgres;Database=followerloop",
                Environment.GetEnvironmentVariable("Redis__Configuration") ?? "127.0.0.1:56379");
            var outcomes = new List<TrackingOutcome>();
            foreach (var size in settings.Sizes)
            {
                var crash = size == settings.Sizes.Max();
                Console.Error.WriteLine($"tracking: {size} posts{(crash ? ", worker killed mid-run" : "")} ...");
                outcomes.Add(await new TrackingRun(settings, size).RunAsync(crash, cancellationToken));
            }

            Print(outcomes, settings);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonLine(outcomes[^1]));
            }

            return 0;
        });
        return command;
    }

    private static void Print(IReadOnlyList<TrackingOutcome> outcomes, TrackingSettings settings)
    {
        Console.WriteLine($"checkpoints 2h..48h of posts made over {settings.Spread.TotalHours:0} virtual hours; lateness in production (real) seconds; synthetic X read {settings.ReadMs} ms, polling page read {settings.PollingReadCost.TotalSeconds:0.#} s");
        Console.WriteLine($"{"design",-14} {"posts",6} {"clock",6} {"checkpoints",11} {"missed",7} {"p50 s",8} {"p99 s",8} {"max s",8} {"peak/s",8}");
        foreach (var o in outcomes)
        {
            Row("followerloop", o, o.FollowerLoop, o.PeakCheckpointsPerSecond);
            Row("polling-30min", o, o.Polling, null);
        }

        foreach (var o in outcomes.Where(o => o.CrashCaught is not null))
        {
            Console.WriteLine($"crash recovery ({o.Posts} posts): worker killed mid-run and restarted at once; {o.CrashCaught} checkpoints caught, worst lateness {o.CrashRecoveryLatenessSeconds:0.0} s (Jobs:InvisibilityTimeout 30 s)");
        }
    }

    private static void Row(string design, TrackingOutcome o, LatenessSummary s, double? perSecond) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{design,-14} {o.Posts,6} {o.Factor,5:0}x {s.Checkpoints,11} {s.Missed,7} {s.P50,8:0.00} {s.P99,8:0.00} {s.Max,8:0.00} {(perSecond is { } v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-"),8}"));

    private static string JsonLine(TrackingOutcome largest) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["posts"] = largest.Posts,
        ["followerloop_missed"] = largest.FollowerLoop.Missed,
        ["followerloop_p50_lateness_s"] = Round(largest.FollowerLoop.P50),
        ["followerloop_p99_lateness_s"] = Round(largest.FollowerLoop.P99),
        ["followerloop_max_lateness_s"] = Round(largest.FollowerLoop.Max),
        ["peak_checkpoints_per_second"] = Round(largest.PeakCheckpointsPerSecond),
        ["polling_missed"] = largest.Polling.Missed,
        ["polling_p99_lateness_s"] = Round(largest.Polling.P99),
        ["crash_recovery_lateness_s"] = largest.CrashRecoveryLatenessSeconds is { } r ? Round(r) : null,
    });

    private static double Round(double value) => Math.Round(value, 3);
}
