using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;

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

    /// <summary>
    /// Runs a command line; one that does not parse (an unknown option, a value out of range) exits 2, as bad settings do,
    /// not 1, with its errors and where to find the usage on stderr and nothing on stdout: the library's default printed
    /// the whole help to stdout, which a script reads as the command's answer.
    /// </summary>
    public static async Task<int> InvokeAsync(Command root, string[] args, InvocationConfiguration? configuration = null)
    {
        var parse = root.Parse(args);
        if (parse.Action is not ParseErrorAction refused)
        {
            return await parse.InvokeAsync(configuration);
        }

        // The errors and the typo corrections, all on stderr; the usage only pointed to.
        var error = (configuration ?? new InvocationConfiguration()).Error;
        refused.ShowHelp = false;
        await parse.InvokeAsync(new InvocationConfiguration { Output = error, Error = error });
        var names = new Stack<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as CommandResult)
        {
            names.Push(result.Command.Name);
        }

        await error.WriteLineAsync($"See '{string.Join(' ', names)} --help' for the usage.");
        return ExitCodes.BadConfiguration;
    }
}
