namespace FollowerLoop.Costs;

/// <summary>What a job is expected to ask of the X API in a day at the current settings.</summary>
public sealed record XApiJobForecast(string Job, double RequestsPerDay, double ResourcesPerDay, decimal UsdPerDay)
{
    public const int DaysPerMonth = 30;

    public decimal UsdPerMonth => UsdPerDay * DaysPerMonth;
}
