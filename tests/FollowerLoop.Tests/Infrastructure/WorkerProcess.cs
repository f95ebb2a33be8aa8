using System.Collections.Concurrent;
using System.Diagnostics;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>A real `followerloop run` process, which a test may kill (no graceful shutdown) and start again.</summary>
/// <param name="arguments">More arguments after <c>run</c> (<c>--engine durable</c>).</param>
public sealed class WorkerProcess(IReadOnlyDictionary<string, string> environment, params string[] arguments) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private readonly Lock _logGate = new();
    private Process? _process;

    /// <summary>Everything the worker printed, across restarts: kept after the test, for a failure that needs more than the tail.</summary>
    public string LogPath { get; } = Path.Combine(Path.GetTempPath(), $"followerloop-worker-{Guid.NewGuid():N}.log");

    /// <summary>The last lines the worker printed, and where the whole output is, for a failing test's message.</summary>
    public string Tail => string.Join(Environment.NewLine, _output.TakeLast(40).Append($"(whole output: {LogPath})"));

    public void Start()
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "FollowerLoop.Worker.dll"), "run", .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        Keep($"--- followerloop run {string.Join(' ', arguments)}, started {DateTime.UtcNow:O}");
        _process = Process.Start(start) ?? throw new InvalidOperationException("the worker did not start");
        _process.OutputDataReceived += (_, e) => Keep(e.Data);
        _process.ErrorDataReceived += (_, e) => Keep(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Kills the worker and its browser at once (SIGKILL), as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    public async ValueTask DisposeAsync() => await KillAsync();

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        lock (_logGate)
        {
            File.AppendAllText(LogPath, line + Environment.NewLine);
        }

        while (_output.Count > 400)
        {
            _output.TryDequeue(out _);
        }
    }
}
