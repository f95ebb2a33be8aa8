using System.Diagnostics.Metrics;
using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>
/// What the browser client costs X and the machine, as .NET metrics (meter <c>FollowerLoop.X.Browser</c>): page loads, and
/// the bytes each page received. Each measurement is tagged with the site (<c>x.com</c>, or the sandbox's host:port).
/// Bytes are counted only while someone listens (a benchmark, a test, an exporter): asking Chromium for a response's
/// size costs a round trip.
/// </summary>
public static class BrowserMetrics
{
    public const string MeterName = "FollowerLoop.X.Browser";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Navigations to a page of X (each loads the page's HTML, script and calls).</summary>
    public static readonly Counter<long> PageLoads = Meter.CreateCounter<long>("followerloop.x.page_loads", description: "Pages of X the browser client opened");

    /// <summary>Response bytes (headers and body, as sent) of every request a page made.</summary>
    public static readonly Counter<long> BytesReceived = Meter.CreateCounter<long>("followerloop.x.bytes_received", unit: "By", description: "Bytes the browser client's pages received");

    internal static KeyValuePair<string, object?> Site(Uri baseUrl) => new("site", baseUrl.Authority);

    /// <summary>Counts what <paramref name="page"/> receives, if anyone listens now.</summary>
    internal static void Watch(IPage page, Uri baseUrl)
    {
        if (!BytesReceived.Enabled)
        {
            return;
        }

        var site = Site(baseUrl);
        page.RequestFinished += async (_, request) =>
        {
            try
            {
                var sizes = await request.SizesAsync();
                BytesReceived.Add(sizes.ResponseHeadersSize + sizes.ResponseBodySize, site);
            }
            catch (PlaywrightException)
            {
                // The page closed before Chromium said: that response goes uncounted.
            }
        };
    }
}
