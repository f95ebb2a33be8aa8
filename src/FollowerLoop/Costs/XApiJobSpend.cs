namespace FollowerLoop.Costs;

/// <summary>
/// A job's X API use over a window beside what a month costs: <see cref="Forecast"/> at the current
/// settings (null when the settings expect no calls) and <see cref="ObservedUsdPerMonth"/>, the last
/// 7 days' spend ÷ 7 × 30.
/// </summary>
public sealed record XApiJobSpend(string Job, long Requests, long Resources, decimal CostUsd, XApiJobForecast? Forecast, decimal ObservedUsdPerMonth);
