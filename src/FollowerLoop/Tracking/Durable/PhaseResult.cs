namespace FollowerLoop.Tracking.Durable;

/// <param name="Phase">The <c>collection_phase</c> value.</param>
/// <param name="Outcome">What the last attempt did: <c>Measured</c>, <c>Failed</c> or <c>Skipped</c>.</param>
/// <param name="Attempts">Attempts made.</param>
public sealed record PhaseResult(string Phase, string Outcome, int Attempts);
