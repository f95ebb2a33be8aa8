using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Nodes;
using FollowerLoop.X.Browser;
using FollowerLoop.X.Usage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FollowerLoop.X.Api;

/// <summary>
/// Counts every answered API request into <c>x_api_usage</c> (per day, job of <see cref="XUsageScope"/>,
/// endpoint and price category). One upsert per request, awaited after the answer: X calls are a few
/// thousand a day at most, an upsert is a millisecond next to the call, and nothing is lost in a crash,
/// which a buffer flushed later could not promise. Recording never fails the X call.
/// </summary>
internal sealed class XApiUsageMeter(
    IOptions<XApiPrices> prices,
    IOptions<XClientOptions> account,
    TimeProvider time,
    ILogger<XApiUsageMeter> logger,
    XApiUsageStore? store = null)
{
    // store is null in a host without a database (x commands, the API tests): then nothing is recorded.
    [SuppressMessage("Design", "CA1031", Justification = "Whatever goes wrong with the record, the X call's own outcome must stand.")]
    public async Task RecordAsync(XApiRequest call, JsonObject? answer)
    {
        if (store is null)
        {
            return;
        }

        var (category, resources) = XApiUsageClassifier.Classify(call, answer);
        var usage = new XApiUsageRecord(
            account.Value.Handle,
            DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime),
            XUsageScope.Current,
            call.Endpoint,
            category,
            resources,
            resources * prices.Value.PriceOf(category));
        try
        {
            // Not the caller's token: the request was made and billed even if the job is being cancelled.
            await store.RecordAsync(usage, CancellationToken.None);
        }
        catch (Exception ex)
        {
            Log.UsageNotRecorded(logger, call.Endpoint, ex.Message);
        }
    }
}
