using System.Globalization;

namespace FollowerLoop.Bench.Scrape;

/// <summary>
/// Memory of the Chromium processes this process started (<see cref="ChromiumProcesses"/>), read from /proc: the sum of
/// their proportional set sizes (<c>Pss</c> of smaps_rollup: a page shared by n processes counts 1/n in each, so the sum is
/// what the tree really holds) and, as an upper bound, of their VmRSS (shared pages once per process, as <c>ps</c> adds them).
/// </summary>
internal sealed class BrowserMemory : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakBytes;
    private long _peakResidentBytes;

    private BrowserMemory() => _sampling = SampleAsync(Interval, _stop.Token);

    public BrowserPeak Peak => new(Megabytes(Interlocked.Read(ref _peakBytes)), Megabytes(Interlocked.Read(ref _peakResidentBytes)));

    /// <summary>Samples every 50 ms until disposed, keeping the peak.</summary>
    public static BrowserMemory StartSampling() => new();


    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    /// <summary>A field of a /proc file in kB ("VmRSS:", "Pss:"), in bytes; 0 when the process is gone.</summary>
    private static long KilobyteField(string path, string field)
    {
        try
        {
            var line = File.ReadLines(path).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static double Megabytes(long bytes) => bytes / (1024.0 * 1024.0);

    private static void KeepPeak(ref long peak, long bytes)
    {
        if (bytes > Interlocked.Read(ref peak))
        {
            Interlocked.Exchange(ref peak, bytes);
        }
    }

    private async Task SampleAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            do
            {
                var processes = ChromiumProcesses.Current();
                KeepPeak(ref _peakBytes, processes.Sum(pid => KilobyteField($"/proc/{pid}/smaps_rollup", "Pss:")));
                KeepPeak(ref _peakResidentBytes, processes.Sum(pid => KilobyteField($"/proc/{pid}/status", "VmRSS:")));
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Disposed: sampling ends.
        }
    }
}
