namespace FollowerLoop.Planning;

/// <summary>A candidate chosen for a slot (<see cref="CandidatePicker.Choose"/>).</summary>
/// <param name="Policy"><see cref="CandidatePicker.Exploit"/> when the pick is also the best mean, else <see cref="CandidatePicker.Explore"/>.</param>
/// <param name="Predicted">The predicted gain in followers, when a model and a follower count exist.</param>
public readonly record struct CandidatePick(int Index, string Policy, double? Predicted);
