using System.Diagnostics;
using System.Reflection;

namespace FollowerLoop.Harness;

/// <summary>
/// A process a test or a bench starts, kills (SIGKILL to its whole tree, as a crash or an OOM kill would) and starts
/// again: the worker, Redis, Azurite. Everything it prints, across restarts, is appended to <see cref="OutputLog"/>,
/// which stays after it for a failure that needs more than <see cref="Tail"/>.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private const int TailLines = 40;

    private readonly string _fileName;
    private readonly IReadOnlyList<string> _arguments;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly Lock _outputLock = new();
    private readonly Queue<string> _tail = new();
    private Process? _process;
    private StreamWriter? _output;

    /// <param name="fileName">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="environment">Variables set for it over this process's own.</param>
    /// <param name="outputLog">Where its output goes; a new file in the temporary directory when null.</param>
    public ChildProcess(string fileName, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string? outputLog = null)
    {
        _fileName = fileName;
        _arguments = arguments;
        _environment = environment;
        OutputLog = outputLog ?? TemporaryLog(Path.GetFileNameWithoutExtension(fileName));
    }

    /// <summary>
    /// The worker, <c>followerloop run</c> (<paramref name="arguments"/> after <c>run</c>, e.g. <c>--engine durable</c>), from
    /// the caller's output folder: the project starting it references FollowerLoop.Worker.
    /// </summary>
    public static ChildProcess Worker(IReadOnlyDictionary<string, string> environment, IReadOnlyList<string>? arguments = null, string? outputLog = null) =>
        new("dotnet", [Path.Combine(AppContext.BaseDirectory, "FollowerLoop.Worker.dll"), "run", .. arguments ?? []], environment, outputLog ?? TemporaryLog("worker"));

    /// <summary>The running program again, in another mode (the bench's <c>tracking-worker</c>).</summary>
    public static ChildProcess OfThisProgram(IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environment, string? outputLog = null)
    {
        var self = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? new ChildProcess(self, [Assembly.GetEntryAssembly()!.Location, .. arguments], environment, outputLog)
            : new ChildProcess(self, arguments, environment, outputLog);
    }

    /// <summary>Everything the process printed, across restarts.</summary>
    public string OutputLog { get; }

    /// <summary>The process id while it runs.</summary>
    public int? Id => _process is { HasExited: false } running ? running.Id : null;

    /// <summary>The last lines the process printed, and where the whole output is, for a failing test's message.</summary>
    public string Tail
    {
        get
        {
            lock (_outputLock)
            {
                return string.Join(Environment.NewLine, _tail.Append($"(whole output: {OutputLog})"));
            }
        }
    }

    public void Start()
    {
        var start = new ProcessStartInfo(_fileName, _arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        lock (_outputLock)
        {
            _output ??= new StreamWriter(OutputLog, append: true) { AutoFlush = true };
        }

        Append($"--- {Path.GetFileName(_fileName)} {string.Join(' ', _arguments)}: started {TimeProvider.System.GetUtcNow():O}");
        _process = Process.Start(start) ?? throw new InvalidOperationException($"{_fileName} did not start");
        _process.OutputDataReceived += (_, line) => Append(line.Data);
        _process.ErrorDataReceived += (_, line) => Append(line.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>The exit code once the process has ended within <paramref name="timeout"/>; null while it still runs (or never started).</summary>
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

    /// <summary>Kills the process and its children at once (SIGKILL), no graceful shutdown, and reads its output to the end.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        var running = !_process.HasExited;
        if (running)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        var ended = running ? "killed" : $"had exited with {_process.ExitCode}";
        _process.Dispose();
        _process = null;
        Append($"--- {Path.GetFileName(_fileName)}: {ended}, {TimeProvider.System.GetUtcNow():O}");
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

    private static string TemporaryLog(string name) => Path.Combine(Path.GetTempPath(), $"followerloop-{name}-{Guid.NewGuid():N}.log");

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputLock)
        {
            _output?.WriteLine(line);
            _tail.Enqueue(line);
            if (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }
}
