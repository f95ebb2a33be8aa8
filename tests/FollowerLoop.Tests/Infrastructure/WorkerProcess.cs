using System.Collections.Concurrent;
using System.Diagnostics;

namespace FollowerLoop.Tests.Infrastructure;

/// <summary>A real `followerloop run` process, which a test may kill (no graceful shutdown) and start again.</summary>
/// <param name="arguments">More arguments after <c>run</c> (<c>--engine durable</c>).</param>
public sealed class WorkerProcess(IReadOnlyDictionary<string, string> environment, params string[] arguments) : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    /// <summary>The last lines the worker printed, for a failing test's message.</summary>
    public string Tail => string.Join(Environment.NewLine, _output.TakeLast(40));

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
        while (_output.Count > 400)
        {
            _output.TryDequeue(out _);
        }
    }
}
