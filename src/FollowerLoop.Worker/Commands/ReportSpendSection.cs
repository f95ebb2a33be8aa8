using System.Globalization;
using FollowerLoop.Costs;

namespace FollowerLoop.Worker.Commands;

/// <summary>The report's "X API requests and spend": per day and job over the window, per job with a month's forecast beside the observed rate.</summary>
internal static class ReportSpendSection
{
    public static async Task WriteAsync(XApiSpendQuery spend, string handle, DateTimeOffset from, DateTimeOffset to, TextWriter output, CancellationToken cancellationToken)
    {
        var summary = await spend.LoadAsync(handle, DateOnly.FromDateTime(from.UtcDateTime), DateOnly.FromDateTime(to.UtcDateTime), cancellationToken);
        await output.WriteLineAsync(Text($"X API requests and spend (UTC days {summary.From:yyyy-MM-dd} to {summary.To:yyyy-MM-dd}; USD at XApi:Prices of {summary.PricesAsOf:yyyy-MM-dd})"));
        await output.WriteLineAsync(Text($"  {"day",-12}{"job",-20}{"requests",10}{"resources",11}{"USD",11}"));
        if (summary.Days.Count == 0)
        {
            await output.WriteLineAsync("  no X API request recorded in the window");
        }

        foreach (var row in summary.Days)
        {
            await output.WriteLineAsync(Text($"  {row.Day,-12:yyyy-MM-dd}{row.Job,-20}{row.Requests,10:N0}{row.Resources,11:N0}{row.CostUsd,11:0.0000}"));
        }

        await output.WriteLineAsync(Text($"  {"per job",-12}"));
        foreach (var job in summary.Jobs.Where(j => j.Requests > 0))
        {
            await output.WriteLineAsync(Text($"  {"",-12}{job.Job,-20}{job.Requests,10:N0}{job.Resources,11:N0}{job.CostUsd,11:0.0000}"));
        }

        await output.WriteLineAsync(Text($"  {"total",-12}{"",-20}{summary.Requests,10:N0}{summary.Resources,11:N0}{summary.CostUsd,11:0.0000}"));
        await output.WriteLineAsync(Text($"  a month (30 days): {"job",-20}{"forecast req/day",17}{"forecast USD",14}{"observed USD",14}"));
        foreach (var job in summary.Jobs)
        {
            var requests = job.Forecast is { } f ? Text($"{f.RequestsPerDay,17:N1}") : Text($"{"-",17}");
            await output.WriteLineAsync(Text($"  {"",-19}{job.Job,-20}{requests}{job.Forecast?.UsdPerMonth ?? 0,14:0.00}{job.ObservedUsdPerMonth,14:0.00}"));
        }

        await output.WriteLineAsync(Text($"  {"",-19}{"total",-20}{"",17}{summary.ForecastUsdPerMonth,14:0.00}{summary.ObservedUsdPerMonth,14:0.00}"));
        await output.WriteLineAsync(Text($"  forecast: at the current settings; observed: the last {XApiSpendQuery.ObservedDays} days (today so far included) ÷ {XApiSpendQuery.ObservedDays} × 30"));
        await output.WriteLineAsync($"  assumptions: {summary.Assumptions}");
        await output.WriteLineAsync();
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
