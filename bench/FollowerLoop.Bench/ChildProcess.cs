using System.Diagnostics;
using System.Reflection;

namespace FollowerLoop.Bench;

/// <summary>
/// A process the benches start, kill (SIGKILL, its whole tree, as a crash would) and start again: a worker, Redis,
/// Azurite. Its output, across restarts, is appended to <paramref name="outputLog"/>.
/// </summary>
internal sealed class ChildProcess(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string outputLog) : IAsyncDisposable
{
    private readonly Lock _outputLock = new();
    private Process? _process;
    private StreamWriter? _output;

    /// <summary>This benchmark program again, in another mode (<c>tracking-worker</c>).</summary>
    public static ChildProcess OfThisProgram(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string outputLog)
    {
        var self = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ChildProcess(self, [Assembly.GetEntryAssembly()!.Location, .. arguments], environment, outputLog)
            : new ChildProcess(self, arguments, environment, outputLog);
    }

    /// <summary>The process id while it runs.</summary>
    public int? Id => _process is { HasExited: false } running ? running.Id : null;

    public string OutputLog => outputLog;

    public void Start()
    {
        var start = new ProcessStartInfo(fileName, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start");
        _output ??= new StreamWriter(outputLog, append: true) { AutoFlush = true };
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The exit code once the process has ended within <paramref name="timeout"/>; null while it still runs.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_process is null)
        {
            return null;
        }

        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
            return _process.ExitCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
        Append($"--- {Path.GetFileName(fileName)} stopped ---");
    }

    private void Append(string? line)
    {
        lock (_outputLock)
        {
            _output?.WriteLine(line);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        lock (_outputLock)
        {
            _output?.Dispose();
            _output = null;
        }
    }
}
