using System.CommandLine;
using FollowerLoop.Worker.Commands;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>A command line run in this process as the program runs it (<see cref="Cli.InvokeAsync"/>), its output captured.</summary>
public sealed record CommandLineRun(int ExitCode, string Output, string Error)
{
    internal static async Task<CommandLineRun> RunAsync(Command root, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await Cli.InvokeAsync(root, args, new InvocationConfiguration { Output = output, Error = error });
        return new CommandLineRun(exitCode, output.ToString(), error.ToString());
    }

    /// <summary>Exit 2, the error naming <paramref name="expected"/>, and no stack trace anywhere.</summary>
    public void AssertRefused(string expected)
    {
        Assert.True(ExitCode == 2, $"exit {ExitCode}; error: {Error}; output: {Output}");
        Assert.Contains(expected, Error);
        Assert.DoesNotContain("   at ", Output + Error);
    }
}
