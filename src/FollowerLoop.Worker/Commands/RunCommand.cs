using System.CommandLine;
using FollowerLoop.Worker.Engine;

namespace FollowerLoop.Worker.Commands;

/// <summary><c>followerloop run</c>: the worker, until stopped (Ctrl+C / SIGTERM).</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var engine = new Option<JobEngine>("--engine")
        {
            Description = "durable (the default: timer jobs and a Durable orchestration per post, on Azurite) or hangfire (Hangfire on Postgres, /hangfire).",
            DefaultValueFactory = _ => JobEngine.Durable,
        };
        var command = new Command("run", "Run the worker: every job on its schedule, the dashboards. Extra --Section:Key=value arguments override settings.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.Options.Add(engine);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var app = WorkerApp.Build(parse.UnmatchedTokens.ToArray(), parse.GetValue(engine));
            if (!HostFactory.TryValidate(app.Services, out var problems))
            {
                await Console.Error.WriteLineAsync(problems);
                return ExitCodes.BadConfiguration;
            }

            if (await WorkerApp.CheckSchemaAsync(app.Services, cancellationToken) is { } schemaProblem)
            {
                await Console.Error.WriteLineAsync(schemaProblem);
                return ExitCodes.Failed;
            }

            await app.RunAsync(cancellationToken);
            return ExitCodes.Ok;
        });
        return command;
    }
}
