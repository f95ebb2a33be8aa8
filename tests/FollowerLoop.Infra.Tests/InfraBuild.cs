using System.Diagnostics;
using System.Text.Json.Nodes;
using FollowerLoop.Harness;
using FollowerLoop.Infra.Tests.Arm;

[assembly: AssemblyFixture(typeof(FollowerLoop.Infra.Tests.InfraBuild))]

namespace FollowerLoop.Infra.Tests;

/// <summary>
/// The compiled infrastructure the tests read. With FOLLOWERLOOP_INFRA_BUILD set (scripts/test
/// runs scripts/bicep first), that folder is read as it is; otherwise scripts/bicep compiles
/// infra/ into .local/infra-build first, so that `dotnet test` alone never reads stale JSON.
/// </summary>
public sealed class InfraBuild : IAsyncLifetime
{
    private const string OutputVariable = "FOLLOWERLOOP_INFRA_BUILD";
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(5);

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string OutputDirectory { get; private set; } = "";

    internal ArmTemplate Main { get; private set; } = null!;

    /// <summary>main.bicepparam compiled with no FOLLOWERLOOP_* secret in the environment.</summary>
    internal JsonObject MainParameters { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable(OutputVariable);
        if (string.IsNullOrEmpty(configured))
        {
            OutputDirectory = Path.Combine(RepositoryRoot, ".local", "infra-build");
            await RunBicepScriptAsync(TestContext.Current.CancellationToken);
        }
        else
        {
            OutputDirectory = Path.GetFullPath(configured, RepositoryRoot);
        }

        var mainJson = Path.Combine(OutputDirectory, "main.json");
        var parametersJson = Path.Combine(OutputDirectory, "main.parameters.json");
        if (!File.Exists(mainJson) || !File.Exists(parametersJson))
        {
            throw new InvalidOperationException(
                $"{OutputVariable}={OutputDirectory} has no main.json / main.parameters.json: run scripts/bicep first, or unset {OutputVariable}.");
        }

        Main = ArmTemplate.Load(mainJson);
        MainParameters = JsonNode.Parse(await File.ReadAllTextAsync(parametersJson, TestContext.Current.CancellationToken))!["parameters"]!.AsObject();
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public string ReadRepositoryFile(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));

    private async Task RunBicepScriptAsync(CancellationToken cancellationToken)
    {
        var script = Path.Combine(RepositoryRoot, "scripts", "bicep");
        var start = new ProcessStartInfo("bash", [script]) { WorkingDirectory = RepositoryRoot };
        start.Environment.Remove(OutputVariable);

        var run = await ProcessRun.RunAsync(start, ScriptTimeout, cancellationToken);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/bicep failed (exit {run.ExitCode}):{Environment.NewLine}{run.Output}{run.Error}");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FollowerLoop.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"FollowerLoop.sln not found above {AppContext.BaseDirectory}");
    }
}
