using System.CommandLine;
using FollowerLoop.Harness;
using FollowerLoop.Worker.Commands;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>
/// A command line run in this process as the program runs it (<see cref="Cli.InvokeAsync"/>), or a built program
/// started as a person starts it (<see cref="OfProgramAsync"/>), its output captured.
/// </summary>
public sealed record CommandLineRun(int ExitCode, string Output, string Error)
{
    // A program that answers a wrong setting takes seconds; one that went on running instead must fail its test,
    // not hold the test run until the blame collector kills it with every test still queued.
    private static readonly TimeSpan ProgramTimeout = TimeSpan.FromMinutes(2);

    internal static async Task<CommandLineRun> RunAsync(Command root, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Cli.InvokeAsync(root, args, new InvocationConfiguration { Output = output, Error = error });
        return new CommandLineRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>
    /// <paramref name="program"/> (a dll of this output folder) run by <c>dotnet</c> with <paramref name="environment"/>
    /// over this process's variables; killed, and the test failed with what it printed, if it runs over two minutes.
    /// </summary>
    internal static async Task<CommandLineRun> OfProgramAsync(string program, string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var run = await ProcessRun.OfProgramAsync(program, args, environment, ProgramTimeout, TestContext.Current.CancellationToken);
        return new CommandLineRun(run.ExitCode, run.Output, run.Error);
    }

    /// <summary>Exit 2, the error naming <paramref name="expected"/>, and no stack trace anywhere.</summary>
    public void AssertRefused(string expected)
    {
        Assert.True(ExitCode == 2, $"exit {ExitCode}; error: {Error}; output: {Output}");
        Assert.Contains(expected, Error);
        Assert.DoesNotContain("   at ", Output + Error);
    }
}
