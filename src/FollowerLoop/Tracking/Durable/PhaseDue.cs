namespace FollowerLoop.Tracking.Durable;

/// <param name="Phase">The <c>collection_phase</c> value ("baseline", "2h" … "48h").</param>
/// <param name="DueAt">No checkpoint of this phase runs before this moment (real time).</param>
public sealed record PhaseDue(string Phase, DateTimeOffset DueAt);
