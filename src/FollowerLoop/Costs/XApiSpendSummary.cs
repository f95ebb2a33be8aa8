using FollowerLoop.X.Usage;

namespace FollowerLoop.Costs;

/// <summary>The X API spend of a window of UTC days, per day and job, per job with a month's forecast, and the forecast's assumptions.</summary>
public sealed record XApiSpendSummary(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<XApiSpendRow> Days,
    IReadOnlyList<XApiJobSpend> Jobs,
    DateOnly PricesAsOf,
    string Assumptions)
{
    public long Requests => Jobs.Sum(j => j.Requests);

    public long Resources => Jobs.Sum(j => j.Resources);

    public decimal CostUsd => Jobs.Sum(j => j.CostUsd);

    public decimal ForecastUsdPerMonth => Jobs.Sum(j => j.Forecast?.UsdPerMonth ?? 0);

    public decimal ObservedUsdPerMonth => Jobs.Sum(j => j.ObservedUsdPerMonth);
}
