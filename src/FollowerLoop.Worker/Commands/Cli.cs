using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace FollowerLoop.Worker.Commands;

/// <summary>The <c>followerloop</c> command line: one sub-command per thing a person runs.</summary>
internal static class Cli
{
    /// <summary>
    /// A plain command with the root's help and version options: a <see cref="RootCommand"/> is named after the
    /// running assembly, and its usage line said FollowerLoop.Worker even when started as <c>followerloop</c>.
    /// </summary>
    public static Command Create() =>
        new("followerloop", "FollowerLoop: a self-improving growth engine for an X account.")
        {
            new HelpOption(),
            new VersionOption(),
            MigrateCommand.Create(),
            XCommand.Create(),
            RunCommand.Create(),
            DashboardCommand.Create(),
            ReportCommand.Create(),
            CheckCommand.Create(),
        };

    /// <summary>Runs a command line; one that does not parse (an unknown option, a value out of range) exits 2, as bad settings do, not 1.</summary>
    public static async Task<int> InvokeAsync(Command root, string[] args, InvocationConfiguration? configuration = null)
    {
        var parse = root.Parse(args);
        var exitCode = await parse.InvokeAsync(configuration);
        return parse.Action is ParseErrorAction ? ExitCodes.BadConfiguration : exitCode;
    }
}
