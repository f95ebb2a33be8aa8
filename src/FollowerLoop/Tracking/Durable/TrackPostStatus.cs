namespace FollowerLoop.Tracking.Durable;

/// <summary>The orchestration's custom status (what Durable Functions Monitor shows): small, well under 16 KB.</summary>
/// <param name="Done">Phases finished so far (measured, failed or skipped).</param>
/// <param name="Next">The phase waited for, or null when tracking is over.</param>
/// <param name="NextDueAt">When <paramref name="Next"/> is due, or its next attempt (real time).</param>
/// <param name="Attempt">The attempt of <paramref name="Next"/> waited for.</param>
public sealed record TrackPostStatus(IReadOnlyList<string> Done, string? Next, DateTimeOffset? NextDueAt, int Attempt);
