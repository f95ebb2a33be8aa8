using System.Diagnostics;

namespace FollowerLoop.Harness;

/// <summary>A program run to its end, its output and error read apart.</summary>
public sealed record ProcessRun(int ExitCode, string Output, string Error)
{
    /// <summary>
    /// <paramref name="program"/>, a dll of the caller's output folder, run by <c>dotnet</c> with <paramref name="arguments"/> and
    /// <paramref name="environment"/> over this process's variables, as <see cref="RunAsync"/> runs it.
    /// </summary>
    public static Task<ProcessRun> OfProgramAsync(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, program), .. arguments]);
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        return RunAsync(start, timeout, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="start"/> (its output and error are redirected here) and waits for its end; past
    /// <paramref name="timeout"/> it is killed with its children and <see cref="TimeoutException"/> carries what it printed,
    /// so a program that went on running fails its caller instead of holding it.
    /// </summary>
    public static async Task<ProcessRun> RunAsync(ProcessStartInfo start, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException(
                $"{start.FileName} {string.Join(' ', start.ArgumentList)} still ran after {timeout}; error: {await error}; output: {await output}");
        }

        return new ProcessRun(process.ExitCode, await output, await error);
    }
}
