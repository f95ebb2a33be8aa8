using Microsoft.Playwright;

namespace FollowerLoop.X.Browser;

/// <summary>
/// A response's body, waited for no longer than a limit. Playwright hands a body over once Chromium has it all, and
/// Chromium may never have it: an answer that stopped mid-way (a connection that died after the headers) and, now and
/// then, one the page itself read (seen in the dashboard tests' sandbox runs: timeline reads that waited on such a body
/// until the operation's 3-minute deadline, two in nine runs).
/// </summary>
internal static class ResponseBody
{
    /// <summary>The body, or null when the page moved on before it was read or it did not come within <paramref name="timeout"/>.</summary>
    public static async Task<string?> ReadAsync(IResponse response, TimeSpan timeout)
    {
        try
        {
            // Real time on purpose: this waits for the network, not for the business clock.
            return await response.TextAsync().WaitAsync(timeout);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return null;
        }
    }
}
