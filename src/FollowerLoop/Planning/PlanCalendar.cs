using System.Text.Json;
using FollowerLoop.Content;
using FollowerLoop.Storage;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Planning;

/// <summary>
/// What a Plan round fills: the free slots of the horizon at the strategy's hours (spaced from what is posted or
/// queued, in the account's time zone), the strategy's content mix, and the posts around now that a new post's
/// timing is judged against. Hours spread over the day and an even mix until a strategy exists.
/// </summary>
public sealed class PlanCalendar(PlanHistory planHistory, StrategyStore strategies, IOptions<AccountOptions> account, IOptions<PlanOptions> options)
{
    public async Task<PlanRound> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var handle = account.Value.Handle;
        var zone = account.Value.GetZone();
        var (history, taken) = await planHistory.ReadAsync(handle, now, settings.Horizon + settings.Spacing, cancellationToken);
        var strategy = await strategies.GetLatestAsync(handle, cancellationToken);
        var mix = strategy is null ? FormatMix.Even : FormatMix.From(JsonSerializer.Deserialize<Dictionary<string, double>>(strategy.ContentMix));
        var hours = PlanSlots.InForce(strategy, settings.PostsPerDay);
        var slots = PlanSlots.Free(now, settings.Horizon, hours, taken, settings.Spacing, zone).Take(settings.Keep).ToList();
        return new PlanRound(slots, mix, history, zone);
    }
}
