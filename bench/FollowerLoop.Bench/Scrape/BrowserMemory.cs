using System.Globalization;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// Resident memory of the Chromium processes this process started (through Playwright's driver):
/// the sum of VmRSS over every descendant whose name starts with "chrom", read from /proc.
/// Shared pages count once per process, so this is an upper bound, as <c>ps</c> would add it up.
/// </summary>
internal sealed class BrowserMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakBytes;

    private BrowserMemory(TimeSpan interval) => _sampling = SampleAsync(interval, _stop.Token);

    public double PeakMegabytes => Interlocked.Read(ref _peakBytes) / (1024.0 * 1024.0);

    /// <summary>Samples every <paramref name="interval"/> until disposed, keeping the peak.</summary>
    public static BrowserMemory StartSampling(TimeSpan interval) => new(interval);

    public static long CurrentBytes()
    {
        var parents = new Dictionary<int, int>();
        var names = new Dictionary<int, string>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ReadStat(pid) is { } stat)
            {
                parents[pid] = stat.Parent;
                names[pid] = stat.Name;
            }
        }

        var self = Environment.ProcessId;
        return parents.Keys
            .Where(pid => names[pid].StartsWith("chrom", StringComparison.Ordinal) && IsDescendant(pid, self, parents))
            .Sum(ResidentBytes);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private static bool IsDescendant(int pid, int ancestor, Dictionary<int, int> parents)
    {
        for (var current = pid; parents.TryGetValue(current, out var parent) && parent > 1; current = parent)
        {
            if (parent == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>(name, parent pid) from /proc/PID/stat: "pid (name) state ppid …"; the name may hold spaces.</summary>
    private static (string Name, int Parent)? ReadStat(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            return (stat[(open + 1)..close], int.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private async Task SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                var bytes = CurrentBytes();
                if (bytes > Interlocked.Read(ref _peakBytes))
                {
                    Interlocked.Exchange(ref _peakBytes, bytes);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Disposed: sampling ends.
        }
    }
}
