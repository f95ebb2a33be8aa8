using System.CommandLine;
using FollowerLoop.Worker.Engine;

namespace FollowerLoop.Worker.Commands;

/// <summary><c>followerloop run</c>: the worker, until stopped (Ctrl+C / SIGTERM).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var command = new Command("run", "Run the worker: every timer job on its schedule and a Durable orchestration per post (task hub on Azure Storage or Azurite), the dashboards. Extra --Section:Key=value arguments override settings.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, cancellationToken) => ServeAsync(parse, WorkerApp.CreateWorker(parse.UnmatchedTokens.ToArray()), cancellationToken));
        return command;
    }

    /// <summary>Builds the web host once its settings are valid and serves it until stopped, if the database has every migration.</summary>
    public static async Task<int> ServeAsync(ParseResult parse, WebApplicationBuilder builder, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        if (!HostFactory.TryValidate(builder, out var problems))
        {
            await error.WriteLineAsync(problems);
            return ExitCodes.BadConfiguration;
        }

        await using var app = WorkerApp.Build(builder);
        if (await WorkerApp.CheckSchemaAsync(app.Services, cancellationToken) is { } schemaProblem)
        {
            await error.WriteLineAsync(schemaProblem);
            return ExitCodes.Failed;
        }

        await app.RunAsync(cancellationToken);
        return ExitCodes.Ok;
    }
}
