using System.CommandLine;
using System.Globalization;
using System.Text.Json;

namespace FollowerLoop.Bench.Faults;

/// <summary>
/// <c>faults</c>: runs the loop on the sandbox once per fault, injects the fault, and reports how long the loop took to do
/// the work the fault hit, and what it cost: checkpoints lost, posts duplicated, values wrong.
/// </summary>
internal static class FaultsCommand
{
    private static readonly TimeSpan RecoveryTimeout = TimeSpan.FromMinutes(3);
    // A recovery slower than this is worth reading about: its worker log is kept, as for a loss.
    private static readonly TimeSpan SlowRecovery = TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "End with one JSON line." };
        var only = new Option<string?>("--only") { Description = "Comma-separated parts of fault names to run (all when absent)." };
        var factor = new Option<double>("--factor") { Description = "Virtual seconds per real second (48 virtual hours in 48 s at 3600).", DefaultValueFactory = _ => 3600 };
        var command = new Command("faults", "Injects each fault into a running loop on the sandbox: recovery time, checkpoints lost, posts duplicated, values wrong.")
        {
            json, only, factor,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var filter = parse.GetValue(only)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var scenarios = FaultScenarios.All.Where(s => filter is null || filter.Any(f => s.Name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();
            if (scenarios.Count == 0 || parse.GetValue(factor) < 1)
            {
                await Console.Error.WriteLineAsync($"faults: nothing to run (--only matches none of: {string.Join(", ", FaultScenarios.All.Select(s => s.Name))}; --factor must be at least 1)");
                return 2;
            }

            // The sandbox runs in this process: its request log would bury the table.
            Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Warning");
            var postgres = BenchEnvironment.Postgres;
            await using var services = await FaultServices.StartAsync(Environment.CurrentDirectory, postgres, cancellationToken);
            var rows = new List<FaultRow>();
            foreach (var scenario in scenarios)
            {
                await Console.Error.WriteLineAsync($"faults: {scenario.Name} ...");
                var row = await RunAsync(services, scenario, parse.GetValue(factor), cancellationToken);
                rows.Add(row);
                foreach (var problem in row.Problems.Take(5))
                {
                    await Console.Error.WriteLineAsync($"  {problem}");
                }
            }

            Print(rows, parse.GetValue(factor));
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonLine(rows));
            }

            return 0;
        });
        return command;
    }

    private static async Task<FaultRow> RunAsync(FaultServices services, FaultScenario scenario, double factor, CancellationToken cancellationToken)
    {
        await using var rig = await FaultRig.StartAsync(services, scenario.Name, factor, cancellationToken);
        try
        {
            rig.StartWorker();
            var recovery = await scenario.InjectAsync(rig, cancellationToken);
            var waited = await Until.WithinAsync(() => recovery.IsRecoveredAsync(cancellationToken), RecoveryTimeout, TimeSpan.FromMilliseconds(100), cancellationToken);
            await rig.SettleAsync(TimeSpan.FromSeconds(60), cancellationToken);
            var counts = await FaultAudit.CountAsync(rig, cancellationToken);
            var problems = counts.Problems.ToList();
            if (waited is null || waited > SlowRecovery || counts.Lost + counts.Duplicated + counts.Wrong > 0)
            {
                problems.Add($"worker log: {rig.WorkerLog}");
            }
            else
            {
                File.Delete(rig.WorkerLog);
            }

            return new FaultRow(scenario, waited?.TotalSeconds, counts.Lost, counts.Duplicated, counts.Wrong, recovery.Note, problems);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new FaultRow(scenario, null, null, null, null, $"error: {ex.Message}", [$"worker log: {rig.WorkerLog}"]);
        }
    }

    private static void Print(IReadOnlyList<FaultRow> rows, double factor)
    {
        Console.WriteLine($"each fault on its own loop (sandbox, Postgres, the bench's Redis and Azurite, the worker as a process) at {factor:0}x; two posts tracked 48 virtual hours");
        Console.WriteLine("recovered: real seconds from the fault's end until the work it hit was done; lost: checkpoints with no measured row; dup: copies on X beyond one; wrong: stored counts outside the sandbox's truth over the read's window");
        Console.WriteLine($"{"fault",-28} {"recovered s",11} {"lost",5} {"dup",4} {"wrong",6}  what / observed");
        foreach (var row in rows)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Scenario.Name,-28} {(row.RecoveredSeconds is { } s ? s.ToString("0.0", CultureInfo.InvariantCulture) : "-"),11} {Dash(row.Lost),5} {Dash(row.Duplicated),4} {Dash(row.Wrong),6}  {row.Scenario.What}{(row.Note.Length > 0 ? $" ({row.Note})" : "")}"));
        }
    }

    private static string Dash(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string JsonLine(IReadOnlyList<FaultRow> rows) => JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["faults"] = rows.Count,
        ["lost"] = rows.Sum(r => r.Lost ?? 0),
        ["duplicated"] = rows.Sum(r => r.Duplicated ?? 0),
        ["wrong"] = rows.Sum(r => r.Wrong ?? 0),
        ["max_recovery_s"] = rows.All(r => r.RecoveredSeconds is not null) ? Math.Round(rows.Max(r => r.RecoveredSeconds!.Value), 1) : null,
        ["unrecovered"] = rows.Count(r => r.RecoveredSeconds is null),
        ["errors"] = rows.Count(r => r.Lost is null),
    });
}

/// <param name="RecoveredSeconds">Null when the work the fault hit was not done within the wait.</param>
/// <param name="Lost">Null (with the others) when the run itself failed.</param>
internal sealed record FaultRow(FaultScenario Scenario, double? RecoveredSeconds, int? Lost, int? Duplicated, int? Wrong, string Note, IReadOnlyList<string> Problems);
