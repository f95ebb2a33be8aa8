using System.Diagnostics;
using System.Reflection;
using FollowerLoop.Worker.Engine;

namespace FollowerLoop.Bench.Tracking;

/// <summary>Starts and kills the benchmark's worker process (this program, in <c>tracking-worker</c> mode).</summary>
internal sealed class WorkerChild(IReadOnlyDictionary<string, string> environment, int readMs, JobEngine engine, string readLog) : IAsyncDisposable
{
    private Process? _process;

    public void Start()
    {
        var self = Environment.ProcessPath!;
        var args = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            args.Add(Assembly.GetEntryAssembly()!.Location);
        }

        args.AddRange([TrackingWorkerCommand.Name, "--read-ms", readMs.ToString(System.Globalization.CultureInfo.InvariantCulture), "--engine", engine.ToString(), "--read-log", readLog]);
        var start = new ProcessStartInfo(self, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("the worker did not start");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
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
    }

    public async ValueTask DisposeAsync() => await KillAsync();
}
