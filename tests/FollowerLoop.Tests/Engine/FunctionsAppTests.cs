using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FollowerLoop.Scheduling;
using FollowerLoop.Scheduling.Durable;
using FollowerLoop.Tests.Infrastructure;
using FollowerLoop.Tracking.Durable;

namespace FollowerLoop.Tests.Engine;

/// <summary>
/// The Functions app as the Functions host will index it: the <c>functions.metadata</c> its build
/// generates (built by scripts/test with the solution), <c>host.json</c> and the local settings sample.
/// </summary>
public sealed partial class FunctionsAppTests
{
    private static readonly string[] Jobs = new JobSchedules().All().Select(s => s.Job).ToArray();

    private static JsonArray Metadata()
    {
        // Same configuration as these tests: bin/<Configuration>/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var path = Path.Combine(RepoRoot.Path, "src", "FollowerLoop.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: build src/FollowerLoop.Functions first (scripts/test builds the solution).");
        return JsonNode.Parse(File.ReadAllText(path))!.AsArray();
    }

    private static JsonObject Root(string file) => JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, file)))!.AsObject();

    private static IReadOnlyList<(string Type, string? Schedule)> Bindings(JsonArray metadata, string function) =>
        metadata.Single(f => (string?)f!["name"] == function)!["bindings"]!.AsArray()
            .Select(b => ((string)b!["type"]!, (string?)b["schedule"]))
            .ToList();

    [Fact]
    public void Metadata_HasATimerTriggerPerJobOnItsScheduleSetting_TheOrchestrationTrigger_AndTheActivityTrigger()
    {
        var metadata = Metadata();

        foreach (var job in Jobs)
        {
            Assert.Contains(("timerTrigger", $"%Jobs:Schedules:{job}%"), Bindings(metadata, job));
        }

        Assert.Contains(("durableClient", null), Bindings(metadata, "Posting"));
        Assert.Contains(("durableClient", null), Bindings(metadata, "TrackingReconciler"));
        Assert.Equal([("orchestrationTrigger", null)], Bindings(metadata, TrackPostOrchestrator.Name));
        Assert.Equal([("activityTrigger", null)], Bindings(metadata, CheckpointActivity.Name));
        // Run now from the jobs page: its activity may run Posting, which starts tracking, so it has the client too.
        Assert.Equal([("orchestrationTrigger", null)], Bindings(metadata, RunJobOrchestrator.Name));
        Assert.Equal([("activityTrigger", null), ("durableClient", null)], Bindings(metadata, RunJobActivity.Name));
        Assert.Equal(Jobs.Length + 4, metadata.Count);
    }

    [Fact]
    public void LocalSettingsSample_HoldsEverySettingTheHostResolves_WithLocalValuesAndTodaysSchedules()
    {
        var values = Root("local.settings.sample.json")["Values"]!.AsObject();
        var referenced = SettingReference().Matches(Metadata().ToJsonString() + Root("host.json").ToJsonString())
            .Select(m => m.Groups[1].Value.Replace(":", "__", StringComparison.Ordinal))
            .Distinct();

        Assert.All(referenced, setting => Assert.True(values.ContainsKey(setting), $"local.settings.sample.json lacks {setting}"));
        Assert.Equal("UseDevelopmentStorage=true", (string?)values["AzureWebJobsStorage"]);
        Assert.Equal("dotnet-isolated", (string?)values["FUNCTIONS_WORKER_RUNTIME"]);
        var defaults = new JobSchedules().All().ToDictionary(s => s.Job, s => s.Cron);
        var from = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var job in Jobs)
        {
            var sample = (string)values[$"Jobs__Schedules__{job}"]!;
            Assert.Equal(6, sample.Split(' ').Length);
            Assert.Equal(
                JobSchedules.Parse(defaults[job]).GetOccurrences(from, from.AddDays(8), TimeZoneInfo.Utc),
                JobSchedules.Parse(sample).GetOccurrences(from, from.AddDays(8), TimeZoneInfo.Utc));
        }
    }

    [Fact]
    public void HostJson_TunesTheAzureStorageProviderAtTheRootOfExtensions()
    {
        var durable = Root("host.json")["extensions"]!["durableTask"]!;

        Assert.Equal("%DurableTask:HubName%", (string?)durable["hubName"]);
        Assert.Equal("AzureStorage", (string?)durable["storageProvider"]!["type"]);
        // The 30 s default made checkpoints after an idle gap 6–14 s late (engine.md).
        Assert.Equal("00:00:01", (string?)durable["storageProvider"]!["maxQueuePollingInterval"]);
        Assert.True(TimeSpan.Parse((string)durable["storageProvider"]!["workItemQueueVisibilityTimeout"]!, System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(5));
    }

    [GeneratedRegex("%([A-Za-z0-9_:]+)%")]
    private static partial Regex SettingReference();
}
