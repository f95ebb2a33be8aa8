using System.Diagnostics.Metrics;

namespace FollowerLoop.X.Browser;

/// <summary>
/// Listens to <see cref="BrowserMetrics"/> for one site while alive: how many pages the browser client opened there and
/// how many bytes they received (a benchmark's or a check's view; the meter itself is process-wide).
/// Start it before the client makes its pages, or their bytes go uncounted.
/// </summary>
public sealed class BrowserUsage : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly string _site;
    private long _pageLoads;
    private long _bytes;

    public BrowserUsage(Uri site)
    {
        ArgumentNullException.ThrowIfNull(site);
        _site = site.Authority;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == BrowserMetrics.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (!OnSite(tags))
            {
                return;
            }

            if (instrument == BrowserMetrics.PageLoads)
            {
                Interlocked.Add(ref _pageLoads, value);
            }
            else if (instrument == BrowserMetrics.BytesReceived)
            {
                Interlocked.Add(ref _bytes, value);
            }
        });
        _listener.Start();
    }

    public long PageLoads => Interlocked.Read(ref _pageLoads);

    public long BytesReceived => Interlocked.Read(ref _bytes);

    public void Dispose() => _listener.Dispose();

    private bool OnSite(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == "site")
            {
                return tag.Value as string == _site;
            }
        }

        return false;
    }
}
