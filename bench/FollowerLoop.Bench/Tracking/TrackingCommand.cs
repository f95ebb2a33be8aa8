using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace FollowerLoop.Bench.Tracking;

/// <summary>
/// <c>tracking</c>: checkpoint lateness and throughput of the Durable engine (on Azurite) for N concurrent posts,
/// beside the original plan's 30-minute polling tracker simulated on the same posts and the same worker crash.
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
        var command = new Command("tracking", "Checkpoint lateness (p50/p99/max), throughput and crash recovery of the Durable engine, against the 30-minute polling design.")
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
                BenchEnvironment.Postgres,
                BenchEnvironment.Redis);
            var outcomes = new List<TrackingOutcome>();
            foreach (var size in settings.Sizes)
            {
                var crash = size == settings.Sizes.Max();
                Console.Error.WriteLine($"tracking: durable, {size} posts{(crash ? ", worker killed mid-run" : "")} ...");
                outcomes.Add(await new TrackingRun(settings, size).RunAsync(crash, cancellationToken));
            }

            Print(outcomes, settings);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonLine(outcomes.Last(o => o.Posts == settings.Sizes.Max())));
            }

            return 0;
        });
        return command;
    }

    private static void Print(IReadOnlyList<TrackingOutcome> outcomes, TrackingSettings settings)
    {
        Console.WriteLine($"checkpoints 2h..48h of posts made over {settings.Spread.TotalHours:0} virtual hours; lateness in production (real) seconds; synthetic X read {settings.ReadMs} ms, polling page read {settings.PollingReadCost.TotalSeconds:0.#} s");
        Console.WriteLine("p50/p99/max: every checkpoint 2h..48h; p99 w/o crash: those the crash did not catch; early: measured before due (any phase); dup: read again after its result was recorded; redone: read by the killed worker, never recorded, read again");
        Console.WriteLine($"{"design",-14} {"posts",6} {"clock",6} {"checkpoints",11} {"missed",7} {"early",6} {"dup",5} {"redone",6} {"p50 s",8} {"p99 s",8} {"max s",8} {"p99 w/o",8} {"peak/s",8}");
        foreach (var o in outcomes)
        {
            Row("durable", o, o.All, o);
        }

        foreach (var o in outcomes)
        {
            Row("polling-30min", o, o.Polling, null);
        }

        foreach (var o in outcomes.Where(o => o.CrashCaught is not null))
        {
            Console.WriteLine($"crash recovery, durable ({o.Posts} posts): worker killed (SIGKILL) mid-run and restarted at once; {o.CrashCaught} checkpoints caught, worst lateness {o.CrashRecoveryLatenessSeconds:0.0} s (work items cut off reappear after 30 s)");
        }
    }

    private static void Row(string design, TrackingOutcome o, LatenessSummary s, TrackingOutcome? engine) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{design,-14} {o.Posts,6} {o.Factor,5:0}x {s.Checkpoints,11} {s.Missed,7} {Dash(engine?.Early),6} {Dash(engine?.Duplicated),5} {Dash(engine?.RedoneAfterKill),6} {Seconds(s.P50),8} {Seconds(s.P99),8} {Seconds(s.Max),8} {Seconds(engine?.Uncaught.P99),8} {(engine is null ? "-" : engine.PeakCheckpointsPerSecond.ToString("0.0", CultureInfo.InvariantCulture)),8}"));

    private static string Dash(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Seconds(double? value) => value?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-";

    /// <summary>The Durable engine's keys for the largest N, and the polling design's on the same posts and outage.</summary>
    private static string JsonLine(TrackingOutcome durable) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["posts"] = durable.Posts,
        ["polling_missed"] = durable.Polling.Missed,
        ["polling_p99_lateness_s"] = Round(durable.Polling.P99),
        ["durable_missed"] = durable.All.Missed,
        ["durable_early"] = durable.Early,
        ["durable_duplicates"] = durable.Duplicated,
        ["durable_redone_after_kill"] = durable.RedoneAfterKill,
        ["durable_p99_lateness_s"] = Round(durable.Uncaught.P99),
        ["durable_crash_recovery_lateness_s"] = Round(durable.CrashRecoveryLatenessSeconds),
    });

    // A lateness nothing measured is unknown: null in the JSON (NaN is not JSON, and 0 would claim "on time").
    private static double? Round(double? value) => value is { } v ? Math.Round(v, 3) : null;
}
