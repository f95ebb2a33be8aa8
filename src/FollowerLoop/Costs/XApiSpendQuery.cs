using FollowerLoop.X.Usage;
using Microsoft.Extensions.Options;

namespace FollowerLoop.Costs;

/// <summary>The spend summary the report and the growth page show.</summary>
public sealed class XApiSpendQuery(XApiUsageStore store, XApiSpendForecast forecast, IOptions<XApiPrices> prices)
{
    /// <summary>The days the observed monthly rate is taken from.</summary>
    public const int ObservedDays = 7;

    /// <summary>Days [<paramref name="from"/>, <paramref name="to"/>]; the observed rate uses the 7 days up to <paramref name="to"/> (its spend so far included).</summary>
    public async Task<XApiSpendSummary> LoadAsync(string account, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var observedFrom = to.AddDays(1 - ObservedDays);
        var rows = await store.GetDailyAsync(account, from < observedFrom ? from : observedFrom, to, cancellationToken);
        var window = rows.Where(r => r.Day >= from).ToList();
        var observed = rows.Where(r => r.Day >= observedFrom).ToList();
        var forecasts = forecast.PerDay().ToDictionary(f => f.Job, StringComparer.Ordinal);
        var jobs = window.Select(r => r.Job).Concat(observed.Select(r => r.Job)).Concat(forecasts.Keys)
            .Distinct(StringComparer.Ordinal)
            .Select(job =>
            {
                var mine = window.Where(r => r.Job == job).ToList();
                var month = observed.Where(r => r.Job == job).Sum(r => r.CostUsd) / ObservedDays * XApiJobForecast.DaysPerMonth;
                return new XApiJobSpend(job, mine.Sum(r => r.Requests), mine.Sum(r => r.Resources), mine.Sum(r => r.CostUsd), forecasts.GetValueOrDefault(job), month);
            })
            .OrderByDescending(j => j.Forecast?.UsdPerMonth ?? 0).ThenByDescending(j => j.CostUsd).ThenBy(j => j.Job, StringComparer.Ordinal)
            .ToList();
        return new XApiSpendSummary(from, to, window, jobs, prices.Value.AsOf, forecast.Assumptions);
    }
}
