namespace FollowerLoop.Worker.Dashboard.Followers;

/// <summary>Arrivals first listed and departures found on one UTC day (<see cref="Day"/> is its midnight).</summary>
public sealed record FollowerDay(DateTimeOffset Day, int Arrivals, int Departures);
