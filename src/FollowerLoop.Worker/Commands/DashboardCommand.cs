using System.CommandLine;
using FollowerLoop.Worker.Engine;

namespace FollowerLoop.Worker.Commands;

/// <summary><c>followerloop dashboard</c>: the dashboards alone, beside a Functions app that runs the jobs (as deployed in Azure).</summary>
internal static class DashboardCommand
{
    public static Command Create()
    {
        var command = new Command("dashboard", "Serve the dashboards only (no job runs here): Postgres, Redis and the task hub of the app that runs the jobs. Extra --Section:Key=value arguments override settings.")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        command.SetAction((parse, cancellationToken) => RunCommand.ServeAsync(parse, WorkerApp.CreateDashboard(parse.UnmatchedTokens.ToArray()), cancellationToken));
        return command;
    }
}
